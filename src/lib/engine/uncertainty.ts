/**
 * How sure: drivers given a probability over their levels from a quarter on, either drawn once and
 * held (`held`) or drawn anew each quarter (`redrawn`). The distribution over each analyst's
 * states is exact while the combinations stay under a stated bound: held draws are enumerated as
 * weighted branches (like forks), redrawn ones make each quarter's step an expectation over the
 * driver's levels. Past the bound, seeded Monte Carlo with its standard errors.
 */
import type { Model } from './model';
import { lastQuarter, scheduleBranches, type Schedule } from './schedule';
import { levelVectors } from './distribution';
import { settle } from './table';
import { stepsOf } from './stepCache';
import { sampleRun } from './uncertaintySampler';
import { tableOf } from './mixture';
import { fromIndex, toIndex, type Quarter } from './quarter';
import { SCALE_LEVELS } from './score';

/** A driver with a probability over its levels from `from` to the end of the horizon. */
export interface UncertainDriver {
  driver: string;
  from: Quarter;
  /** `held`: drawn once at `from` and kept; `redrawn`: drawn anew every quarter. */
  mode: 'held' | 'redrawn';
  /** Positive weights on any scale (60/30/10 or 0.6/0.3/0.1); they are normalised. */
  weights: Array<{ level: string; weight: number }>;
}

export interface UncertaintyOptions {
  /** Last quarter (default: the end of the horizon). */
  to?: Quarter;
  /** Most combinations computed exactly (default 4096); past it, sampling. */
  maxCombinations?: number;
  /** Samples when sampling (default 4000). */
  samples?: number;
  /** Seed of the sampler (default 1). */
  seed?: number;
}

export const UNCERTAINTY_DEFAULTS = { maxCombinations: 4096, samples: 4000, seed: 1 } as const;

// A request passes its options through as they came, undefined included; a spread would let an
// undefined bound win over the default and send every question to the sampler.
function withDefaults(options: UncertaintyOptions) {
  return {
    maxCombinations: options.maxCombinations ?? UNCERTAINTY_DEFAULTS.maxCombinations,
    samples: options.samples ?? UNCERTAINTY_DEFAULTS.samples,
    seed: options.seed ?? UNCERTAINTY_DEFAULTS.seed
  };
}

export interface UncertainDistribution {
  analyst: string;
  method: 'exact' | 'sampled';
  /** Held branches (with any forks) × per-quarter combinations of redrawn levels. */
  combinations: number;
  /** The bound: sampled when `combinations` exceeds it. */
  maxCombinations: number;
  samples?: number;
  seed?: number;
  /** From the model's start to `to`. */
  quarters: Quarter[];
  states: string[];
  /** [quarter][state], in `states` order. */
  stateProbabilities: number[][];
  /** The shared scale, −3 … +3. */
  levels: number[];
  /** [quarter][level], in `levels` order. */
  levelProbabilities: number[][];
  expectedLevel: number[];
  /** Sampled only: one standard error of each number above. */
  stateErrors?: number[][];
  levelErrors?: number[][];
  expectedLevelErrors?: number[];
}

/** What the exact and sampled runs share: rows per quarter and, if asked, reach by quarter. */
export interface UncertainRun {
  method: 'exact' | 'sampled';
  combinations: number;
  samples?: number;
  rows: Float64Array[];
  /** With a target mask: per quarter, P(the target was reached at a counted quarter by then). */
  reached?: number[];
  /** Sampled only: samples reaching by each quarter. */
  reachedErrors?: number[];
}

interface Resolved {
  position: number;
  from: number;
  mode: 'held' | 'redrawn';
  ranks: number[];
  weights: number[];
}

/** Checks and normalises uncertain drivers; throws RangeError naming what is wrong. */
export function resolveUncertain(model: Model, uncertain: readonly UncertainDriver[]): Resolved[] {
  return uncertain.map((u) => {
    const rank = model.drivers.rank.get(u.driver);
    if (!rank) throw new RangeError(`unknown driver "${u.driver}"`);
    const kept = u.weights.filter((w) => w.weight > 0);
    for (const w of kept)
      if (!rank.has(w.level)) throw new RangeError(`unknown level "${w.level}" for ${u.driver}`);
    const total = kept.reduce((s, w) => s + w.weight, 0);
    if (!(total > 0)) throw new RangeError(`${u.driver}: no level has a positive weight`);
    return {
      position: model.drivers.position.get(u.driver)!,
      from: toIndex(u.from),
      mode: u.mode,
      ranks: kept.map((w) => rank.get(w.level)!),
      weights: kept.map((w) => w.weight / total)
    };
  });
}

/** Every combination of one pick per list, with the product of the weights. */
function combos(lists: Array<{ weights: number[] }>): Array<{ picks: number[]; weight: number }> {
  let out = [{ picks: [] as number[], weight: 1 }];
  for (const list of lists)
    out = out.flatMap((c) =>
      list.weights.map((w, i) => ({ picks: [...c.picks, i], weight: c.weight * w }))
    );
  return out;
}

/**
 * The distribution from the model's start (index 0) to `end` with uncertain drivers; exact under
 * the bound, sampled over it. With `reach`, also the probability of having been in a `mask`
 * state at a quarter ≥ countFrom, by each quarter. Pure.
 */
