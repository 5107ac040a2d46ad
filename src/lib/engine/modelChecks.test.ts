/**
 * Model checks a user meets when a forecast is well-formed but behaves badly: overlapping guards
 * without priorities and `always` loops are errors; dead states and transitions are warnings.
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

const isA = (level: string) => ({
  type: 'driverIs',
  params: { driver: 'ukraine', levels: [level] }
});

function always(id: string, from: string, to: string, guard: unknown) {
  return { id, from, to, trigger: 'always', guard, source: { para: 16 } };
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
      const anyQuarter = { type: 'from', params: { quarter: '2020Q1' } };
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

describe('dead parts are warnings, and the forecast still loads', () => {
  it('warns about a state no transition leads to', () => {
    const { catalog, issues } = loadEdited((d) => {
      d.states.isolated = {
        label: 'Isolation',
        level: -3,
        description: 'Nothing leads here.',
        source: { para: 16 }
      };
    });
    expect(issues).toEqual([
      {
        severity: 'warning',
        file: FILE,
        path: 'states.isolated',
        message: 'state "isolated" is unreachable under any driver schedule'
      }
    ]);
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['test-analyst']);
  });

  it.each([
    [
      'an earlier transition always pre-empts it',
      { type: 'driverAtMost', params: { driver: 'armsControl', level: 'collapsed' } }
    ],
    ['its guard holds only before the start', { type: 'until', params: { quarter: '2019Q4' } }]
  ])('warns about a transition that can never fire: %s', (_, guard) => {
    const { catalog, issues } = loadEdited((d) => {
      d.transitions.push({
        id: 'dead-end',
        from: 'standoff',
        to: 'breakdown',
        priority: 3,
        guard,
        source: { para: 15 }
      });
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', file: FILE, path: 'transitions[3]' });
    expect(issues[0]!.message).toMatch(/^transition "dead-end" can never fire/);
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['test-analyst']);
  });
});
