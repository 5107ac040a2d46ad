/**
 * Signposts: every way out of a state, with how close each one is to firing under a frame's
 * drivers ("2 of 3 conditions for Reset met", "any of 2: one holds"). For the explore page's signposts list.
 */
import type { SourceRef } from './schema';
import type { Model, ResolvedTransition } from './model';
import { traceGuard, type Frame } from './guards';
import {
  conditionGroup,
  conditionsInWords,
  describeGuard,
  type ConditionGroup,
  type ConditionInWords
} from './describe';

export interface Signpost {
  transition: ResolvedTransition;
  /** The target state's label and level on the shared scale. */
  toLabel: string;
  toLevel: number;
  /** The guard in words: "Ukraine at full-scale war or talks". */
  guardText: string;
  /** Each leaf condition of the guard, what it saw and whether it held. */
  conditions: ConditionInWords[];
  /** The conditions as the guard combines them: all-of and any-of groups with their counts. */
  group: ConditionGroup;
  /** How many items of the top group hold, out of `total` (a nested group counts as one). */
  met: number;
  total: number;
  /** Whether the whole guard holds on the frame (not the same as met === total under `or`). */
  holds: boolean;
  /** Per-quarter chance when the guard holds; undefined for a transition that always fires. */
  chance?: number;
  /**
   * The probability that this is the transition taken out of the state in a quarter with these
   * drivers: quarter transitions are tried in order, each firing with its chance; `always`
   * transitions get the mass left over, the first that holds taking all of it. 0 when it does not
   * hold or an earlier certain transition fires first.
   */
  fireChance: number;
  source: SourceRef & { ref: string };
}

/**
 * Pure. Every transition out of `state` in the model's try order (quarter transitions, then
 * `always` ones), each traced on `frame`. An unknown state has no signposts.
 */
export function signposts(model: Model, state: string, frame: Frame): Signpost[] {
  const quarter = model.quarterOut.get(state) ?? [];
  const always = model.alwaysOut.get(state) ?? [];
  let remaining = 1;
  let alwaysTaken = false;
  return [...quarter, ...always].map((transition) => {
    const trace = traceGuard(transition.guard, frame, model.drivers);
    const conditions = conditionsInWords(trace, model.vocabulary);
    const group = conditionGroup(trace, model.vocabulary);
    const target = model.scenario.states[transition.to]!;
    let fireChance = 0;
    if (trace.held && transition.trigger === 'quarter') {
      fireChance = remaining * (transition.chance ?? 1);
      remaining -= fireChance;
    } else if (trace.held && !alwaysTaken) {
      fireChance = remaining;
      remaining = 0;
      alwaysTaken = true;
    }
    return {
      transition,
      toLabel: target.label,
      toLevel: target.level,
      guardText: describeGuard(transition.guard, model.vocabulary),
      conditions,
      group,
      met: group.met,
      total: group.items.length,
      holds: trace.held,
      chance: transition.chance,
      fireChance,
      source: { ref: model.scenario.source.ref, ...transition.source }
    };
  });
}
