/**
 * Guard evaluation over a frame (a quarter and its driver levels). This is the reference
 * implementation that the XState machine binds in setup({ guards }); the transition table
 * compiles the same guards separately (table.ts) and a property test holds the two equal.
 */
import type { Guard } from './schema';
import type { DriverIndex } from './vocabulary';
import { fromIndex, quarterIndex } from './quarter';

/** What a guard can see: the quarter (as an index) and every driver's level. */
export interface Frame {
  quarter: number;
  drivers: Record<string, string>;
  /**
   * One uniform draw in [0, 1) per probabilistic transition id for this quarter; a transition
   * with chance p fires when its draw is below p. Absent draws never fire.
   */
  draws?: Record<string, number>;
}

/** The compiled-only guard that makes a transition probabilistic. */
export interface ChanceGuard {
  type: 'chance';
  params: { transition: string; p: number };
}

export type AnyGuard = Guard | ChanceGuard;

/** Pure. Throws only on a guard that validation would have rejected. */
export function evaluateGuard(guard: AnyGuard, frame: Frame, drivers: DriverIndex): boolean {
  switch (guard.type) {
    case 'driverIs':
      return guard.params.levels.includes(frame.drivers[guard.params.driver] ?? '');
    case 'driverAtLeast':
    case 'driverAtMost': {
      const ranks = drivers.rank.get(guard.params.driver);
      const actual = ranks?.get(frame.drivers[guard.params.driver] ?? '');
      const bound = ranks?.get(guard.params.level);
      if (actual === undefined || bound === undefined) return false;
      return guard.type === 'driverAtLeast' ? actual >= bound : actual <= bound;
    }
    case 'from':
      return frame.quarter >= quarterOf(guard.params.quarter);
    case 'until':
      return frame.quarter <= quarterOf(guard.params.quarter);
    case 'and':
      return guard.params.guards.every((g) => evaluateGuard(g, frame, drivers));
    case 'or':
      return guard.params.guards.some((g) => evaluateGuard(g, frame, drivers));
    case 'not':
      return !evaluateGuard(guard.params.guard, frame, drivers);
    case 'chance':
      return (frame.draws?.[guard.params.transition] ?? 1) < guard.params.p;
  }
}

/** One node of a guard's evaluation: whether it held and, for a driver test, what it saw. */
export interface GuardTrace {
  guard: AnyGuard;
  held: boolean;
  /** The driver's level (driver tests) or the quarter (calendar tests) the guard read. */
  saw?: string;
  children?: GuardTrace[];
}

/** Like evaluateGuard, but keeps the whole tree so a view can say why a transition fired. */
export function traceGuard(guard: AnyGuard, frame: Frame, drivers: DriverIndex): GuardTrace {
  const held = evaluateGuard(guard, frame, drivers);
  switch (guard.type) {
    case 'driverIs':
    case 'driverAtLeast':
    case 'driverAtMost':
      return { guard, held, saw: frame.drivers[guard.params.driver] };
    case 'from':
    case 'until':
      return { guard, held, saw: fromIndex(frame.quarter) };
    case 'and':
    case 'or':
      return {
        guard,
        held,
        children: guard.params.guards.map((g) => traceGuard(g, frame, drivers))
      };
    case 'not':
      return { guard, held, children: [traceGuard(guard.params.guard, frame, drivers)] };
    case 'chance':
      return { guard, held };
  }
}

/** The leaf tests of a trace (driver and calendar conditions), depth first. */
export function traceLeaves(trace: GuardTrace): GuardTrace[] {
  return trace.children ? trace.children.flatMap(traceLeaves) : [trace];
}

const quarterCache = new Map<string, number>();
function quarterOf(q: string): number {
  let i = quarterCache.get(q);
  if (i === undefined) {
    i = quarterIndex(q) ?? NaN;
    quarterCache.set(q, i);
  }
  return i;
}
