/**
 * Where a model's position comes from: which read-in elements (the model's inferences, not the
 * article's words) put it in the state it is in. The scorecard scores an analyst only on quarters
 * reached without any, and views mark the rest.
 */
import type { Guard, Scenario, SourceRef, Vocabulary } from './schema';
import { describeGuard } from './describe';
import type { GuardTrace } from './guards';

/** An element the model reads in, named for a reader. */
export interface Reading {
  /** "transition donbass-war-breaks-guardrails", "state rupture", "condition ukraine at war". */
  element: string;
  para: number;
  why: string;
}

export function isReading(source: SourceRef | undefined): boolean {
  return source?.basis === 'reading';
}

function reading(element: string, source: SourceRef | undefined): Reading[] {
  return source?.basis === 'reading' ? [{ element, para: source.para, why: source.why ?? '' }] : [];
}

/**
 * The leaf conditions that decided a traced guard's outcome: for a guard that held, every
 * condition of an `and` and the holding ones of an `or`; for one that failed, the reverse.
 */
export function decisiveLeaves(trace: GuardTrace): GuardTrace[] {
  if (!trace.children) return [trace];
  const type = trace.guard.type;
  if (type === 'not') return decisiveLeaves(trace.children[0]!);
  const allDecide = (type === 'and') === trace.held;
  const chosen = allDecide ? trace.children : trace.children.filter((c) => c.held === trace.held);
  return chosen.flatMap(decisiveLeaves);
}

function leafSource(trace: GuardTrace): SourceRef | undefined {
  return (trace.guard as { source?: SourceRef }).source;
}

/** A leaf guard's short name for the audit and for readings: "ukraine in war, talks". */
export function conditionName(guard: Guard): string {
  switch (guard.type) {
    case 'driverIs':
      return `${guard.params.driver} in ${guard.params.levels.join(', ')}`;
    case 'driverAtLeast':
      return `${guard.params.driver} ≥ ${guard.params.level}`;
    case 'driverAtMost':
      return `${guard.params.driver} ≤ ${guard.params.level}`;
    case 'from':
      return `from ${guard.params.quarter}`;
    case 'until':
      return `until ${guard.params.quarter}`;
    default:
      return guard.type;
  }
}

/** The readings behind taking a transition: itself, its chance, the conditions that decided it, its target. */
export function transitionReadings(
  scenario: Scenario,
  transitionId: string,
  trace: GuardTrace,
  /** With it, a condition is named by its levels ("sanctions at steady, easing or lifted"). */
  vocabulary?: Vocabulary
): Reading[] {
  const t = scenario.transitions.find((x) => x.id === transitionId);
  if (!t) return [];
  return [
    ...reading(`transition ${t.id}`, t.source),
    ...reading(`probability of ${t.id}`, t.probability?.source),
    ...decisiveLeaves(trace).flatMap((leaf) =>
      reading(
        `condition ${vocabulary ? describeGuard(leaf.guard, vocabulary) : conditionName(leaf.guard as Guard)} of ${t.id}`,
        leafSource(leaf)
      )
    ),
    ...reading(`state ${t.to}`, scenario.states[t.to]?.source)
  ];
}

/** The readings behind the start: the start itself and its state. */
export function startReadings(scenario: Scenario): Reading[] {
  return [
    ...reading('start', scenario.start.source),
    ...reading(`state ${scenario.start.state}`, scenario.states[scenario.start.state]?.source)
  ];
}
