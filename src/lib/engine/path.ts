/**
 * runPath: a forecast's path quarter by quarter with the reason for every transition, and the
 * exact probability of every state in every quarter.
 */
import type { Model } from './model';
import type { SourceRef } from './schema';
import { compile, runMachine } from './compile';
import { traceGuard, type GuardTrace } from './guards';
import {
  describeGuard,
  conditionGroup,
  conditionsInWords,
  type ConditionGroup,
  type ConditionInWords
} from './describe';
import { framesOf, lastQuarter, type Schedule, type ScheduleBranch } from './schedule';
import { startReadings, transitionReadings, type Reading } from './basis';
import { mixtureRun, shownPath, tableOf } from './mixture';
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
  /** The same conditions in the guard's all-of / any-of structure, with counts per group. */
  group: ConditionGroup;
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
  /**
   * The model's readings that put it in this state (on entry, kept while it stays): empty when
   * the start or the transitions that led here, their deciding conditions and the state itself
   * are all stated by the article.
   */
  readings: Reading[];
}

export interface PathResult {
  scenario: string;
  steps: PathStep[];
  /**
   * True when any transition has a chance or the drivers fork: then `steps` is the path that
   * follows the most probable state each quarter (modalPath), and `distribution` gives the rest.
   */
  probabilistic: boolean;
  /** Probability of the path in `steps`, from the start (1 for a deterministic model). */
  pathProbability: number;
  /**
   * Where the drivers fork (the analyst names a fork and leaves it open): the branch the path in
   * `steps` follows, with its weight. The distributions mix every branch.
   */
  branch?: Pick<ScheduleBranch, 'picks' | 'weight'>;
  /** The driver levels the path in `steps` read: the schedule itself, or its branch's. */
  schedule: Schedule;
}

export interface RunOptions {
  /** First quarter to report (default: the model's start). Earlier quarters are not reported. */
  from?: Quarter;
  /** Last quarter to run (default: the schedule's last). */
  to?: Quarter;
}

const machines = new WeakMap<Model, ReturnType<typeof compile>>();

/** The compiled machine and table of a model, built once per model object. */
export function executables(model: Model) {
  if (!machines.has(model)) machines.set(model, compile(model));
  return { machine: machines.get(model)!, table: tableOf(model) };
}

/**
 * Pure. The schedule must cover the model's start through `to`. The path is replayed on the XState
 * machine (the reference) with draws that reproduce the table's choices along the path.
 */
export function runPath(model: Model, schedule: Schedule, options: RunOptions = {}): PathResult {
  const { machine, table } = executables(model);
  const start = model.startQuarter;
  const end = options.to ? toIndex(options.to) : lastQuarter(schedule);
  const reportFrom = Math.max(options.from ? toIndex(options.from) : start, start);
  const chanceIds = model.scenario.transitions.filter((t) => t.probability).map((t) => t.id);
  const forked = (schedule.forks?.length ?? 0) > 0;
  const probabilistic = chanceIds.length > 0 || forked;
  if (end < start)
    return { scenario: model.scenario.id, steps: [], probabilistic, pathProbability: 1, schedule };

  // Each branch of a fork is a plain schedule; the distribution is their weighted mixture. The
  // path shown is in the most likely branch (the first listed on a tie), and follows the mixture's
  // most probable states among the moves that branch allows, so it stays with the bands.
  const run = mixtureRun(model, schedule, start, end);
  const { chosen, rows } = run;
  const { choices, probability } = shownPath(model, run);
  const followed = chosen.branch.schedule;

  const frames = framesOf(followed, start, end).map((frame, t) => ({
    ...frame,
    draws: Object.fromEntries(
      chanceIds.map((id) => [id, choices[t]!.transition?.id === id ? 0 : 1])
    )
  }));
  const machineSteps = runMachine(machine, frames);
  const byId = new Map(model.scenario.transitions.map((t) => [t.id, t]));

  let readings = startReadings(model.scenario);
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
    const transitions: TakenTransition[] = ms.taken.map((id) => {
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
        group: conditionGroup(trace, model.vocabulary),
        trace,
        description: tr.description,
        source: { ref: model.scenario.source.ref, ...tr.source }
      };
    });
    if (t > 0 && transitions.length > 0) {
      readings = transitions.flatMap((x) =>
        transitionReadings(model.scenario, x.id, x.trace, model.vocabulary)
      );
    } else if (t === 0 && transitions.length > 0) {
      readings = [
        ...readings,
        ...transitions.flatMap((x) =>
          transitionReadings(model.scenario, x.id, x.trace, model.vocabulary)
        )
      ];
    }
    return {
      quarter: fromIndex(ms.quarter),
      state: ms.state,
      label: state.label,
      level: state.level,
      entered: t === 0 || ms.taken.length > 0,
      transitions,
      distribution,
      levelDistribution,
      readings
    };
  });

  return {
    scenario: model.scenario.id,
    steps: steps.filter((s) => toIndex(s.quarter) >= reportFrom),
    probabilistic,
    pathProbability: probability,
    ...(forked ? { branch: { picks: chosen.branch.picks, weight: chosen.branch.weight } } : {}),
    schedule: followed
  };
}
