/**
 * runPath: a forecast's path quarter by quarter with the reason for every transition, and the
 * exact probability of every state in every quarter.
 */
import type { Model } from './model';
import type { SourceRef } from './schema';
import { compile, runMachine } from './compile';
import { compileTable } from './table';
import { traceGuard, type GuardTrace } from './guards';
import { describeGuard, conditionsInWords, type ConditionInWords } from './describe';
import { framesOf, lastQuarter, type Schedule } from './schedule';
import { levelVectors, mostLikelyPath, propagate } from './distribution';
import { fromIndex, toIndex, type Quarter } from './quarter';

export interface TakenTransition {
  id: string;
  from: string;
  to: string;
  trigger: 'quarter' | 'always';
  /** Per-quarter chance for a probabilistic transition. */
  chance?: number;
  /** The guard in words: "sanctions at easing or lifted". */
  guardText: string;
  /** Each leaf condition, what it saw and whether it held. */
  conditions: ConditionInWords[];
  trace: GuardTrace;
  description?: string;
  source: SourceRef & { ref: string };
}

export interface PathStep {
  quarter: Quarter;
  state: string;
  label: string;
  level: number;
  /** True when the state was entered in this quarter (or is the start). */
  entered: boolean;
  transitions: TakenTransition[];
  /** Probability of each state in this quarter (sums to 1). */
  distribution: Record<string, number>;
  /** Probability of each level of the shared scale in this quarter. */
  levelDistribution: Record<number, number>;
}

export interface PathResult {
  scenario: string;
  steps: PathStep[];
  /** True when any transition has a chance: then `steps` is the most likely single path. */
  probabilistic: boolean;
  /** Probability of the path in `steps`, from the start (1 for a deterministic model). */
  pathProbability: number;
}

export interface RunOptions {
  /** First quarter to report (default: the model's start). Earlier quarters are not reported. */
  from?: Quarter;
  /** Last quarter to run (default: the schedule's last). */
  to?: Quarter;
}

const machines = new WeakMap<Model, ReturnType<typeof compile>>();
const tables = new WeakMap<Model, ReturnType<typeof compileTable>>();

/** The compiled machine and table of a model, built once per model object. */
export function executables(model: Model) {
  if (!machines.has(model)) machines.set(model, compile(model));
  if (!tables.has(model)) tables.set(model, compileTable(model));
  return { machine: machines.get(model)!, table: tables.get(model)! };
}

/**
 * Pure. The schedule must cover the model's start through `to`. The path is replayed on the XState
 * machine (the reference) with draws that reproduce the most likely choices of the table.
 */
export function runPath(model: Model, schedule: Schedule, options: RunOptions = {}): PathResult {
  const { machine, table } = executables(model);
  const start = model.startQuarter;
  const end = options.to ? toIndex(options.to) : lastQuarter(schedule);
  const reportFrom = Math.max(options.from ? toIndex(options.from) : start, start);
  const chanceIds = model.scenario.transitions.filter((t) => t.probability).map((t) => t.id);
  const probabilistic = chanceIds.length > 0;
  if (end < start)
    return { scenario: model.scenario.id, steps: [], probabilistic, pathProbability: 1 };

  const vectors = levelVectors(schedule, model.vocabulary, start, end);
  const rows = propagate(table, vectors);
  const { choices, probability } = mostLikelyPath(table, vectors);

  const frames = framesOf(schedule, start, end).map((frame, t) => ({
    ...frame,
    draws: Object.fromEntries(
      chanceIds.map((id) => [id, choices[t]!.transition?.id === id ? 0 : 1])
    )
  }));
  const machineSteps = runMachine(machine, frames);
  const byId = new Map(model.scenario.transitions.map((t) => [t.id, t]));

  const steps: PathStep[] = machineSteps.map((ms, t) => {
    const frame = frames[t]!;
    const state = model.scenario.states[ms.state]!;
    const distribution: Record<string, number> = {};
    const levelDistribution: Record<number, number> = {};
    table.states.forEach((s, i) => {
      const p = rows[t]![i]!;
      distribution[s] = p;
      const level = model.scenario.states[s]!.level;
      levelDistribution[level] = (levelDistribution[level] ?? 0) + p;
    });
    return {
      quarter: fromIndex(ms.quarter),
      state: ms.state,
      label: state.label,
      level: state.level,
      entered: t === 0 || ms.taken.length > 0,
      transitions: ms.taken.map((id) => {
        const tr = byId.get(id)!;
        const trace = traceGuard(tr.guard, frame, model.drivers);
        return {
          id,
          from: tr.from,
          to: tr.to,
          trigger: tr.trigger,
          chance: model.quarterOut.get(tr.from)?.find((x) => x.id === id)?.chance,
          guardText: describeGuard(tr.guard, model.vocabulary),
          conditions: conditionsInWords(trace, model.vocabulary),
          trace,
          description: tr.description,
          source: { ref: model.scenario.source.ref, ...tr.source }
        };
      }),
      distribution,
      levelDistribution
    };
  });

  return {
    scenario: model.scenario.id,
    steps: steps.filter((s) => toIndex(s.quarter) >= reportFrom),
    probabilistic,
    pathProbability: probability
  };
}
