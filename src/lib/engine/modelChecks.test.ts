/**
 * Model checks a user meets when a forecast is well-formed but behaves badly: overlapping guards
 * without priorities, `always` loops, hedges that compound past their term, and dead states and
 * transitions (unless marked `reachable: false`) are errors.
 * Same base forecast as validation.test.ts (fixtures/test-analyst.yaml), loaded with the real
 * shared files and articles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { catalogFiles, readArticles } from '../../cli/readCatalog';
import { loadCatalog } from './catalog';

const FILE = 'scenarios/forecasts/test-analyst.yaml';
const BASE = readFileSync(new URL('./fixtures/test-analyst.yaml', import.meta.url), 'utf8');
const articles = readArticles();

interface Draft {
  states: Record<string, Record<string, unknown>>;
  transitions: Array<Record<string, unknown>>;
}

/** Loads the base forecast after `change` has edited its parsed form. */
function loadEdited(change: (draft: Draft) => void) {
  const draft = parse(BASE) as Draft;
  change(draft);
  const forecasts = [{ path: FILE, text: stringify(draft) }];
  return loadCatalog({ ...catalogFiles([]), forecasts }, { articles });
}

const READ = { para: 16, basis: 'reading', why: 'A test condition.' };

const isA = (level: string) => ({
  type: 'driverIs',
  params: { driver: 'ukraine', levels: [level] },
  source: READ
});

function always(id: string, from: string, to: string, guard: unknown) {
  return { id, from, to, trigger: 'always', guard, source: READ };
}

describe('overlapping transitions out of one state', () => {
  it.each([
    ['without priorities', [undefined, undefined]],
    ['with the same priority', [1, 1]],
    ['with a priority on one only', [1, undefined]]
  ])('is an error %s, naming both ids and a quarter and levels where both hold', (_, ranks) => {
    const { catalog, issues } = loadEdited((d) => {
      d.transitions[0]!.priority = ranks[0];
      d.transitions[1]!.priority = ranks[1];
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: FILE, path: 'transitions[1]' });
    const message = issues[0]!.message;
    expect(message).toContain('"treaty-lapses" and "war-breaks-out" both leave standoff');
    // The witness: arms control lapsed (at most lapsed-restraint) while Ukraine is at war.
    expect(message).toMatch(
      /\(armsControl=(collapsed|lapsed-restraint), ukraine=war\b.* in \d{4}Q\d\)/
    );
    expect(message).toContain('expected distinct `priority` values');
    expect(catalog?.scenarios).toEqual([]);
  });

  it('is not an error when the guards can never hold together', () => {
    const { issues } = loadEdited((d) => {
      d.transitions[0]!.priority = undefined;
      d.transitions[1]!.priority = undefined;
      // Arms control lapsing is now only possible while Ukraine is not at war.
      d.transitions[0]!.guard = {
        type: 'and',
        params: {
          guards: [d.transitions[0]!.guard, { type: 'not', params: { guard: isA('war') } }]
        }
      };
    });
    expect(issues).toEqual([]);
  });
});

describe('`always` transitions', () => {
  it('reports a loop that never settles as an error instead of hanging', () => {
    const { catalog, issues } = loadEdited((d) => {
      const anyQuarter = { type: 'from', params: { quarter: '2020Q1' }, source: READ };
      d.transitions.push(always('fall', 'standoff', 'breakdown', anyQuarter));
      d.transitions.push(always('rise', 'breakdown', 'standoff', anyQuarter));
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: FILE, path: 'transitions' });
    expect(issues[0]!.message).toMatch(
      /^`always` transitions from standoff never settle \(.+ in 2020Q2\)$/
    );
    expect(catalog?.scenarios).toEqual([]);
  }, 5000);

  it('accepts a cycle of `always` transitions whose guards exclude each other', () => {
    const { catalog, issues } = loadEdited((d) => {
      d.transitions.push(always('fall', 'standoff', 'breakdown', isA('war')));
      d.transitions.push(
        always('rise', 'breakdown', 'standoff', { type: 'not', params: { guard: isA('war') } })
      );
    });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['test-analyst']);
  });
});

const isolated = {
  label: 'Isolation',
  level: -3,
  description: 'Nothing leads here.',
  source: READ
};

