/**
 * A schedule's exact distribution as a weighted mixture over its fork branches, and the path
 * that follows it: the table-only core that runPath, search, sensitivity and crux share.
 */
import type { Model } from './model';
import { compileTable, type TransitionTable } from './table';
import { scheduleBranches, type Schedule, type ScheduleBranch } from './schedule';
import { levelVectors, modalPath, propagate, type Choice } from './distribution';

const tables = new WeakMap<Model, TransitionTable>();

/** The transition table of a model, compiled once per model object. */
export function tableOf(model: Model): TransitionTable {
  let table = tables.get(model);
  if (!table) tables.set(model, (table = compileTable(model)));
  return table;
}

export interface BranchRun {
  branch: ScheduleBranch;
  /** Level vectors from `start` (index 0) to `end`. */
  vectors: Uint8Array[];
  /** propagate() on `vectors`. */
  rows: Float64Array[];
}

export interface MixtureRun {
  branches: BranchRun[];
  /** Per quarter from `start`, the probability of each state over every branch (sums to 1). */
  rows: Float64Array[];
  /** The most likely branch (the first listed on a tie): the one a single path is shown in. */
  chosen: BranchRun;
}

/**
 * Every fork branch of `schedule` propagated from quarter index `start` to `end` (both
 * included), and their weighted mixture. Pure; throws RangeError past MAX_BRANCHES branches.
 */
export function mixtureRun(
  model: Model,
  schedule: Schedule,
  start: number,
  end: number
): MixtureRun {
  const table = tableOf(model);
  const branches = scheduleBranches(schedule).map((branch) => {
    const vectors = levelVectors(branch.schedule, model.vocabulary, start, end);
    return { branch, vectors, rows: propagate(table, vectors) };
  });
  const chosen = branches.reduce((a, b) => (b.branch.weight > a.branch.weight ? b : a));
  return { branches, rows: mixRows(branches.map((b) => [b.branch.weight, b.rows])), chosen };
}

/** The weighted sum of several runs' rows (all of the same length and width). Pure. */
export function mixRows(parts: Array<[weight: number, rows: Float64Array[]]>): Float64Array[] {
  const [first] = parts;
  if (!first) return [];
  return first[1].map((row, t) => {
    const mixed = new Float64Array(row.length);
    for (const [weight, rows] of parts) {
      const r = rows[t]!;
      for (let i = 0; i < mixed.length; i++) mixed[i]! += weight * r[i]!;
    }
    return mixed;
  });
}

/**
 * The path a reader is shown (the same one runPath replays on the machine): in the most likely
 * branch, following the mixture's most probable state each quarter. Pure.
 */
export function shownPath(
  model: Model,
  run: MixtureRun
): { choices: Choice[]; probability: number } {
  const { choices, probability } = modalPath(tableOf(model), run.chosen.vectors, run.rows);
  return { choices, probability: run.chosen.branch.weight * probability };
}

/** The expected level on the shared scale of each row. Pure. */
export function expectedLevels(table: TransitionTable, rows: Float64Array[]): number[] {
  return rows.map((row) => row.reduce((sum, p, s) => sum + p * table.levels[s]!, 0));
}
