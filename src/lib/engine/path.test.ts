import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { runPath } from './path';
import { buildSchedule, scheduleBranches } from './schedule';

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

  it('gives a probabilistic model a path that follows the most probable state, and per-quarter probabilities', () => {
    const notte = model('notte-2025-reset');
    const path = runPath(
      notte,
      buildSchedule(catalog, { kind: 'assumed', scenario: notte.scenario })
    );
    expect(path.probabilistic).toBe(true);
    for (const s of path.steps) {
      const total = Object.values(s.levelDistribution).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 12);
      // Here every state the path is in is the most probable one of its quarter.
      const top = Math.max(...Object.values(s.distribution));
      expect(s.distribution[s.state]).toBeCloseTo(top, 12);
    }
    // The hedged move on from the endless reset is not taken at its first chance (the single
    // most likely path would): the path stays while staying is still the more probable state.
    const entered = path.steps.find((s) => s.state === 'pariah-shed')!;
    const before = path.steps[path.steps.indexOf(entered) - 1]!;
    expect(before.state).toBe('endless-reset');
    expect(before.distribution['endless-reset']).toBeGreaterThan(
      before.distribution['pariah-shed']!
    );
    expect(entered.distribution['pariah-shed']).toBeGreaterThan(
      entered.distribution['endless-reset']!
    );
    expect(entered.quarter > '2025Q4').toBe(true);
    expect(path.pathProbability).toBeGreaterThan(0);
    expect(path.pathProbability).toBeLessThan(1);
  });

  it('mixes the branches of a fork exactly and follows the most likely branch', () => {
    const trenin = model('trenin-2020-guardrails');
    const schedule = buildSchedule(catalog, { kind: 'assumed', scenario: trenin.scenario });
    const mixed = runPath(trenin, schedule);
    expect(mixed.branch?.picks.map((p) => p.driver)).toContain('armsControl');
    const q = mixed.steps.find((s) => s.quarter === '2024Q1')!;
    // Each branch run alone, then weighed: the mixture's state probabilities are their sum.
    const alone = scheduleBranches(schedule).map((b) => ({
      w: b.weight,
      step: runPath(trenin, b.schedule).steps.find((s) => s.quarter === '2024Q1')!
    }));
    for (const state of Object.keys(q.distribution)) {
      const expected = alone.reduce((sum, a) => sum + a.w * (a.step.distribution[state] ?? 0), 0);
      expect(q.distribution[state]).toBeCloseTo(expected, 12);
    }
    // "Hard to say" whether the treaty survives: neither branch is certain.
    expect(q.distribution['confrontation']).toBeGreaterThan(0.3);
    expect(q.distribution['confrontation']).toBeLessThan(0.7);
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

describe('runPath readings', () => {
  it('name a deciding condition by its levels, never by a direction sign', () => {
    const conditions = [...catalog.models.values()].flatMap((m) =>
      runPath(m, observed).steps.flatMap((s) =>
        s.readings.filter((r) => r.element.startsWith('condition '))
      )
    );
    expect(conditions.length).toBeGreaterThan(0);
    for (const r of conditions) {
      expect(r.element).not.toMatch(/[≥≤]|or higher|or lower/);
      expect(r.element).toMatch(/^condition .+ at .+ of [a-z0-9-]+$|^condition (from|until) /);
    }
  });
});
