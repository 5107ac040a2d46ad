/**
 * How far a hedge can compound. A transition with a chance is tried once a quarter for as long as
 * its guard can hold, so "a small chance" per quarter becomes near certainty over a decade. Each
 * hedged transition must therefore say over which quarters its chance applies (a calendar window
 * in its guard, or `withinQuarters`), and the chance of firing at least once over every quarter
 * it can be tried in must stay within the term's meaning.
 */
import type { Guard, LikelihoodScale } from './schema';
import type { Model, ResolvedTransition } from './model';
import { fromIndex, toIndex } from './quarter';
import { modelEnd } from './model';

/** Three-valued: whether a guard can hold in a quarter when every driver is free. */
function calendarAllows(guard: Guard, quarter: number): boolean | undefined {
  switch (guard.type) {
    case 'from':
      return quarter >= toIndex(guard.params.quarter);
    case 'until':
      return quarter <= toIndex(guard.params.quarter);
    case 'and': {
      const values = guard.params.guards.map((g) => calendarAllows(g, quarter));
      if (values.includes(false)) return false;
      return values.every((v) => v === true) ? true : undefined;
    }
    case 'or': {
      const values = guard.params.guards.map((g) => calendarAllows(g, quarter));
      if (values.includes(true)) return true;
      return values.every((v) => v === false) ? false : undefined;
    }
    case 'not': {
      const v = calendarAllows(guard.params.guard, quarter);
      return v === undefined ? undefined : !v;
    }
    default:
      return undefined;
  }
}

export interface HedgeWindow {
  transition: string;
  index: number;
  /** Quarters after the start, inside the horizon, in which the guard's calendar lets it hold. */
  quarters: number;
  first?: string;
  last?: string;
  /** The chance per quarter the engine uses. */
  perQuarter: number;
  /** The chance of firing at least once if tried in every one of those quarters. */
  cumulative: number;
  /** The most the cumulative chance may be: the term's upper bound, or the stated value. */
  bound: number;
  /** The term's label or the value, for messages. */
  stated: string;
}

/** Pure. One entry per transition with a probability. */
export function hedgeWindows(
  model: Model,
  likelihood: LikelihoodScale,
  last?: string
): HedgeWindow[] {
  const end = Math.max(last ? toIndex(last) : modelEnd(model), model.startQuarter);
  const out: HedgeWindow[] = [];
  const all: ResolvedTransition[] = [...model.quarterOut.values()].flat();
  for (const t of all.sort((a, b) => a.index - b.index)) {
    if (!t.probability || t.chance === undefined) continue;
    const allowed: number[] = [];
    for (let q = model.startQuarter + 1; q <= end; q++) {
      if (calendarAllows(t.guard, q) !== false) allowed.push(q);
    }
    const term = likelihood.terms.find((x) => x.id === t.probability!.term);
    const bound = term ? term.range[1] : t.probability.value!;
    out.push({
      transition: t.id,
      index: t.index,
      quarters: allowed.length,
      first: allowed.length ? fromIndex(allowed[0]!) : undefined,
      last: allowed.length ? fromIndex(allowed.at(-1)!) : undefined,
      perQuarter: t.chance,
      cumulative: 1 - Math.pow(1 - t.chance, allowed.length),
      bound,
      stated: term ? `“${term.label}” (at most ${Math.round(bound * 100)} %)` : `${bound}`
    });
  }
  return out;
}

/** Rounding slack, so that a window of exactly `withinQuarters` quarters passes. */
const EPSILON = 1e-9;

export function compoundsPastBound(w: HedgeWindow): boolean {
  return w.cumulative > w.bound + EPSILON;
}
