/**
 * The inner loop of the what-it-takes search: a model's base run to the deadline with the target
 * absorbing, replayed from the quarter a combination of changes starts, without allocation; and
 * the cheap test that prunes combinations (can these drivers, free in every quarter, reach it?).
 */
import type { Model } from './model';
import type { ScheduleBranch } from './schedule';
import { settle, type TransitionTable } from './table';
import { levelVectors } from './distribution';
import { targetMask, type Target } from './target';
import { tableOf } from './mixture';
import { stepCache, type StepCache } from './stepCache';

/** One driver set to the level of rank `rank` from quarter index `start` on. */
export interface RankChange {
  position: number;
  rank: number;
  start: number;
}

/** Moves the mass in target states to the reached total. */
function absorb(row: Float64Array, mask: Uint8Array): number {
  let gained = 0;
  for (let s = 0; s < row.length; s++) {
    if (mask[s] && row[s]! > 0) {
      gained += row[s]!;
      row[s] = 0;
    }
  }
  return gained;
}

export interface ModelRun {
  model: Model;
  table: TransitionTable;
  mask: Uint8Array;
  start: number;
  countFrom: number;
  /** Per branch, level vectors from the model's start to the deadline (empty if it starts later). */
  base: Uint8Array[][];
  /** Per branch and quarter, the not-yet-reached mass after that quarter, and the reached total. */
  rows: Float64Array[][];
  reached: number[][];
  /** Scratch space for replays: two rows and a level vector. */
  scratch: { a: Float64Array; b: Float64Array; vector: Uint8Array };
  steps: StepCache;
}

export function modelRun(
  model: Model,
  branches: ScheduleBranch[],
  target: Target,
  from: number,
  by: number
): ModelRun {
  const table = tableOf(model);
  const mask = targetMask(table, target);
  const start = model.startQuarter;
  const countFrom = Math.max(from, start);
  const base = branches.map((b) =>
    start > by ? [] : levelVectors(b.schedule, model.vocabulary, start, by)
  );
  const n = table.states.length;
  const scratch = {
    a: new Float64Array(n),
    b: new Float64Array(n),
    vector: new Uint8Array(model.drivers.ids.length)
  };
  const run: ModelRun = {
    model,
    table,
    mask,
    start,
    countFrom,
    base,
    rows: [],
    reached: [],
    scratch,
    steps: stepCache(model, table)
  };
  for (const vectors of base) {
    const rows: Float64Array[] = [];
    const reached: number[] = [];
    replay(run, vectors, 0, undefined, 0, [], (row, total) => {
      rows.push(row.slice());
      reached.push(total);
    });
    run.rows.push(rows);
    run.reached.push(reached);
  }
  return run;
}

/**
 * From quarter offset `t0` (with `row`/`reached` the state before it, or the start when
 * `row` is undefined) to the deadline, with `changes` applied to the vectors. Returns the
 * probability of having reached the target by the deadline. `each` sees every quarter.
 */
function replay(
  run: ModelRun,
  vectors: Uint8Array[],
  t0: number,
  row: Float64Array | undefined,
  reached: number,
  changes: readonly RankChange[],
  each?: (row: Float64Array, reached: number) => void
): number {
  let current = run.scratch.a;
  let next = run.scratch.b;
  const vector = run.scratch.vector;
  if (row) current.set(row);
  for (let t = t0; t < vectors.length; t++) {
    const q = run.start + t;
    vector.set(vectors[t]!);
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i]!;
      if (c.start <= q) vector[c.position] = c.rank;
    }
    if (t === 0) {
      current.fill(0);
      current[settle(run.table, run.table.start, vector, q)] = 1;
    } else {
      next.fill(0);
      run.steps.addStep(current, next, vector, q);
      const swap = current;
      current = next;
      next = swap;
    }
    if (q >= run.countFrom) reached += absorb(current, run.mask);
    each?.(current, reached);
    if (reached >= 1 - 1e-12 && !each) break;
  }
  return reached;
}

/** Branch `b`'s probability of reaching by the deadline with `changes` (earliest start `earliest`). */
export function reachWith(
  run: ModelRun,
  b: number,
  changes: readonly RankChange[],
  earliest: number
): number {
  const vectors = run.base[b]!;
  if (vectors.length === 0) return 0;
  const t0 = Math.max(earliest - run.start, 0);
  if (t0 >= vectors.length) return run.reached[b]!.at(-1)!;
  if (t0 === 0) return replay(run, vectors, 0, undefined, 0, changes);
  return replay(run, vectors, t0, run.rows[b]![t0 - 1], run.reached[b]![t0 - 1]!, changes);
}

/**
 * Whether the model could reach the target by the deadline in branch `b` if the drivers at
 * `positions` were free to take any of `choices` (one rank per level class) in every quarter
 * from `earliest` on. An upper bound: false means no change of those drivers from then can.
 */
export function couldReach(
  run: ModelRun,
  b: number,
  positions: readonly number[],
  choices: readonly (readonly number[])[],
  earliest: number
): boolean {
  const vectors = run.base[b]!;
  if (vectors.length === 0) return false;
  const t0 = Math.max(earliest - run.start, 0);
  if (t0 >= vectors.length) return run.reached[b]!.at(-1)! > 0;
  if (t0 > 0 && run.reached[b]![t0 - 1]! > 0) return true;
  // The states it can be in, as a row of 1s (probabilities only tell reachable from not).
  const n = run.table.states.length;
  let states = new Float64Array(n);
  if (t0 > 0) run.rows[b]![t0 - 1]!.forEach((p, s) => (states[s] = p > 0 ? 1 : 0));
  const counter = positions.map(() => 0);
  const vector = new Uint8Array(vectors[0]!.length);
  for (let t = t0; t < vectors.length; t++) {
    const q = run.start + t;
    const next = new Float64Array(n);
    counter.fill(0);
    for (;;) {
      vector.set(vectors[t]!);
      for (let i = 0; i < positions.length; i++) vector[positions[i]!] = choices[i]![counter[i]!]!;
      if (t === 0) next[settle(run.table, run.table.start, vector, q)] = 1;
      else run.steps.addStep(states, next, vector, q);
      let i = 0;
      while (i < counter.length && ++counter[i]! === choices[i]!.length) counter[i++] = 0;
      if (i === counter.length) break;
    }
    for (let s = 0; s < n; s++) {
      if (next[s]! > 0 && q >= run.countFrom && run.mask[s]) return true;
      next[s] = next[s]! > 0 ? 1 : 0;
    }
    states = next;
  }
  return false;
}
