/** A search's answers in full: changes, overrides, probability by quarter and paths. */
import type { Override } from './schedule';
import { buildSchedule, scheduleBranches } from './schedule';
import { fromIndex, type Quarter } from './quarter';
import { mixtureRun, shownPath, tableOf } from './mixture';
import { reachStart, reachStep, targetMask, type ReachState } from './target';
import { atLeastK, type Option } from './searchOptions';
import type { SearchInput } from './search';

/** One driver set to one level from a quarter to the end of the horizon. */
export interface Change {
  driver: string;
  level: string;
  from: Quarter;
  /** Levels away from the scheduled level at `from` (1 for any other level of an unordered driver). */
  distance: number;
  /** `driver=level@quarter`, as `simulate --set` takes it. */
  text: string;
}

/** A point of the path an answer produces: the state shown (the most probable one). */
export interface PathPoint {
  quarter: Quarter;
  state: string;
  level: number;
  /** Probability of being in `state` in this quarter. */
  probability: number;
}

export interface AnalystReach {
  analyst: string;
  /** Exact probability of having been in the target by the deadline. */
  probability: number;
  /** First quarter by which that probability exceeds minProbability; null when it never does. */
  reachedAt: Quarter | null;
  /** From the model's start to the deadline. */
  path: PathPoint[];
}

export interface Alternative {
  changes: Change[];
  /** The changes as `simulate --set` entries. */
  set: string[];
  /** The starting overrides plus these changes: what "Apply" puts in place. */
  overrides: Override[];
  /** Exact probability that at least `atLeast` of the analysts reach the target by the deadline. */
  probability: number;
  /** First quarter by which that probability exceeds minProbability. */
  reachedAt: Quarter;
  analysts: AnalystReach[];
}

/** An answer in full: its changes, overrides, probability by quarter and each analyst's path. */
export function finish(
  input: SearchInput,
  options: Option[],
  probability: number,
  from: number,
  by: number,
  k: number,
  minProbability: number
): Alternative {
  const drivers = input.models[0]!.drivers;
  const changes: Change[] = [...options]
    .sort((a, b) => a.start - b.start || a.position - b.position)
    .map((o) => {
      const level = drivers.levels.get(o.driver)![o.rank]!;
      const quarter = fromIndex(o.start);
      return {
        driver: o.driver,
        level,
        from: quarter,
        distance: o.distance,
        text: `${o.driver}=${level}@${quarter}`
      };
    });
  const overrides = [
    ...(input.overrides ?? []),
    ...changes.map((c) => ({ driver: c.driver, level: c.level, from: c.from }))
  ];
  const schedule = buildSchedule(input.sources, input.preset, overrides);
  // Per analyst and branch, the probability of having reached by each quarter from `from`.
  const curves = input.models.map((model) => {
    const table = tableOf(model);
    const mask = targetMask(table, input.target);
    if (model.startQuarter > by) return { model, byBranch: [] as number[][], run: undefined };
    const run = mixtureRun(model, schedule, model.startQuarter, by);
    const countFrom = Math.max(from, model.startQuarter);
    const byBranch = run.branches.map((b) => {
      let state: ReachState | undefined;
      const reached: number[] = [];
      b.vectors.forEach((v, t) => {
        const q = model.startQuarter + t;
        state = state
          ? reachStep(table, state, v, q, mask, q >= countFrom)
          : reachStart(table, v, mask, q >= countFrom);
        reached.push(state.reached);
      });
      return reached;
    });
    return { model, byBranch, run };
  });
  const weights = scheduleBranches(schedule).map((b) => b.weight);
  const at = (c: (typeof curves)[number], b: number, q: number) =>
    q < c.model.startQuarter ? 0 : (c.byBranch[b]?.[q - c.model.startQuarter] ?? 0);
  let reachedAt = by;
  for (let q = from; q <= by; q++) {
    const p = weights.reduce(
      (s, w, b) =>
        s +
        w *
          atLeastK(
            curves.map((c) => at(c, b, q)),
            k
          ),
      0
    );
    if (p > minProbability) {
      reachedAt = q;
      break;
    }
  }
  const analysts = curves.map((c): AnalystReach => {
    const mixed = (q: number) => weights.reduce((s, w, b) => s + w * at(c, b, q), 0);
    let first: number | null = null;
    for (let q = from; q <= by && first === null; q++) if (mixed(q) > minProbability) first = q;
    const table = tableOf(c.model);
    const path = c.run
      ? shownPath(c.model, c.run).choices.map((choice, t) => ({
          quarter: fromIndex(c.model.startQuarter + t),
          state: table.states[choice.state]!,
          level: table.levels[choice.state]!,
          probability: c.run!.rows[t]![choice.state]!
        }))
      : [];
    return {
      analyst: c.model.scenario.id,
      probability: mixed(by),
      reachedAt: first === null ? null : fromIndex(first),
      path
    };
  });
  return {
    changes,
    set: changes.map((c) => c.text),
    overrides,
    probability,
    reachedAt: fromIndex(reachedAt),
    analysts
  };
}
