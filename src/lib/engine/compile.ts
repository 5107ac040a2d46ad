/**
 * Scenario → XState v5 machine. The machine is the reference execution: it explains a single
 * path and exports as plain JSON (guards by name with params) for Stately's editor.
 */
import { assign, createActor, setup, type AnyStateMachine } from 'xstate';
import { evaluateGuard, type AnyGuard, type Frame } from './guards';
import type { Model, ResolvedTransition } from './model';
import type { Guard } from './schema';
import { GUARD_TYPES } from './terms';

/** The event a machine receives at the start of every quarter. */
export interface QuarterEvent extends Frame {
  type: 'QUARTER';
}

export interface MachineContext extends Frame {
  /** Ids of the transitions taken since the last QUARTER event, in order. */
  trail: string[];
}

type JsonTransition = {
  target: string;
  guard: AnyGuard;
  actions: Array<string | { type: string; params: { id: string } }>;
  meta: { transition: string };
};

/** A guard as XState sees it: `{ type, params }` only; the conditions' sources stay in the file. */
function bareGuard(guard: Guard): AnyGuard {
  switch (guard.type) {
    case 'and':
    case 'or':
      return {
        type: guard.type,
        params: { guards: guard.params.guards.map(bareGuard) }
      } as AnyGuard;
    case 'not':
      return { type: 'not', params: { guard: bareGuard(guard.params.guard) } } as AnyGuard;
    default:
      return { type: guard.type, params: guard.params } as AnyGuard;
  }
}

/** The guard a transition is compiled with: its own, and its chance when it has one. */
export function compiledGuard(t: ResolvedTransition): AnyGuard {
  const guard = bareGuard(t.guard);
  if (t.chance === undefined || t.chance >= 1) return guard;
  return {
    type: 'and',
    params: { guards: [guard, { type: 'chance', params: { transition: t.id, p: t.chance } }] }
  } as AnyGuard;
}

/** Plain-JSON XState config for a model. Pure. */
export function machineConfig(model: Model) {
  const record = (t: ResolvedTransition) => ({ type: 'recordTransition', params: { id: t.id } });
  const states: Record<string, unknown> = {};
  for (const id of model.stateIds) {
    const s = model.scenario.states[id]!;
    const on: JsonTransition[] = model.quarterOut.get(id)!.map((t) => ({
      target: t.to,
      guard: compiledGuard(t),
      actions: ['observeQuarter', record(t)],
      meta: { transition: t.id }
    }));
    const always: JsonTransition[] = model.alwaysOut.get(id)!.map((t) => ({
      target: t.to,
      guard: compiledGuard(t),
      actions: [record(t)],
      meta: { transition: t.id }
    }));
    states[id] = {
      meta: { label: s.label, level: s.level, description: s.description, source: s.source },
      ...(on.length ? { on: { QUARTER: on } } : {}),
      ...(always.length ? { always } : {})
    };
  }
  return {
    id: model.scenario.id,
    initial: model.scenario.start.state,
    // Filled from the actor's input: the start quarter and its drivers.
    context: { quarter: model.startQuarter, drivers: {}, trail: [] },
    // A quarter in which no transition fires still updates what the guards see.
    on: { QUARTER: { actions: ['observeQuarter'] } },
    states
  };
}

// Every guard a file may name, plus the compiled-only `chance`.
const GUARD_NAMES = [...GUARD_TYPES, 'chance'] as const;

/** The XState machine for a model, with guards and actions bound in setup(). Pure. */
export function compile(model: Model): AnyStateMachine {
  const frameOf = (context: MachineContext, event: { type: string }): Frame =>
    event.type === 'QUARTER' ? (event as QuarterEvent) : context;
  const guards = Object.fromEntries(
    GUARD_NAMES.map((type) => [
      type,
      ({ context, event }: { context: MachineContext; event: { type: string } }, params: unknown) =>
        evaluateGuard({ type, params } as AnyGuard, frameOf(context, event), model.drivers)
    ])
  );
  const config = machineConfig(model);
  return setup({
    types: {} as { context: MachineContext; events: QuarterEvent; input: Frame },
    guards,
    actions: {
      observeQuarter: assign(({ event }) => ({
        quarter: event.quarter,
        drivers: event.drivers,
        draws: event.draws,
        trail: []
      })),
      recordTransition: assign({
        trail: ({ context }, params: { id: string }) => [...context.trail, params.id]
      })
    }
  }).createMachine({
    ...(config as object),
    context: ({ input }: { input: Frame }) => ({ ...input, trail: [] })
  } as never) as unknown as AnyStateMachine;
}

/** One quarter of a machine run: where it ended up and which transitions it took to get there. */
export interface MachineStep {
  quarter: number;
  state: string;
  taken: string[];
}

/**
 * Runs the machine quarter by quarter over `frames` (the first frame is the start quarter).
 * Pure apart from the actor it creates and stops; runs no side-effecting actions.
 */
export function runMachine(machine: AnyStateMachine, frames: Frame[]): MachineStep[] {
  const [first, ...rest] = frames;
  if (!first) return [];
  const actor = createActor(machine, { input: first }).start();
  const steps: MachineStep[] = [];
  const capture = (quarter: number) => {
    const snapshot = actor.getSnapshot();
    steps.push({ quarter, state: String(snapshot.value), taken: [...snapshot.context.trail] });
  };
  capture(first.quarter);
  for (const frame of rest) {
    actor.send({ type: 'QUARTER', ...frame });
    capture(frame.quarter);
  }
  actor.stop();
  return steps;
}
