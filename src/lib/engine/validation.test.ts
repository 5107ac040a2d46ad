/**
 * Schema errors, one per kind of mistake: a small valid forecast (fixtures/test-analyst.yaml) is
 * loaded with the real shared files and articles, then broken one way at a time. Each case checks
 * what a user reads: the file, the path inside it and the key words of the message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { catalogFiles, readArticles, readCatalog, scenariosDir } from '../../cli/readCatalog';
import { loadCatalog, type SourceFile } from './catalog';

const FILE = 'scenarios/forecasts/test-analyst.yaml';
const BASE = readFileSync(new URL('./fixtures/test-analyst.yaml', import.meta.url), 'utf8');
const articles = readArticles();
const STATED_16 = { para: 16, basis: 'stated', quote: 'should remain stable' };

function load(...forecasts: SourceFile[]) {
  return loadCatalog({ ...catalogFiles([]), forecasts }, { articles });
}

/** [path, value]: set the value at `states.standoff.label` or `transitions[1].id`; undefined deletes. */
type Edit = [path: string, value: unknown];

function edit(text: string, ...edits: Edit[]): string {
  const doc = parse(text) as Record<string, unknown>;
  for (const [path, value] of edits) {
    const keys = path.match(/[^.[\]]+/g)!;
    let node = doc;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    if (value === undefined) delete node[keys.at(-1)!];
    else node[keys.at(-1)!] = value;
  }
  return stringify(doc);
}

it('finds the numbered articles, so paragraphs and quotes are checked', () => {
  expect(articles?.['trenin-2020-guardrails']?.length).toBeGreaterThanOrEqual(20);
});

it('loads the valid base forecast with no issue at all', () => {
  for (const text of [BASE, edit(BASE)]) {
    const { catalog, issues } = load({ path: FILE, text });
    expect(issues).toEqual([]);
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['test-analyst']);
    expect(catalog?.models.has('test-analyst')).toBe(true);
  }
});

interface Mistake {
  kind: string;
  edits: Edit[];
  path: string;
  /** Phrases the message must contain: what was wrong, what was expected, the suggestion. */
  says: string[];
  /** Issues in all (default 1): one mistake, one message. */
  count?: number;
}

const mistakes: Mistake[] = [
  {
    kind: 'a misspelt driver',
    edits: [['transitions[0].guard.params.driver', 'armsControll']],
    path: 'transitions[0].guard.params.driver',
    says: [
      'unknown driver "armsControll"',
      'expected one of sanctions, armsControl,',
      '(did you mean "armsControl"?)'
    ]
  },
  {
    kind: 'a misspelt level',
    edits: [['transitions[0].guard.params.level', 'lapsed-restrant']],
    path: 'transitions[0].guard.params.level',
    says: [
      'unknown level "lapsed-restrant" for armsControl',
      'expected one of collapsed, lapsed-restraint, in-force, new-framework',
      '(did you mean "lapsed-restraint"?)'
    ]
  },
  {
    kind: 'an unknown target state',
    edits: [['transitions[1].to', 'breakdwon']],
    path: 'transitions[1].to',
    says: [
      'unknown state "breakdwon"',
      'expected one of standoff, breakdown',
      '(did you mean "breakdown"?)'
    ]
  },
  {
    kind: 'a misspelt guard type',
    edits: [['transitions[0].guard.type', 'driverAtMots']],
    path: 'transitions[0].guard.type',
    says: [
      'expected one of driverIs, driverAtLeast, driverAtMost, from, until, and, or, not',
      'got "driverAtMots" (did you mean "driverAtMost"?)'
    ]
  },
  {
    kind: 'a duplicate transition id',
    edits: [['transitions[1].id', 'treaty-lapses']],
    path: 'transitions[1].id',
    says: ['duplicate transition id "treaty-lapses"']
  },
  {
    kind: 'driverAtLeast on the unordered ukraine driver',
    edits: [
      ['transitions[1].guard.params.guards[0].type', 'driverAtLeast'],
      ['transitions[1].guard.params.guards[0].params', { driver: 'ukraine', level: 'war' }]
    ],
    path: 'transitions[1].guard.params.guards[0].type',
    says: ['ukraine has no order', 'driverAtLeast cannot apply', 'expected driverIs']
  },
  {
    kind: 'a malformed quarter in a `from` guard',
    edits: [['transitions[2].guard.params.guards[0].params.quarter', '2022-Q1']],
    path: 'transitions[2].guard.params.guards[0].params.quarter',
    says: ['expected a quarter like 2020Q1']
  },
  {
    kind: 'a state without a source',
    edits: [['states.breakdown.source', undefined]],
    path: 'states.breakdown.source',
    says: ['missing', 'expected object']
  },
  {
    kind: 'a quote longer than 12 words',
    edits: [
      [
        'states.standoff.source.quote',
        'No new reset is in the offing, and the outlook remains negative, if generally stable'
      ]
    ],
    path: 'states.standoff.source.quote',
    says: ['expected a quote of at most 12 words']
  },
  {
    kind: 'a quote that is not in the cited paragraph',
    edits: [['transitions[0].source.quote', 'rely on their own technical means']],
    path: 'transitions[0].source.quote',
    says: ['the quote does not appear in trenin-2020-guardrails ¶15']
  },
  {
    kind: 'a paragraph the article does not have',
    edits: [['states.breakdown.source.para', 99]],
    path: 'states.breakdown.source.para',
    says: ['¶99 does not exist in trenin-2020-guardrails', '(it has ¶1–¶23)']
  },
  {
    kind: 'an unknown likelihood term',
    edits: [['transitions[1].probability.term', 'likley']],
    path: 'transitions[1].probability.term',
    says: [
      'unknown likelihood term "likley"',
      'expected one of almost-no-chance, very-unlikely,',
      '(did you mean "likely"?)'
    ]
  },
  {
    kind: 'a probability on an `always` transition',
    edits: [
      ['transitions[2].trigger', 'always'],
      ['transitions[2].probability', { term: 'likely', source: STATED_16 }]
    ],
    path: 'transitions[2].probability',
    says: ['an `always` transition fires at once and takes no probability']
  },
  {
    kind: 'a claim citing an unknown event topic',
    edits: [
      [
        'claims',
        [
          {
            id: 'no-reset',
            claim: 'No reset.',
            source: { para: 20, basis: 'stated', quote: 'No new reset is in the offing' },
            window: { from: '2020Q3', until: '2021Q4' },
            topics: ['diplomaticTie'],
            test: { expect: 'never', level: { atLeast: 2 } }
          }
        ]
      ]
    ],
    path: 'claims[0].topics[0]',
    says: ['unknown topic "diplomaticTie"', '(did you mean "diplomaticTies"?)']
  },
  {
    kind: 'a claim with neither a test nor a judgement',
    edits: [
      [
        'claims',
        [
          {
            id: 'no-reset',
            claim: 'No reset.',
            source: { para: 20, basis: 'stated', quote: 'No new reset is in the offing' },
            window: { from: '2020Q3', until: '2021Q4' },
            topics: ['sanctions']
          }
        ]
      ]
    ],
    path: 'claims[0]',
    says: ['either a `test` computed from the record or a `judged` verdict']
  },
  {
    kind: 'an id that is not the file name',
    edits: [['id', 'other-analyst']],
    path: 'id',
    says: ['expected "test-analyst" (the file\'s name)', 'got "other-analyst"']
  },
  {
    kind: 'an unknown key (a misspelt `label`)',
    edits: [
      ['states.standoff.label', undefined],
      ['states.standoff.lable', 'Managed standoff']
    ],
    path: 'states.standoff',
    says: ['unknown key "lable"'],
    count: 2 // and `states.standoff.label` is missing
  }
];

