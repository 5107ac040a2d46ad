import { describe, expect, it } from 'vitest';
import { stateRuns } from './matrixRuns';

const cell = (quarter: string, level: number | null, label?: string, reading?: boolean) => ({
  quarter,
  level,
  ...(label ? { label } : {}),
  ...(reading ? { reading } : {})
});

describe('stateRuns', () => {
  it('joins consecutive quarters in one state and starts a new run when the state changes', () => {
    const runs = stateRuns([
      cell('2025Q1', null),
      cell('2025Q2', -1, 'Frozen'),
      cell('2025Q3', -1, 'Frozen'),
      cell('2025Q4', 0, 'Thaw'),
      cell('2026Q1', 0, 'Thaw', true)
    ]);
    expect(runs.map((r) => [r.from, r.to, r.label, r.reading])).toEqual([
      ['2025Q2', '2025Q3', 'Frozen', false],
      ['2025Q4', '2025Q4', 'Thaw', false],
      ['2026Q1', '2026Q1', 'Thaw', true]
    ]);
    expect(runs[0]!.quarters).toEqual(['2025Q2', '2025Q3']);
  });

  it('does not join two runs of one state across a quarter with no reading', () => {
    const runs = stateRuns([cell('2025Q1', 1, 'A'), cell('2025Q2', null), cell('2025Q3', 1, 'A')]);
    expect(runs.map((r) => [r.from, r.to])).toEqual([
      ['2025Q1', '2025Q1'],
      ['2025Q3', '2025Q3']
    ]);
  });

  it('splits on a level change even with the same name (the observed row has names per level)', () => {
    const runs = stateRuns([cell('2025Q1', 1), cell('2025Q2', 2), cell('2025Q3', 2)]);
    expect(runs.map((r) => [r.from, r.to, r.level])).toEqual([
      ['2025Q1', '2025Q1', 1],
      ['2025Q2', '2025Q3', 2]
    ]);
  });
});
