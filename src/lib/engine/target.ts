/**
 * Targets on a model ("be in Thaw", "level +1 or higher on the shared scale") and the exact
 * probability of having reached one by each quarter: propagation with the target made absorbing.
 */
import type { Model } from './model';
import { outcomes, settle, type LevelVector, type TransitionTable } from './table';
import { formatLevel } from './describe';

/** What a search or a tornado aims at: a state of one model, or a band of the shared scale. */
export type Target =
  | { kind: 'state'; state: string }
  | { kind: 'levelAtLeast'; level: number }
  | { kind: 'levelAtMost'; level: number };

/** 1 for each state of the table (in table order) that is in the target. Pure. */
export function targetMask(table: TransitionTable, target: Target): Uint8Array {
  return Uint8Array.from(table.states, (id, s) => {
    const level = table.levels[s]!;
    if (target.kind === 'state') return id === target.state ? 1 : 0;
    return (target.kind === 'levelAtLeast' ? level >= target.level : level <= target.level) ? 1 : 0;
  });
}

/** "Thaw" (the state's label in `model`), "level +1 or higher", "level −2 or lower". Pure. */
export function describeTarget(target: Target, model?: Model): string {
  if (target.kind === 'state') return model?.scenario.states[target.state]?.label ?? target.state;
  return `level ${formatLevel(target.level)} or ${target.kind === 'levelAtLeast' ? 'higher' : 'lower'}`;
}

/** `state=thaw`, `level>=1`, `level<=-2`: the CLI's and a link's form. */
export function formatTarget(target: Target): string {
  if (target.kind === 'state') return `state=${target.state}`;
  return `level${target.kind === 'levelAtLeast' ? '>=' : '<='}${target.level}`;
}

/** Parses formatTarget's form; null when it is not one. */
export function parseTarget(text: string): Target | null {
  const state = /^state=([a-zA-Z][\w-]*)$/.exec(text.trim());
  if (state) return { kind: 'state', state: state[1]! };
  const level = /^level(>=|<=)([+-]?[0-3])$/.exec(text.trim().replace('−', '-'));
  if (!level) return null;
  return { kind: level[1] === '>=' ? 'levelAtLeast' : 'levelAtMost', level: Number(level[2]) };
}

/**
 * The probability mass that has not reached the target yet, per state, after a quarter, and the
 * mass that has (cumulative). Mass is absorbed when it is in a target state in a counted quarter.
 */
export interface ReachState {
  row: Float64Array;
  reached: number;
}

function absorb(row: Float64Array, mask: Uint8Array, reached: number): ReachState {
  let gained = 0;
  for (let s = 0; s < row.length; s++) {
    if (mask[s] && row[s]! > 0) {
      gained += row[s]!;
      row[s] = 0;
    }
  }
  return { row, reached: reached + gained };
}

/** The start quarter: the settled start state, absorbed at once when `counted`. Pure. */
export function reachStart(
  table: TransitionTable,
  vector: LevelVector,
  mask: Uint8Array,
  counted: boolean
): ReachState {
  const row = new Float64Array(table.states.length);
  row[settle(table, table.start, vector, table.startQuarter)] = 1;
  return counted ? absorb(row, mask, 0) : { row, reached: 0 };
}

/** One quarter on from `from` (not changed). Pure. */
export function reachStep(
  table: TransitionTable,
  from: ReachState,
  vector: LevelVector,
  quarter: number,
  mask: Uint8Array,
  counted: boolean
): ReachState {
  const next = new Float64Array(from.row.length);
  for (let s = 0; s < next.length; s++) {
    const p = from.row[s]!;
    if (p === 0) continue;
    for (const o of outcomes(table, s, vector, quarter)) next[o.to]! += p * o.probability;
  }
  return counted ? absorb(next, mask, from.reached) : { row: next, reached: from.reached };
}

/**
 * Per quarter from the model's start (`vectors[0]`), the probability of having been in the
 * target at some counted quarter (quarter index ≥ `countFrom`) up to and including it. Pure.
 */
export function reachCurve(
  table: TransitionTable,
  vectors: LevelVector[],
  mask: Uint8Array,
  countFrom: number
): ReachState[] {
  const q0 = table.startQuarter;
  const states = [reachStart(table, vectors[0]!, mask, q0 >= countFrom)];
  for (let t = 1; t < vectors.length; t++) {
    states.push(reachStep(table, states[t - 1]!, vectors[t]!, q0 + t, mask, q0 + t >= countFrom));
  }
  return states;
}
