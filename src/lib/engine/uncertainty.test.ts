import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { realCatalog } from './testCatalog';
import { testForecast } from './testForecast';
import { uncertainDistribution, type UncertainDriver } from './uncertainty';
import { buildSchedule, framesOf } from './schedule';
import { runMachine } from './compile';
import { executables, runPath } from './path';
import { seededRandom, pick } from './rng';
import { levelClasses } from './levelClasses';
import { fromIndex, toIndex } from './quarter';

const catalog = realCatalog();
const observed = buildSchedule(catalog, { kind: 'observed' });
const easing = { type: 'driverAtLeast', params: { driver: 'sanctions', level: 'easing' } };
const thawOnEasing = testForecast(catalog, 'thaw', { calm: -1, thaw: 1 }, [
  { from: 'calm', to: 'thaw', guard: easing }
]);
const at = (d: ReturnType<typeof uncertainDistribution>, quarter: string, state: string) =>
  d.stateProbabilities[d.quarters.indexOf(quarter)]![d.states.indexOf(state)]!;

describe('uncertainDistribution', () => {
  it('held: a mixture of the runs with each level, weighted', () => {
    const u: UncertainDriver = {
      driver: 'sanctions',
      from: '2026Q3',
      mode: 'held',
      weights: [
        { level: 'steady', weight: 60 },
        { level: 'easing', weight: 40 }
      ]
    };
    const d = uncertainDistribution(thawOnEasing, observed, [u]);
    expect(d.method).toBe('exact');
    expect(d.combinations).toBe(2);
    expect(at(d, '2026Q2', 'thaw')).toBe(0);
    // Drawn once: 40% thaw at 2026Q3 and no more later, whatever the number of quarters.
    expect(at(d, '2026Q3', 'thaw')).toBeCloseTo(0.4, 12);
    expect(at(d, '2030Q4', 'thaw')).toBeCloseTo(0.4, 12);
    expect(d.expectedLevel[d.quarters.indexOf('2030Q4')]).toBeCloseTo(0.4 * 1 + 0.6 * -1, 12);
    // The same as mixing runPath over the two overrides, for a real forecast with chances.
    const notte = catalog.models.get('notte-2025-reset')!;
    const mixed = uncertainDistribution(notte, observed, [u]);
    const runs = u.weights.map((w) =>
      runPath(
        notte,
        buildSchedule(catalog, { kind: 'observed' }, [
          { driver: 'sanctions', level: w.level, from: u.from }
        ])
      )
    );
    mixed.quarters.forEach((q, t) =>
      mixed.states.forEach((s, i) =>
        expect(mixed.stateProbabilities[t]![i]).toBeCloseTo(
          0.6 * runs[0]!.steps[t]!.distribution[s]! + 0.4 * runs[1]!.steps[t]!.distribution[s]!,
          12
        )
      )
    );
  });

  it('redrawn: a new draw each quarter, so the chance of thawing compounds', () => {
    const u: UncertainDriver = {
      driver: 'sanctions',
      from: '2026Q3',
      mode: 'redrawn',
      weights: [
        { level: 'steady', weight: 0.75 },
        { level: 'easing', weight: 0.25 }
      ]
    };
    const d = uncertainDistribution(thawOnEasing, observed, [u]);
    expect(d.method).toBe('exact');
    for (let k = 1; k <= 6; k++)
      expect(at(d, fromIndex(toIndex('2026Q3') + k - 1), 'thaw')).toBeCloseTo(1 - 0.75 ** k, 12);
    const levels = d.levelProbabilities[d.quarters.indexOf('2026Q4')]!;
    expect(levels[d.levels.indexOf(1)]).toBeCloseTo(1 - 0.75 ** 2, 12);
    expect(levels.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('past its bound it samples, seeded, with a standard error per cell', () => {
    const u: UncertainDriver = {
      driver: 'sanctions',
      from: '2026Q3',
      mode: 'redrawn',
      weights: [
        { level: 'steady', weight: 0.75 },
        { level: 'easing', weight: 0.25 }
      ]
    };
    const d = uncertainDistribution(thawOnEasing, observed, [u], {
      maxCombinations: 1,
      samples: 2000,
      seed: 3
    });
    expect(d.method).toBe('sampled');
    expect(d.samples).toBe(2000);
    const p = 1 - 0.75 ** 2;
    const t = d.quarters.indexOf('2026Q4');
    const se = d.stateErrors![t]![d.states.indexOf('thaw')]!;
    expect(se).toBeCloseTo(Math.sqrt((p * (1 - p)) / 2000), 2);
    expect(Math.abs(at(d, '2026Q4', 'thaw') - p)).toBeLessThan(5 * se);
    // Seeded: the same numbers twice.
    expect(
      uncertainDistribution(thawOnEasing, observed, [u], {
        maxCombinations: 1,
        samples: 2000,
        seed: 3
      })
    ).toEqual(d);
  });

  it('refuses an unknown driver or level, and weights that are all zero', () => {
    const bad = (u: Partial<UncertainDriver>) => () =>
      uncertainDistribution(thawOnEasing, observed, [
        {
          driver: 'sanctions',
          from: '2026Q3',
          mode: 'held',
          weights: [{ level: 'easing', weight: 1 }],
          ...u
        }
      ]);
    expect(bad({ driver: 'sanction' })).toThrow(/unknown driver "sanction"/);
    expect(bad({ weights: [{ level: 'easng', weight: 1 }] })).toThrow(/unknown level "easng"/);
    expect(bad({ weights: [{ level: 'easing', weight: 0 }] })).toThrow(
      /no level has a positive weight/
    );
  });
});

describe('uncertainDistribution against Monte Carlo on the XState machine (property)', () => {
  const models = [...catalog.models.values()];
  const levelsOf = (id: string) =>
    catalog.vocabulary.drivers.find((d) => d.id === id)!.levels.map((l) => l.id);
  const uncertainArb = fc.record({
    driver: fc.nat(),
    offset: fc.integer({ min: 0, max: 8 }),
    mode: fc.constantFrom('held' as const, 'redrawn' as const),
    weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 5, maxLength: 5 })
  });
  const caseArb = fc.record({
    analyst: fc.constantFrom(...models.map((m) => m.scenario.id)),
    preset: fc.constantFrom('observed', 'assumed'),
    uncertain: fc.uniqueArray(uncertainArb, {
      minLength: 1,
      maxLength: 3,
      selector: (u) => u.driver
    })
  });

  it('agrees within 5 standard errors in every quarter and state', () => {
    const samples = 1000;
    let moved = 0;
    fc.assert(
      fc.property(caseArb, ({ analyst, preset, uncertain: raw }) => {
        const model = catalog.models.get(analyst)!;
        const schedule = buildSchedule(
          catalog,
          preset === 'observed'
            ? { kind: 'observed' }
            : { kind: 'assumed', scenario: model.scenario }
        );
        // Drivers the model reads (others would change nothing), each at most once.
        const read = [...levelClasses([model]).keys()];
        const picked = [...new Map(raw.map((u) => [read[u.driver % read.length]!, u])).entries()];
        const uncertain: UncertainDriver[] = picked.map(([driver, u]) => ({
          driver,
          from: fromIndex(Math.max(model.startQuarter, toIndex('2025Q4')) + u.offset),
          mode: u.mode,
          weights: levelsOf(driver).map((level, i) => ({ level, weight: u.weights[i]! }))
        }));
        const end = Math.max(model.startQuarter, toIndex('2025Q4')) + 10;
        const exact = uncertainDistribution(model, schedule, uncertain, { to: fromIndex(end) });
        expect(exact.method).toBe('exact');
        const plain = uncertainDistribution(model, schedule, [], { to: fromIndex(end) });
        if (exact.expectedLevel.some((l, t) => Math.abs(l - plain.expectedLevel[t]!) > 0.01))
          moved++;

        // Sampled on the machine: draw the fork branch, held levels once, redrawn levels and
        // the transitions' draws every quarter, and let XState run the frames.
        const machine = executables(model).machine;
        const rng = seededRandom(17);
        const counts = exact.quarters.map(() => new Map<string, number>());
        const frames0 = framesOf(schedule, model.startQuarter, end);
        const branches = schedule.forks ?? [];
        for (let k = 0; k < samples; k++) {
          const forkPick = branches.map(
            (f) =>
              f.branches[
                pick(
                  f.branches.map((b) => b.weight),
                  rng()
                )
              ]!.level
          );
          const heldPick = uncertain.map((u) => u.weights[pick(normalised(u), rng())]!.level);
          const frames = frames0.map((f, t) => {
            const drivers = { ...f.drivers };
            branches.forEach((fork, i) => {
              const q = f.quarter;
              if (
                q >= fork.from &&
                q <= fork.until &&
                schedule.provenance[q - schedule.first]![fork.driver] !== 'override'
              )
                drivers[fork.driver] = forkPick[i]!;
            });
            uncertain.forEach((u, i) => {
              if (f.quarter < toIndex(u.from)) return;
              drivers[u.driver] =
                u.mode === 'held' ? heldPick[i]! : u.weights[pick(normalised(u), rng())]!.level;
            });
            const draws = Object.fromEntries(model.scenario.transitions.map((x) => [x.id, rng()]));
            return { quarter: f.quarter, drivers, draws: t === 0 ? {} : draws };
          });
          runMachine(machine, frames).forEach((s, t) =>
            counts[t]!.set(s.state, (counts[t]!.get(s.state) ?? 0) + 1)
          );
        }
        exact.quarters.forEach((_, t) =>
          exact.states.forEach((s, i) => {
            const p = exact.stateProbabilities[t]![i]!;
            const sampled = (counts[t]!.get(s) ?? 0) / samples;
            const se = Math.max(Math.sqrt(Math.max(p * (1 - p), 0) / samples), 1 / samples);
            expect(
              Math.abs(sampled - p),
              `${model.scenario.id} ${exact.quarters[t]} ${s}`
            ).toBeLessThan(5 * se);
          })
        );
      }),
      { numRuns: 8, seed: 20261207 }
    );
    // The comparison means little unless the uncertain drivers move some of the models.
    expect(moved).toBeGreaterThan(1);
  }, 60_000);
});

function normalised(u: UncertainDriver): number[] {
  const total = u.weights.reduce((s, w) => s + w.weight, 0);
  return u.weights.map((w) => w.weight / total);
}