export function uncertainRun(
  model: Model,
  schedule: Schedule,
  uncertain: readonly UncertainDriver[],
  end: number,
  options: UncertaintyOptions = {},
  reach?: { mask: Uint8Array; countFrom: number }
): UncertainRun {
  const { maxCombinations, samples, seed } = withDefaults(options);
  const table = tableOf(model);
  const steps = stepsOf(model, table);
  const resolved = resolveUncertain(model, uncertain);
  const held = resolved.filter((u) => u.mode === 'held');
  const redrawn = resolved.filter((u) => u.mode === 'redrawn');
  const start = model.startQuarter;
  const forks = scheduleBranches(schedule);
  const heldCombos = combos(held);
  const redrawnCombos = combos(redrawn);
  const combinations = forks.length * heldCombos.length * redrawnCombos.length;
  const n = table.states.length;
  const quarters = end - start + 1;

  // Per fork branch, the level vectors with every held and redrawn driver at its first level.
  const baseVectors = forks.map((f) => levelVectors(f.schedule, model.vocabulary, start, end));
  const vectorAt = (
    b: number,
    t: number,
    heldPicks: number[],
    redrawnPicks: (i: number) => number,
    out: Uint8Array
  ) => {
    out.set(baseVectors[b]![t]!);
    const q = start + t;
    held.forEach((u, i) => u.from <= q && (out[u.position] = u.ranks[heldPicks[i]!]!));
    redrawn.forEach((u, i) => u.from <= q && (out[u.position] = u.ranks[redrawnPicks(i)]!));
    return out;
  };
  const vector = new Uint8Array(model.drivers.ids.length);

  if (combinations <= maxCombinations) {
    const rows = Array.from({ length: quarters }, () => new Float64Array(n));
    const reached = reach ? new Array<number>(quarters).fill(0) : undefined;
    forks.forEach((fork, b) => {
      for (const h of heldCombos) {
        const weight = fork.weight * h.weight;
        // `row` is the distribution; `open` the mass that has not reached the target yet.
        let row = new Float64Array(n);
        let open = new Float64Array(n);
        let got = 0;
        for (let t = 0; t < quarters; t++) {
          const q = start + t;
          const next = new Float64Array(n);
          const nextOpen = new Float64Array(n);
          // Redrawn drivers not yet in force this quarter keep their scheduled level.
          for (const c of redrawnCombos) {
            if (!c.picks.every((p, i) => redrawn[i]!.from <= q || p === 0)) continue;
            const w = redrawn.reduce(
              (acc, u, i) => (u.from <= q ? acc * u.weights[c.picks[i]!]! : acc),
              1
            );
            vectorAt(b, t, h.picks, (i) => c.picks[i]!, vector);
            if (t === 0) {
              const s0 = settle(table, table.start, vector, q);
              next[s0]! += w;
              nextOpen[s0]! += w;
            } else {
              steps.addStep(row, next, vector, q, w);
              if (reach) steps.addStep(open, nextOpen, vector, q, w);
            }
          }
          row = next;
          open = nextOpen;
          if (reach && q >= reach.countFrom) {
            for (let s = 0; s < n; s++) {
              if (reach.mask[s] && open[s]! > 0) {
                got += open[s]!;
                open[s] = 0;
              }
            }
          }
          for (let s = 0; s < n; s++) rows[t]![s]! += weight * row[s]!;
          if (reached) reached[t]! += weight * got;
        }
      }
    });
    return { method: 'exact', combinations, rows, ...(reached ? { reached } : {}) };
  }

  return sampleRun({
    model,
    table,
    forks,
    held,
    redrawn,
    vectorAt,
    start,
    quarters,
    samples,
    seed,
    combinations,
    ...(reach ? { reach } : {})
  });
}

/**
 * Each analyst's distribution over states and over the shared scale's levels per quarter, with
 * uncertain drivers. An uncertain driver replaces the schedule's level (override or fork) from
 * its quarter on. Pure (sampling is seeded).
 */
export function uncertainDistribution(
  model: Model,
  schedule: Schedule,
  uncertain: readonly UncertainDriver[],
  options: UncertaintyOptions = {}
): UncertainDistribution {
  const settings = withDefaults(options);
  const table = tableOf(model);
  const end = options.to ? toIndex(options.to) : lastQuarter(schedule);
  const run = uncertainRun(model, schedule, uncertain, end, settings);
  const levels = [...SCALE_LEVELS];
  const levelRows = run.rows.map((row) =>
    levels.map((level) => row.reduce((sum, p, s) => (table.levels[s] === level ? sum + p : sum), 0))
  );
  const expectedLevel = run.rows.map((row) =>
    row.reduce((sum, p, s) => sum + p * table.levels[s]!, 0)
  );
  const sampled = run.method === 'sampled';
  const se = (p: number) => Math.sqrt((p * (1 - p)) / settings.samples);
  return {
    analyst: model.scenario.id,
    method: run.method,
    combinations: run.combinations,
    maxCombinations: settings.maxCombinations,
    ...(sampled ? { samples: settings.samples, seed: settings.seed } : {}),
    quarters: run.rows.map((_, t) => fromIndex(model.startQuarter + t)),
    states: table.states,
    stateProbabilities: run.rows.map((row) => [...row]),
    levels,
    levelProbabilities: levelRows,
    expectedLevel,
    ...(sampled
      ? {
          stateErrors: run.rows.map((row) => [...row].map(se)),
          levelErrors: levelRows.map((row) => row.map(se)),
          // The spread of the sampled level, over the square root of the sample count.
          expectedLevelErrors: run.rows.map((row, t) => {
            const variance = row.reduce(
              (sum, p, s) => sum + p * (table.levels[s]! - expectedLevel[t]!) ** 2,
              0
            );
            return Math.sqrt(variance / settings.samples);
          })
        }
      : {})
  };
}