describe('dead parts are errors unless marked, found by exhaustive search', () => {
  it('refuses a planted state no transition leads to', () => {
    const { catalog, issues } = loadEdited((d) => {
      d.states.isolated = isolated;
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: FILE, path: 'states.isolated' });
    expect(issues[0]!.message).toMatch(
      /^state "isolated" is unreachable under any driver schedule from 2020Q2 to 2030Q4; .*`reachable: false`/
    );
    expect(catalog?.scenarios).toEqual([]);
  });

  it('finds a state reachable only through one late calendar window and one driver level', () => {
    const { issues } = loadEdited((d) => {
      d.states.isolated = isolated;
      d.transitions.push({
        id: 'late-collapse',
        from: 'breakdown',
        to: 'isolated',
        guard: {
          type: 'and',
          params: {
            guards: [
              { type: 'from', params: { quarter: '2030Q4' }, source: READ },
              {
                type: 'driverIs',
                params: { driver: 'sanctions', levels: ['escalating'] },
                source: READ
              }
            ]
          }
        },
        source: READ
      });
    });
    expect(issues).toEqual([]);
  });

  it('accepts a state marked `reachable: false` with a reason, and says so if it is reachable', () => {
    const { catalog, issues } = loadEdited((d) => {
      d.states.isolated = { ...isolated, reachable: false, whyUnreachable: 'Named to rule out.' };
    });
    expect(issues).toEqual([]);
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['test-analyst']);

    const marked = loadEdited((d) => {
      d.states.breakdown!.reachable = false;
      d.states.breakdown!.whyUnreachable = 'Wrongly marked.';
    });
    expect(marked.issues).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'states.breakdown.reachable' })
    ]);
  });

  it('refuses `reachable: false` without a reason', () => {
    const { issues } = loadEdited((d) => {
      d.states.isolated = { ...isolated, reachable: false };
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'states.isolated.whyUnreachable',
        message: 'expected an element marked `reachable: false` needs `whyUnreachable`'
      })
    ]);
  });

  it.each([
    [
      'an earlier transition always pre-empts it',
      { type: 'driverAtMost', params: { driver: 'armsControl', level: 'collapsed' }, source: READ }
    ],
    [
      'its guard holds only before the start',
      { type: 'until', params: { quarter: '2019Q4' }, source: READ }
    ]
  ])('refuses a transition that can never fire: %s', (_, guard) => {
    const { catalog, issues } = loadEdited((d) => {
      d.transitions.push({
        id: 'dead-end',
        from: 'standoff',
        to: 'breakdown',
        priority: 3,
        guard,
        source: READ
      });
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: FILE, path: 'transitions[3]' });
    expect(issues[0]!.message).toMatch(/^transition "dead-end" can never fire/);
    expect(catalog?.scenarios).toEqual([]);
  });
});

describe('hedges stay within their term', () => {
  const hedge = (probability: Record<string, unknown>, until?: string) => (d: Draft) => {
    const war = isA('war');
    d.transitions[1]!.guard = until
      ? {
          type: 'and',
          params: { guards: [war, { type: 'until', params: { quarter: until }, source: READ }] }
        }
      : war;
    d.transitions[1]!.probability = { ...probability, source: READ };
  };

  it('refuses a per-quarter hedge with no window: it compounds to near certainty', () => {
    // "unlikely" (at most 45 %) at 32.5 % a quarter over 2020Q3–2030Q4 (42 quarters) → ~100 %.
    const { issues } = loadEdited(hedge({ term: 'unlikely' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', path: 'transitions[1].probability' });
    expect(issues[0]!.message).toContain('can be tried in 42 quarters (2020Q3–2030Q4)');
    expect(issues[0]!.message).toContain('compounds to 100 %, past “Unlikely” (at most 45 %)');
  });

  it('accepts the same hedge spread over its window, and refuses a window longer than it', () => {
    // 2020Q3–2022Q4 is 10 quarters: withinQuarters 10 keeps the cumulative chance at 32.5 %.
    expect(loadEdited(hedge({ term: 'unlikely', withinQuarters: 10 }, '2022Q4')).issues).toEqual(
      []
    );
    // Over 14 quarters the same per-quarter chance reaches 1 − 0.675^(14/10) ≈ 42 %: still within.
    expect(loadEdited(hedge({ term: 'unlikely', withinQuarters: 10 }, '2023Q4')).issues).toEqual(
      []
    );
    // Over 18 quarters ≈ 51 % > 45 %.
    const { issues } = loadEdited(hedge({ term: 'unlikely', withinQuarters: 10 }, '2024Q4'));
    expect(issues.map((i) => i.path)).toEqual(['transitions[1].probability']);
  });
});
