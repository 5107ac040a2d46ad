/**
 * A scenario resolved for execution: transitions grouped by state in the order they are tried,
 * probabilities turned into per-quarter chances. Both the XState machine and the transition table
 * are built from this one object, so they cannot disagree on order or numbers.
 */
import type { LikelihoodScale, Scenario, Transition, Vocabulary } from './schema';
import { indexDrivers, type DriverIndex } from './vocabulary';
import { toIndex, HORIZON } from './quarter';

export interface ResolvedTransition extends Transition {
  /** Position in the scenario file's `transitions` list. */
  index: number;
  /** Chance per quarter when the guard holds; undefined means it always fires. */
  chance?: number;
}

export interface Model {
  scenario: Scenario;
  vocabulary: Vocabulary;
  drivers: DriverIndex;
  stateIds: string[];
  startQuarter: number;
  /** Per state: quarter-triggered transitions, in the order they are tried. */
  quarterOut: Map<string, ResolvedTransition[]>;
  /** Per state: `always` transitions, in the order they are tried. */
  alwaysOut: Map<string, ResolvedTransition[]>;
}

export interface ModelContext {
  vocabulary: Vocabulary;
  likelihood: LikelihoodScale;
}

/**
 * The per-quarter chance of a probability as written: a term or a value, optionally spread over
 * `withinQuarters` (the chance of firing at least once within that many quarters). Pure.
 */
export function perQuarterChance(
  probability: NonNullable<Transition['probability']>,
  likelihood: LikelihoodScale
): number {
  const p =
    probability.value ?? likelihood.terms.find((t) => t.id === probability.term)?.value ?? NaN;
  const n = probability.withinQuarters ?? 1;
  return n === 1 ? p : 1 - Math.pow(1 - p, 1 / n);
}

/** Transitions with a priority first (ascending), then the rest in file order. Stable. */
export function tryOrder<T extends { priority?: number; index: number }>(transitions: T[]): T[] {
  return [...transitions].sort((a, b) => {
    const pa = a.priority ?? Infinity;
    const pb = b.priority ?? Infinity;
    return pa === pb ? a.index - b.index : pa - pb;
  });
}

/** The last quarter a model looks to (quarter index): its `until`, or the default horizon's end. */
export function modelEnd(model: Pick<Model, 'scenario'>): number {
  return toIndex(model.scenario.until ?? HORIZON.last);
}

/** Pure; expects a scenario that passed validation (check.ts). */
export function resolveModel(scenario: Scenario, context: ModelContext): Model {
  const resolved: ResolvedTransition[] = scenario.transitions.map((t, index) => ({
    ...t,
    index,
    chance: t.probability ? perQuarterChance(t.probability, context.likelihood) : undefined
  }));
  const stateIds = Object.keys(scenario.states);
  const group = (trigger: Transition['trigger']) =>
    new Map(
      stateIds.map((s) => [
        s,
        tryOrder(resolved.filter((t) => t.from === s && t.trigger === trigger))
      ])
    );
  return {
    scenario,
    vocabulary: context.vocabulary,
    drivers: indexDrivers(context.vocabulary),
    stateIds,
    startQuarter: toIndex(scenario.start.quarter),
    quarterOut: group('quarter'),
    alwaysOut: group('always')
  };
}
