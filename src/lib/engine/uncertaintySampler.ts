/**
 * The seeded Monte Carlo fallback of uncertainty.ts, for when the combinations exceed the exact
 * bound: draw a fork branch and each held driver once, redrawn drivers and the transitions'
 * chances each quarter, and count.
 */
import type { Model } from './model';
import type { ScheduleBranch } from './schedule';
import { settle, step, type TransitionTable } from './table';
import { pick, seededRandom } from './rng';
import type { UncertainRun } from './uncertainty';

export interface SampleInput {
  model: Model;
  table: TransitionTable;
  forks: ScheduleBranch[];
  held: Array<{ weights: number[] }>;
  redrawn: Array<{ weights: number[] }>;
  /** The level vector of fork branch `b`, quarter offset `t`, with the picks applied, into `out`. */
  vectorAt(
    b: number,
    t: number,
    heldPicks: number[],
    redrawnPick: (i: number) => number,
    out: Uint8Array
  ): Uint8Array;
  start: number;
  quarters: number;
  samples: number;
  seed: number;
  combinations: number;
  reach?: { mask: Uint8Array; countFrom: number };
}

/** Pure given its seed. */
export function sampleRun(input: SampleInput): UncertainRun {
  const { table, forks, held, redrawn, start, quarters, samples, reach } = input;
  const rng = seededRandom(input.seed);
  // Every chance a quarter tries reads a fresh uniform draw, as the machine's `chance` guard does.
  const draws = new Proxy({} as Record<string, number>, { get: () => rng() });
  const n = table.states.length;
  const vector = new Uint8Array(input.model.drivers.ids.length);
  const counts = Array.from({ length: quarters }, () => new Float64Array(n));
  const hits = new Array<number>(quarters).fill(0);
  const forkWeights = forks.map((f) => f.weight);
  for (let k = 0; k < samples; k++) {
    const b = pick(forkWeights, rng());
    const heldPicks = held.map((u) => pick(u.weights, rng()));
    let state = -1;
    let hit = false;
    for (let t = 0; t < quarters; t++) {
      const q = start + t;
      const redrawnPicks = redrawn.map((u) => pick(u.weights, rng()));
      input.vectorAt(b, t, heldPicks, (i) => redrawnPicks[i]!, vector);
      state =
        t === 0 ? settle(table, table.start, vector, q) : step(table, state, vector, q, draws);
      counts[t]![state]!++;
      if (reach && !hit && q >= reach.countFrom && reach.mask[state]) hit = true;
      if (hit) hits[t]!++;
    }
  }
  const rows = counts.map((row) => row.map((c) => c / samples));
  const reached = reach ? hits.map((h) => h / samples) : undefined;
  return {
    method: 'sampled',
    combinations: input.combinations,
    samples,
    rows,
    ...(reached
      ? { reached, reachedErrors: reached.map((p) => Math.sqrt((p * (1 - p)) / samples)) }
      : {})
  };
}
