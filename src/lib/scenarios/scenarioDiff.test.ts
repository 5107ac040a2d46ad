import { describe, expect, it } from 'vitest';
import { realCatalog } from '../engine/testCatalog';
import type { PathResult, PathStep } from '$lib/engine';
import { analystsOf } from '$lib/state/views';
import { diffScenarios, rowSentence, spansOf, type Side } from './scenarioDiff';
import { describeView, savedView } from './savedView';

const Q = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];

/** A path through states named by level: 'L1' at level 1. */
function path(id: string, levels: Array<number | null>): PathResult {
  const steps = levels.flatMap((level, i) =>
    level === null
      ? []
      : [{ quarter: Q[i]!, state: `L${level}`, label: `Level ${level}`, level } as PathStep]
  );
  return { scenario: id, steps } as PathResult;
}

const analyst = (id: string, index: number) => ({
  id,
  label: id.toUpperCase(),
  colour: '#000',
  yours: false,
  index
});
const analysts = [analyst('x', 0), analyst('y', 1), analyst('z', 2)];

function side(name: string, levels: Record<string, Array<number | null>>, shown?: string[]): Side {
  return {
    name,
    paths: new Map(Object.entries(levels).map(([id, l]) => [id, path(id, l)])),
    shown: shown ?? Object.keys(levels)
  };
}

describe('diffScenarios', () => {
  it('marks the quarters where an analyst differs and counts who ends higher or lower', () => {
    const a = side('Talks', { x: [0, 0, 0, 0], y: [1, 1, 1, 1], z: [0, 0, 0, 0] });
    const b = side('War', { x: [0, -1, -1, 1], y: [1, 1, 0, 0], z: [0, 0, 0, 0] });
    const diff = diffScenarios(analysts, a, b, Q);
    expect(diff.rows.map((r) => r.differs)).toEqual([
      [false, true, true, true],
      [false, false, true, true],
      [false, false, false, false]
    ]);
    expect(diff.quarters).toEqual(['2025Q2', '2025Q3', '2025Q4']);
    expect(diff.summary).toBe(
      'Under B (“War”) against A (“Talks”), 1 analyst ends higher, 1 analyst ends lower and 1 analyst ends at the same level. 2 analysts are in a different state in some quarter, from 2025Q2 on.'
    );
    expect(rowSentence(diff.rows[0]!)).toBe(
      'X: differs in 3 quarters (2025Q2–2025Q4). In 2025Q4: 0 (Level 0) under A, +1 (Level 1) under B.'
    );
    expect(rowSentence(diff.rows[2]!)).toBe('Z: the same in every quarter.');
  });

  it('identical scenarios say so', () => {
    const levels = { x: [0, 1, 1, 1] };
    const diff = diffScenarios(analysts, side('A', levels), side('B', levels), Q);
    expect(diff.quarters).toEqual([]);
    expect(diff.summary).toBe('“A” and “B” put every analyst in the same state in every quarter.');
  });

  it('an analyst shown in only one scenario gets a row that says so, in catalog order', () => {
    const paths = { x: [0, 0, 0, 0], y: [0, 0, 0, 0], z: [0, 0, 0, 0] };
    const a = side('A', paths, ['z']);
    const b = side('B', { ...paths, x: [0, 0, 0, 2] }, ['x']);
    const diff = diffScenarios(analysts, a, b, Q);
    expect(diff.rows.map((r) => [r.id, r.inA, r.inB])).toEqual([
      ['x', false, true],
      ['z', true, false]
    ]);
    expect(rowSentence(diff.rows[0]!)).toMatch(
      /^X \(shown in B only\): differs in 1 quarter \(2025Q4\)/
    );
  });

  it('the end compares the last quarter both have; a model that has not started is no difference', () => {
    const a = side('A', { x: [null, 0, 1, null] });
    const b = side('B', { x: [null, 0, -1, null] });
    const [row] = diffScenarios(analysts, a, b, Q).rows;
    expect(row!.end).toMatchObject({ quarter: '2025Q3', a: 1, b: -1 });
    expect(row!.differs).toEqual([false, false, true, false]);
  });

  it('spans join consecutive quarters', () => {
    expect(spansOf(Q, [true, true, false, true])).toBe('2025Q1–2025Q2, 2025Q4');
    expect(spansOf(Q, [false, false, false, false])).toBe('');
  });
});

describe('saved views on the real catalog', () => {
  const catalog = realCatalog();
  const quarters = ['2026Q1', '2027Q1', '2028Q1', '2030Q4'];

  it('a driver change in B shows up as a difference, and a description names it', () => {
    const a = savedView(catalog, '?q=2026Q1');
    const b = savedView(catalog, '?o=sanctions.lifted.2026Q1,ukraine.settlement.2026Q1&q=2027Q1');
    expect(a.notices).toEqual([]);
    expect(b.notices).toEqual([]);
    const diff = diffScenarios(
      analystsOf(catalog),
      { name: 'A', paths: a.run.paths, shown: a.exploration.analysts },
      { name: 'B', paths: b.run.paths, shown: b.exploration.analysts },
      quarters
    );
    expect(diff.rows).toHaveLength(catalog.scenarios.length);
    expect(diff.quarters.length).toBeGreaterThan(0);
    expect(describeView(catalog, b.exploration)).toBe(
      'What happened · 2 driver changes · every analyst · 2027Q1'
    );
  });

  it('a link the catalog no longer fully knows still runs, and says what it lost', () => {
    const v = savedView(catalog, '?a=gone-analyst');
    expect(v.notices[0]).toMatch(/unknown analyst "gone-analyst"/);
    expect(v.run.shown).toHaveLength(catalog.scenarios.length);
  });
});
