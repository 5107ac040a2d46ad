import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { realCatalog } from './testCatalog';
import { testForecast } from './testForecast';
import { searchChanges, atLeastK, SearchCancelled, type SearchInput } from './search';
import { buildSchedule, type Override } from './schedule';
import { mixtureRun } from './mixture';
import { runPath } from './path';
import { fromIndex, toIndex } from './quarter';
import type { Model } from './model';
import type { Target } from './target';

const catalog = realCatalog();
const observed = { kind: 'observed' } as const;

/** Independently of the search: P(in the target at some quarter from..by) with these overrides. */
function reaches(model: Model, overrides: Override[], target: Target, from: string, by: string) {
  if (model.startQuarter > toIndex(by)) return 0;
  const schedule = buildSchedule(catalog, observed, overrides);
  const run = mixtureRun(model, schedule, model.startQuarter, toIndex(by));
  const inTarget = model.stateIds.map((s) => {
    const level = model.scenario.states[s]!.level;
    return target.kind === 'state'
      ? s === target.state
      : target.kind === 'levelAtLeast'
        ? level >= target.level
        : level <= target.level;
  });
  // Positive probability of being in the target in some counted quarter ⇔ positive probability
  // of reaching it: enough to check "reaches" (> 0) without first-passage bookkeeping.
  return Math.max(
    0,
    ...run.rows.flatMap((row, t) =>
      model.startQuarter + t >= toIndex(from) ? [...row].filter((_, s) => inTarget[s]) : []
    )
  );
}

describe('searchChanges', () => {
  const sanctionsReader = testForecast(catalog, 'sanctions', { calm: -1, thaw: 1 }, [
    {
      from: 'calm',
      to: 'thaw',
      guard: { type: 'driverAtLeast', params: { driver: 'sanctions', level: 'easing' } }
    }
  ]);
  const treatyReader = testForecast(catalog, 'treaty', { calm: -1, thaw: 1 }, [
    {
      from: 'calm',
      to: 'thaw',
      guard: { type: 'driverAtLeast', params: { driver: 'armsControl', level: 'new-framework' } }
    }
  ]);
  const base = { sources: catalog, preset: observed, by: '2027Q4', from: '2026Q2' } as const;

  it('finds the one driver that matters, at the latest quarter, one level away first', () => {
    const r = searchChanges({
      ...base,
      models: [sanctionsReader],
      target: { kind: 'state', state: 'thaw' }
    });
    expect(r.exhaustive).toBe(true);
    const first = r.alternatives[0]!;
    // Sanctions are observed steady (or escalating); the nearest level that thaws is easing.
    expect(first.set).toEqual(['sanctions=easing@2027Q4']);
    expect(first.probability).toBe(1);
    expect(first.reachedAt).toBe('2027Q4');
    expect(first.analysts[0]!.path.at(-1)).toMatchObject({ quarter: '2027Q4', state: 'thaw' });
    // "lifted" is the same to this model as "easing": one answer, not two.
    expect(r.alternatives.map((a) => a.set[0]!.split('@')[0])).toEqual(['sanctions=easing']);
  });

  it('needs both drivers when both analysts must move, one when at least one must', () => {
    const models = [sanctionsReader, treatyReader];
    const target: Target = { kind: 'levelAtLeast', level: 1 };
    const both = searchChanges({ ...base, models, target });
    expect(both.alternatives[0]!.changes.map((c) => c.driver).sort()).toEqual([
      'armsControl',
      'sanctions'
    ]);
    const one = searchChanges({ ...base, models, target, atLeast: 1 });
    expect(one.alternatives.map((a) => a.changes.length)).toEqual([1, 1]);
    expect(one.alternatives.map((a) => a.changes[0]!.driver).sort()).toEqual([
      'armsControl',
      'sanctions'
    ]);
  });

  it('says why nothing reaches: a condition that holds only after the deadline; exhaustive', () => {
    const late = testForecast(catalog, 'late', { calm: -1, thaw: 1 }, [
      {
        from: 'calm',
        to: 'thaw',
        guard: {
          type: 'and',
          params: {
            guards: [
              { type: 'from', params: { quarter: '2029Q1' } },
              { type: 'driverAtLeast', params: { driver: 'sanctions', level: 'easing' } }
            ]
          }
        }
      }
    ]);
    const r = searchChanges({ ...base, models: [late], target: { kind: 'state', state: 'thaw' } });
    expect(r.alternatives).toEqual([]);
    expect(r.exhaustive).toBe(true);
    expect(r.reason).toContain('Calm → Thaw');
    expect(r.reason).toContain('from 2029Q1 is after the deadline');
    expect(r.reason).toMatch(/exhaustive/);
    // With a later deadline the same model reaches it.
    const later = searchChanges({
      ...base,
      by: '2029Q2',
      models: [late],
      target: { kind: 'state', state: 'thaw' }
    });
    expect(later.alternatives[0]!.set).toEqual(['sanctions=easing@2029Q2']);
  });

  it('reports a model with chances by its exact probability and answers "reached" when above zero', () => {
    const hedged = testForecast(catalog, 'hedged', { calm: -1, thaw: 1 }, [
      {
        from: 'calm',
        to: 'thaw',
        chance: 0.5,
        guard: { type: 'driverAtLeast', params: { driver: 'sanctions', level: 'easing' } }
      }
    ]);
    const r = searchChanges({
      ...base,
      models: [hedged],
      target: { kind: 'state', state: 'thaw' }
    });
    expect(r.alternatives[0]!.set).toEqual(['sanctions=easing@2027Q4']);
    expect(r.alternatives[0]!.probability).toBeCloseTo(0.5, 12);
    const sure = searchChanges({
      ...base,
      models: [hedged],
      target: { kind: 'state', state: 'thaw' },
      limits: { minProbability: 0.7 }
    });
    // Above 70% needs two quarters of easing: 1 − 0.5² = 75%.
    expect(sure.alternatives[0]!.set).toEqual(['sanctions=easing@2027Q3']);
    expect(sure.alternatives[0]!.probability).toBeCloseTo(0.75, 12);
  });

  it('stops at its evaluation bound and says so', () => {
    const model = catalog.models.get('trenin-2020-guardrails')!;
    const r = searchChanges({
      ...base,
      by: '2030Q4',
      models: [model],
      target: { kind: 'state', state: 'reset' },
      limits: { maxEvaluations: 50 }
    });
    expect(r.exhaustive).toBe(false);
    expect(r.bound).toEqual({ kind: 'maxEvaluations', value: 50 });
  });

  it('reports progress up to its total, and stops with SearchCancelled once aborted', () => {
    const input: SearchInput = {
      ...base,
      by: '2030Q4',
      models: [catalog.models.get('trenin-2020-guardrails')!],
      target: { kind: 'levelAtLeast', level: 1 }
    };
    const calls: Array<[number, number]> = [];
    const r = searchChanges({ ...input, onProgress: (done, total) => calls.push([done, total]) });
    expect(r.alternatives.length).toBeGreaterThan(0);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
    calls.forEach(([done], i) => i > 0 && expect(done).toBeGreaterThanOrEqual(calls[i - 1]![0]));
    expect(() => searchChanges({ ...input, signal: { aborted: true } })).toThrow(SearchCancelled);
  });

  it('computes at least k of n as a Poisson-binomial', () => {
    expect(atLeastK([0.5, 0.5], 1)).toBeCloseTo(0.75, 12);
    expect(atLeastK([0.5, 0.5], 2)).toBeCloseTo(0.25, 12);
    expect(atLeastK([1, 0.2, 0.3], 2)).toBeCloseTo(1 - 0.8 * 0.7, 12);
  });
});

