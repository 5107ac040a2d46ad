/**
 * The fast execution of a model: guards compiled to closures over a vector of level indices, so
 * ensembles, distributions and model checks cost a fraction of a microsecond per step. It must
 * give the same paths as the XState machine (compile.ts); a property test holds them equal.
 */
import type { Guard } from './schema';
import type { Model } from './model';
import { toIndex } from './quarter';

/** Driver levels as indices into each driver's level list, in vocabulary order. */
export type LevelVector = ArrayLike<number>;

type Predicate = (levels: LevelVector, quarter: number) => boolean;

export interface TableTransition {
  id: string;
  /** Position in the scenario file's `transitions`. */
  index: number;
  to: number;
  /** Per-quarter chance; 1 for a transition that always fires when its guard holds. */
  chance: number;
  holds: Predicate;
}

export interface TransitionTable {
  states: string[];
  levels: number[];
  start: number;
  startQuarter: number;
  /** Per state index, quarter-triggered transitions in the order they are tried. */
  quarterOut: TableTransition[][];
  alwaysOut: TableTransition[][];
}

/** Thrown when `always` transitions keep firing: validation reports this before any run. */
export class AlwaysLoopError extends Error {
  constructor(
    readonly states: string[],
    readonly quarter: number
  ) {
    super(`always transitions loop without settling: ${states.join(' → ')}`);
  }
}

function compilePredicate(guard: Guard, model: Model): Predicate {
  const { drivers } = model;
  switch (guard.type) {
    case 'driverIs': {
      const at = drivers.position.get(guard.params.driver)!;
      const ranks = drivers.rank.get(guard.params.driver)!;
      let mask = 0;
      for (const level of guard.params.levels) mask |= 1 << ranks.get(level)!;
      return (levels) => ((mask >> levels[at]!) & 1) === 1;
    }
    case 'driverAtLeast': {
      const at = drivers.position.get(guard.params.driver)!;
      const bound = drivers.rank.get(guard.params.driver)!.get(guard.params.level)!;
      return (levels) => levels[at]! >= bound;
    }
    case 'driverAtMost': {
      const at = drivers.position.get(guard.params.driver)!;
      const bound = drivers.rank.get(guard.params.driver)!.get(guard.params.level)!;
      return (levels) => levels[at]! <= bound;
    }
    case 'from': {
      const q = toIndex(guard.params.quarter);
      return (_, quarter) => quarter >= q;
    }
    case 'until': {
      const q = toIndex(guard.params.quarter);
      return (_, quarter) => quarter <= q;
    }
    case 'and': {
      const parts = guard.params.guards.map((g) => compilePredicate(g, model));
      return (levels, quarter) => parts.every((p) => p(levels, quarter));
    }
    case 'or': {
      const parts = guard.params.guards.map((g) => compilePredicate(g, model));
      return (levels, quarter) => parts.some((p) => p(levels, quarter));
    }
    case 'not': {
      const inner = compilePredicate(guard.params.guard, model);
      return (levels, quarter) => !inner(levels, quarter);
    }
  }
}

/** Pure. */
export function compileTable(model: Model): TransitionTable {
  const position = new Map(model.stateIds.map((s, i) => [s, i]));
  const build = (out: Model['quarterOut']) =>
    model.stateIds.map((s) =>
      out.get(s)!.map((t) => ({
        id: t.id,
        index: t.index,
        to: position.get(t.to)!,
        chance: t.chance ?? 1,
        holds: compilePredicate(t.guard, model)
      }))
    );
  return {
    states: model.stateIds,
    levels: model.stateIds.map((s) => model.scenario.states[s]!.level),
    start: position.get(model.scenario.start.state)!,
    startQuarter: model.startQuarter,
    quarterOut: build(model.quarterOut),
    alwaysOut: build(model.alwaysOut)
  };
}

/**
 * Follows `always` transitions from a state until none holds. Returns the final state and appends
 * the transitions taken to `taken` when given. Throws AlwaysLoopError rather than hang.
 */
export function settle(
  table: TransitionTable,
  state: number,
  levels: LevelVector,
  quarter: number,
  taken?: TableTransition[]
): number {
  let current = state;
  for (let hops = 0; ; hops++) {
    const next = table.alwaysOut[current]!.find((t) => t.holds(levels, quarter));
    if (!next) return current;
    if (hops >= table.states.length) {
      throw new AlwaysLoopError(
        [table.states[state]!, '…', table.states[current]!, table.states[next.to]!],
        quarter
      );
    }
    taken?.push(next);
    current = next.to;
  }
}

/** One possible result of a quarter: which quarter transition fired (null: none), and where to. */
export interface Outcome {
  transition: TableTransition | null;
  /** The state after the quarter transition and any `always` chain. */
  to: number;
  probability: number;
}

/**
 * Every outcome of one quarter from `state`, with its exact probability: transitions are tried in
 * order, each firing with its chance when its guard holds; the rest of the mass stays. Pure.
 */
export function outcomes(
  table: TransitionTable,
  state: number,
  levels: LevelVector,
  quarter: number
): Outcome[] {
  const result: Outcome[] = [];
  let remaining = 1;
  for (const t of table.quarterOut[state]!) {
    if (!t.holds(levels, quarter)) continue;
    const p = remaining * t.chance;
    if (p > 0)
      result.push({ transition: t, to: settle(table, t.to, levels, quarter), probability: p });
    remaining -= p;
    if (remaining <= 0) break;
  }
  if (remaining > 0) {
    result.push({
      transition: null,
      to: settle(table, state, levels, quarter),
      probability: remaining
    });
  }
  return result;
}

/**
 * One quarter with given draws: the first transition whose guard holds and whose draw is below its
 * chance fires (certain transitions ignore draws), exactly as the machine's compiled guards do.
 */
export function step(
  table: TransitionTable,
  state: number,
  levels: LevelVector,
  quarter: number,
  draws: Record<string, number> | undefined,
  taken?: TableTransition[]
): number {
  for (const t of table.quarterOut[state]!) {
    if (!t.holds(levels, quarter)) continue;
    if (t.chance < 1 && !((draws?.[t.id] ?? 1) < t.chance)) continue;
    taken?.push(t);
    return settle(table, t.to, levels, quarter, taken);
  }
  return settle(table, state, levels, quarter, taken);
}