describe('one error per kind of mistake', () => {
  it.each(mistakes)('$kind: $path', ({ edits, path, says, count = 1 }) => {
    const { catalog, issues } = load({ path: FILE, text: edit(BASE, ...edits) });
    expect(issues).toHaveLength(count);
    const issue = issues.find((i) => i.path === path);
    expect(issue).toMatchObject({ severity: 'error', file: FILE, path });
    for (const phrase of says) expect(issue!.message).toContain(phrase);
    // A forecast with an error is left out; the shared files still load.
    expect(catalog?.scenarios).toEqual([]);
  });

  it('names the missing `label` of a misspelt key too', () => {
    const text = edit(BASE, ['states.standoff.label', undefined], ['states.standoff.lable', 'x']);
    const { issues } = load({ path: FILE, text });
    expect(issues).toContainEqual({
      severity: 'error',
      file: FILE,
      path: 'states.standoff.label',
      message: 'missing; expected string'
    });
  });

  it('reports a YAML syntax error with the line it is on', () => {
    const lines = BASE.split('\n');
    const at = lines.findIndex((l) => l.startsWith('thesis:'));
    lines[at] = 'thesis: Arms control: the last guardrail';
    const { catalog, issues } = load({ path: FILE, text: lines.join('\n') });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: FILE, path: '' });
    expect(issues[0]!.message).toMatch(new RegExp(`^not valid YAML at line ${at + 1}\\b`));
    expect(catalog?.scenarios).toEqual([]);
  });
});

describe('loading the catalog', () => {
  it('leaves a broken forecast out and still loads the valid one, unchanged', () => {
    const broken = {
      path: 'scenarios/forecasts/test-broken.yaml',
      text: edit(
        BASE,
        ['id', 'test-broken'],
        ['transitions[0].guard.params.driver', 'armsControll']
      )
    };
    const alone = load({ path: FILE, text: BASE });
    const { catalog, issues } = load(broken, { path: FILE, text: BASE });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.file === broken.path)).toBe(true);
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['test-analyst']);
    expect([...catalog!.models.keys()]).toEqual(['test-analyst']);
    expect(catalog!.scenarios[0]).toEqual(alone.catalog!.scenarios[0]);
  });

  it('loads the real forecasts in scenarios/forecasts with no error and no warning', () => {
    const files = readdirSync(join(scenariosDir, 'forecasts')).filter((n) => n.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    const { catalog, issues, articlesFound } = readCatalog();
    expect(articlesFound).toBe(true);
    expect(issues).toEqual([]);
    expect(catalog?.scenarios.map((s) => `${s.id}.yaml`).sort()).toEqual(files.sort());
  });
});

describe('the driver vocabulary', () => {
  it('names a driver source whose paragraph does not exist in the cited article', () => {
    const files = catalogFiles([]);
    const text = files.drivers.text.replace(
      '{ ref: notte-2025-reset, para: 12 }',
      '{ ref: notte-2025-reset, para: 412 }'
    );
    expect(text).not.toBe(files.drivers.text);
    const { issues } = loadCatalog({ ...files, drivers: { ...files.drivers, text } }, { articles });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: files.drivers.path,
      path: 'drivers[0].sources[3].para',
      severity: 'error'
    });
    expect(issues[0]!.message).toMatch(/¶412 does not exist in notte-2025-reset/);
  });
});
