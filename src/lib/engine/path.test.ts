import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { runPath } from './path';
import { buildSchedule } from './schedule';

const catalog = realCatalog();
const model = (id: string) => catalog.models.get(id)!;
const observed = buildSchedule(catalog, { kind: 'observed' });

describe('runPath', () => {
  it('explains the quarter the guardrails forecast breaks: which guard held, on which level, citing ¶', () => {
    const path = runPath(model('trenin-2020-guardrails'), observed);
    const q = path.steps.find((s) => s.quarter === '2022Q1')!;
    expect(q.entered).toBe(true);
    expect(q.level).toBe(-3);
    const taken = q.transitions[0]!;
    expect(taken.guardText).toMatch(/Ukraine at/);
    expect(taken.conditions.some((c) => c.held && c.saw === 'full-scale war')).toBe(true);
    expect(taken.source).toMatchObject({ ref: 'trenin-2020-guardrails', para: 16 });
    // Quarters before the break stay where they were, with no transition.
    const before = path.steps.find((s) => s.quarter === '2021Q4')!;
    expect(before.transitions).toEqual([]);
    expect(before.level).toBeGreaterThan(-3);
  });

  it('starts at the forecast start quarter and reports from --from onward only', () => {
    const all = runPath(model('notte-2025-reset'), observed);
    expect(all.steps[0]!.quarter).toBe('2025Q2');
    const later = runPath(model('notte-2025-reset'), observed, { from: '2026Q1', to: '2026Q4' });
    expect(later.steps.map((s) => s.quarter)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(later.steps[0]!.state).toBe(all.steps.find((s) => s.quarter === '2026Q1')!.state);
  });

  it('gives a deterministic path probability 1 and puts all mass on the path state', () => {
    const path = runPath(model('kortunov-2025-thaw'), observed);
    expect(path.pathProbability).toBe(1);
    for (const s of path.steps) expect(s.distribution[s.state]).toBe(1);
  });

  it('gives a probabilistic model its most likely path and per-quarter state probabilities', () => {
    const notte = model('notte-2025-reset');
    const path = runPath(
      notte,
      buildSchedule(catalog, { kind: 'assumed', scenario: notte.scenario })
    );
    expect(path.probabilistic).toBe(true);
    const last = path.steps.at(-1)!;
    // The U-turn has a small chance each quarter, so the reset path loses a little mass every quarter.
    expect(last.distribution['u-turn']).toBeGreaterThan(0);
    expect(last.distribution[last.state]).toBeCloseTo(path.pathProbability, 12);
    const levels = Object.values(last.levelDistribution).reduce((a, b) => a + b, 0);
    expect(levels).toBeCloseTo(1, 12);
  });

  it('follows an override: lifting sanctions and settling Ukraine opens the reset in the guardrails model', () => {
    const trenin = model('trenin-2020-guardrails');
    const schedule = buildSchedule(catalog, { kind: 'assumed', scenario: trenin.scenario }, [
      { driver: 'sanctions', level: 'lifted', from: '2023Q1' },
      { driver: 'ukraine', level: 'settlement', from: '2023Q1' }
    ]);
    const path = runPath(trenin, schedule);
    expect(path.steps.find((s) => s.quarter === '2022Q4')!.level).toBe(-1);
    expect(path.steps.find((s) => s.quarter === '2023Q1')!.level).toBe(3);
  });
});