describe('searchChanges on the real forecasts (property, brute force)', () => {
  const models = [...catalog.models.values()];
  const drivers = catalog.vocabulary.drivers;
  // A short window keeps brute force over every driver × level × start quarter feasible.
  const arbitraryCase = fc.record({
    model: fc.constantFrom(...models),
    state: fc.nat(),
    from: fc.integer({ min: toIndex('2025Q3'), max: toIndex('2027Q1') }),
    span: fc.integer({ min: 0, max: 2 })
  });

  it('answers reach the target when simulated, and no answer with fewer drivers exists', () => {
    let answered = 0;
    fc.assert(
      fc.property(arbitraryCase, ({ model, state, from, span }) => {
        const target: Target = {
          kind: 'state',
          state: model.stateIds[state % model.stateIds.length]!
        };
        const input: SearchInput = {
          models: [model],
          target,
          from: fromIndex(from),
          by: fromIndex(from + span),
          sources: catalog,
          preset: observed,
          limits: { maxChanges: 2 }
        };
        const r = searchChanges(input);
        const singles: Override[] = drivers.flatMap((d) =>
          d.levels.flatMap((l) =>
            [0, 1, 2]
              .filter((k) => k <= span)
              .map((k) => ({ driver: d.id, level: l.id, from: fromIndex(from + k) }))
          )
        );
        const ok = (o: Override[]) => reaches(model, o, target, input.from!, input.by) > 0;
        for (const a of r.alternatives) {
          expect(ok(a.overrides), a.set.join(' ')).toBe(true);
          // runPath (the XState replay) shows the same distribution.
          const path = runPath(model, buildSchedule(catalog, observed, a.overrides), {
            to: input.by
          });
          expect(
            path.steps.some((s) => s.quarter >= input.from! && s.distribution[target.state]! > 0)
          ).toBe(true);
        }
        const size = r.alternatives[0]?.changes.length;
        if (size !== undefined) answered++;
        if (size === 0) return;
        // No single change reaches when the best answer needs two (or none was found).
        if (size === undefined || size === 2)
          for (const o of singles) expect(ok([o]), JSON.stringify(o)).toBe(false);
        if (size === undefined && r.exhaustive && r.bound === undefined) {
          // Proven out of reach: no pair reaches either.
          for (let i = 0; i < singles.length; i++)
            for (let j = i + 1; j < singles.length; j++)
              if (singles[i]!.driver !== singles[j]!.driver)
                expect(ok([singles[i]!, singles[j]!])).toBe(false);
        }
      }),
      { numRuns: 60, seed: 20261207 }
    );
    expect(answered).toBeGreaterThan(20);
  }, 30_000);
});
