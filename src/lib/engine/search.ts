/**
 * What would it take: the smallest driver changes (each a driver set to one level from a quarter
 * to the end of the horizon) that bring one analyst's model, or at least k of several, to a
 * target by a deadline. Exhaustive over 1, 2, … changed drivers on the transition table.
 */
import type { Model } from './model';
import {
  buildSchedule,
  scheduleBranches,
  type ScheduleBranch,
  type Override,
  type Preset,
  type ScheduleSources
} from './schedule';
import { fromIndex, toIndex, HORIZON, type Quarter } from './quarter';
import { levelClasses } from './levelClasses';
import { mixtureRun, shownPath, tableOf } from './mixture';
import { reachStart, reachStep, targetMask, type ReachState, type Target } from './target';
import { couldReach, modelRun, reachWith, type RankChange } from './searchRuns';
import { explainUnreachable } from './searchReason';

export interface SearchLimits {
  /** Most drivers changed in one answer (default 3). */
  maxChanges?: number;
  /** Most combinations evaluated in all (default 200,000). */
  maxEvaluations?: number;
  /** How many answers to return (default 5). */
  alternatives?: number;
  /** An answer reaches when its probability exceeds this (default 0: any chance at all). */
  minProbability?: number;
}

export interface SearchInput {
  /** One analyst's model, or several for "at least k of them". */
  models: readonly Model[];
  /** How many of `models` must reach the target (default: all of them). */
  atLeast?: number;
  target: Target;
  /** The deadline: the target must be reached in this quarter or before. */
  by: Quarter;
  /**
   * The first quarter that counts and the earliest a change may start (default: the earliest
   * start among `models`). A model that is already in the target then has reached it.
   */
  from?: Quarter;
  /** Vocabulary, history and likelihood scale (a Catalog has them). */
  sources: ScheduleSources;
  /** The starting schedule: a preset and the overrides already in place. */
  preset: Preset;
  overrides?: Override[];
  limits?: SearchLimits;
  /** Called every few thousand evaluations and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Checked every few hundred evaluations; when true the search throws SearchCancelled. */
  signal?: { readonly aborted: boolean };
}

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

export type SearchBound = { kind: 'maxChanges' | 'maxEvaluations'; value: number };

export interface SearchResult {
  analysts: string[];
  atLeast: number;
  target: Target;
  by: Quarter;
  from: Quarter;
  /**
   * True when every combination that could rank among the answers was evaluated (or, with no
   * answer, when the target is proven out of reach whatever the drivers do).
   */
  exhaustive: boolean;
  /** The bound that stopped the search, when it is not exhaustive. */
  bound?: SearchBound;
  evaluations: number;
  /** Ranked best first; empty when nothing within the bounds reaches. */
  alternatives: Alternative[];
  /** With no alternative: why, in words, naming the conditions that cannot hold in time. */
  reason?: string;
}

/** Thrown when the input's signal is aborted. */
export class SearchCancelled extends Error {
  constructor() {
    super('search cancelled');
  }
}

export const SEARCH_DEFAULTS = {
  maxChanges: 3,
  maxEvaluations: 200_000,
  alternatives: 5,
  minProbability: 0
} as const;

interface Option extends RankChange {
  driver: string;
  distance: number;
  /** The driver's level class: options of one class at any start are one kind of answer. */
  kind: string;
  id: number;
}

/** Poisson-binomial: the probability that at least k of independent events happen. */
export function atLeastK(probabilities: number[], k: number): number {
  let dist = [1];
  for (const p of probabilities) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((q, j) => {
      next[j]! += q * (1 - p);
      next[j + 1]! += q * p;
    });
    dist = next;
  }
  return dist.slice(k).reduce((a, b) => a + b, 0);
}

/**
 * Pure apart from the callbacks. Ranking: fewest drivers changed; then the latest start (of an
 * answer's earliest change); then the smallest total distance in levels; then the higher
 * probability. Only minimal answers are kept (no answer contains another one's exact changes),
 * and one per set of drivers and levels the models can tell apart (its best-ranked timing).
 * Analysts' chances are independent given the drivers; forks in the assumptions are shared.
 */
export function searchChanges(input: SearchInput): SearchResult {
  const given = Object.entries(input.limits ?? {}).filter(([, v]) => v !== undefined);
  const limits = { ...SEARCH_DEFAULTS, ...Object.fromEntries(given) } as Required<SearchLimits>;
  const { models, target, sources, preset } = input;
  const overrides = input.overrides ?? [];
  const k = input.atLeast ?? models.length;
  const by = toIndex(input.by);
  const from = input.from ? toIndex(input.from) : Math.min(...models.map((m) => m.startQuarter));
  if (models.length === 0) throw new RangeError('name at least one analyst');
  if (k < 1 || k > models.length)
    throw new RangeError(`at least k of ${models.length} analysts: k must be 1–${models.length}`);
  if (by < from) throw new RangeError(`the deadline ${input.by} is before ${fromIndex(from)}`);
  if (by > toIndex(HORIZON.last))
    throw new RangeError(`the deadline ${input.by} is after the horizon ends (${HORIZON.last})`);
  if (target.kind === 'state' && !models.some((m) => target.state in m.scenario.states))
    throw new RangeError(`no analyst named has a state "${target.state}"`);

  const schedule = buildSchedule(sources, preset, overrides);
  const branches = scheduleBranches(schedule);
  const runs = models.map((model) => modelRun(model, branches, target, from, by));
  const combine = (p: number[]) => (p.length === 1 ? p[0]! : atLeastK(p, k));
  const evaluate = (changes: readonly Option[], earliest: number) =>
    branches.reduce(
      (sum, b, i) => sum + b.weight * combine(runs.map((r) => reachWith(r, i, changes, earliest))),
      0
    );
  const result = (
    partial: Omit<SearchResult, 'analysts' | 'atLeast' | 'target' | 'by' | 'from'>
  ): SearchResult => ({
    analysts: models.map((m) => m.scenario.id),
    atLeast: k,
    target,
    by: input.by,
    from: fromIndex(from),
    ...partial
  });
  const describe = (options: Option[], probability: number) =>
    finish(input, options, probability, from, by, k, limits.minProbability);

  const baseProbability = evaluate([], Infinity);
  if (baseProbability > limits.minProbability) {
    return result({
      exhaustive: true,
      evaluations: 1,
      alternatives: [describe([], baseProbability)]
    });
  }

  const drivers = driverOptions(models, branches, schedule.first, from, by);
  /** Whether at least k models could reach with `set`'s drivers free from `earliest` on. */
  const feasible = (set: DriverOptions[], earliest: number) => {
    const positions = set.map((d) => d.position);
    const choices = set.map((d) => d.choices);
    let able = 0;
    for (const run of runs) {
      if (branches.some((_, b) => couldReach(run, b, positions, choices, earliest))) able++;
      if (able >= k) return true;
    }
    return false;
  };
  /** The latest start from which `set` could reach (monotone: an earlier start frees more). */
  const latestStart = (set: DriverOptions[]) => {
    if (!feasible(set, from)) return -Infinity;
    let lo = from;
    let hi = by;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (feasible(set, mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const maxSize = Math.min(limits.maxChanges, drivers.length);
  const quarters = by - from + 1;
  const total = maxSize * quarters;
  let done = 0;
  // The answers found so far, by option ids, so that no answer contains another.
  const reachingSingles = new Set<number>();
  const reachingPairs = new Set<number>();
  const pairKey = (a: Option, b: Option) =>
    a.id < b.id ? a.id * 1_000_003 + b.id : b.id * 1_000_003 + a.id;
  const remember = (chosen: Option[]) => {
    if (chosen.length === 1) reachingSingles.add(chosen[0]!.id);
    else if (chosen.length === 2) reachingPairs.add(pairKey(chosen[0]!, chosen[1]!));
  };
  const containsAnswer = (chosen: Option[]) => {
    if (chosen.some((o) => reachingSingles.has(o.id))) return true;
    for (let i = 0; i < chosen.length; i++)
      for (let j = i + 1; j < chosen.length; j++)
        if (reachingPairs.has(pairKey(chosen[i]!, chosen[j]!))) return true;
    return false;
  };
  const best = new Map<string, { options: Option[]; probability: number }>();
  let evaluations = 1;
  let bound: SearchBound | undefined;

  search: for (let size = 1; size <= maxSize; size++) {
    const sets = combinations(drivers, size)
      .map((set) => ({ set, latest: latestStart(set) }))
      .filter((s) => s.latest >= from);
    // With answers in hand, a larger size that cannot be finished within the bound is not
    // started: its answers would rank below them anyway, and the result says which bound held.
    const sizeCount = sets.reduce(
      (n, { set, latest }) =>
        n + set.reduce((m, d) => m * d.options.filter((o) => o.start <= latest).length, 1),
      0
    );
    if (best.size > 0 && evaluations + sizeCount > limits.maxEvaluations) {
      bound = { kind: 'maxEvaluations', value: limits.maxEvaluations };
      break;
    }
    for (let e = by; e >= from; e--) {
      if (input.signal?.aborted) throw new SearchCancelled();
      for (const { set, latest } of sets) {
        if (latest < e) continue;
        // Each combination once: the first driver (in `set` order) starting at e is the anchor;
        // drivers before it start later, drivers after it at e or later.
        for (let anchor = 0; anchor < set.length; anchor++) {
          const pools = set.map((d, j) =>
            j < anchor ? d.after(e) : j === anchor ? d.at(e) : d.atOrAfter(e)
          );
          for (const chosen of product(pools)) {
            if (size > 1 && containsAnswer(chosen)) continue;
            if (evaluations >= limits.maxEvaluations) {
              bound = { kind: 'maxEvaluations', value: limits.maxEvaluations };
              break search;
            }
            if ((evaluations & 1023) === 0 && input.signal?.aborted) throw new SearchCancelled();
            evaluations++;
            const probability = evaluate(chosen, e);
            if (probability <= limits.minProbability) continue;
            remember(chosen);
            const kind = chosen.map((o) => o.kind).join('|');
            const held = best.get(kind);
            if (!held || rankOrder(chosen, probability, held.options, held.probability) < 0)
              best.set(kind, { options: chosen, probability });
          }
        }
      }
      input.onProgress?.(++done, total);
      // Every answer still to come starts earlier or changes more drivers: it ranks below these.
      if (best.size >= limits.alternatives) break search;
    }
  }
  input.onProgress?.(total, total);

  const ranked = [...best.values()]
    .sort((a, b) => rankOrder(a.options, a.probability, b.options, b.probability))
    .slice(0, limits.alternatives)
    .map((a) => describe(a.options, a.probability));
  if (ranked.length > 0 || bound) {
    return result({
      exhaustive: !bound,
      ...(bound ? { bound } : {}),
      evaluations,
      alternatives: ranked,
      ...(ranked.length === 0
        ? {
            reason: `No combination evaluated reaches it; the search stopped at its bound of ${limits.maxEvaluations.toLocaleString('en')} evaluations, so the rest were not tried.`
          }
        : {})
    });
  }
  // The fewest drivers that, free in every quarter from `from`, could reach it: a lower bound
  // on the changes any answer needs.
  let fewest: { count: number; drivers: string[] } | undefined;
  for (let size = limits.maxChanges + 1; size <= drivers.length && !fewest; size++) {
    const set = combinations(drivers, size).find((c) => feasible(c, from));
    if (set) fewest = { count: size, drivers: set.map((d) => d.driver) };
  }
  const why = explainUnreachable({
    runs,
    target,
    by,
    k,
    maxChanges: limits.maxChanges,
    fewest
  });
  return result({
    exhaustive: why.proven,
    ...(why.proven ? {} : { bound: { kind: 'maxChanges', value: limits.maxChanges } }),
    evaluations,
    alternatives: [],
    reason: why.reason
  });
}

interface DriverOptions {
  driver: string;
  position: number;
  /** One rank per level class: what "free to take any level" tries. */
  choices: number[];
  options: Option[];
  /** Options starting at quarter index q, after it, at or after it. */
  at(q: number): Option[];
  after(q: number): Option[];
  atOrAfter(q: number): Option[];
}

/**
 * Per driver some guard reads: per start quarter, the nearest level of each class of levels the
 * guards tell apart that differs from what is scheduled somewhere from that start to the deadline.
 */
function driverOptions(
  models: readonly Model[],
  branches: ScheduleBranch[],
  first: number,
  from: number,
  by: number
): DriverOptions[] {
  const index = models[0]!.drivers;
  const out: DriverOptions[] = [];
  let id = 0;
  for (const [driver, groups] of levelClasses(models)) {
    const position = index.position.get(driver)!;
    const ordered = index.ordered.get(driver)!;
    const rankOf = index.rank.get(driver)!;
    const options: Option[] = [];
    for (let start = by; start >= from; start--) {
      const scheduled = branches.flatMap((b) =>
        b.schedule.levels
          .slice(start - first, by - first + 1)
          .map((row) => rankOf.get(row[driver]!)!)
      );
      const here = scheduled[0]!;
      const distance = (r: number) => (ordered ? Math.abs(r - here) : r === here ? 0 : 1);
      groups.forEach((group, g) => {
        if (scheduled.every((r) => group.includes(r))) return;
        const rank = group.reduce((a, r) => (distance(r) < distance(a) ? r : a));
        options.push({
          driver,
          position,
          rank,
          start,
          distance: distance(rank),
          kind: `${driver}:${g}`,
          id: id++
        });
      });
    }
    if (options.length === 0) continue;
    const at = new Map<number, Option[]>();
    for (const o of options) at.set(o.start, [...(at.get(o.start) ?? []), o]);
    const atOrAfter = new Map<number, Option[]>();
    for (let q = by, acc: Option[] = []; q >= from; q--)
      atOrAfter.set(q, (acc = [...acc, ...(at.get(q) ?? [])]));
    out.push({
      driver,
      position,
      choices: groups.map((g) => g[0]!),
      options,
      at: (q) => at.get(q) ?? [],
      after: (q) => atOrAfter.get(q + 1) ?? [],
      atOrAfter: (q) => atOrAfter.get(q) ?? []
    });
  }
  return out;
}

/** Negative when answer a ranks before b (see searchChanges). */
function rankOrder(a: Option[], pa: number, b: Option[], pb: number): number {
  const key = (o: Option[], p: number) => [
    o.length,
    -Math.min(...o.map((x) => x.start)),
    o.reduce((s, x) => s + x.distance, 0),
    -p
  ];
  const ka = key(a, pa);
  const kb = key(b, pb);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) =>
    combinations(items.slice(i + 1), size - 1).map((rest) => [item, ...rest])
  );
}

function* product<T>(pools: readonly T[][]): Generator<T[]> {
  if (pools.some((p) => p.length === 0)) return;
  const counter = pools.map(() => 0);
  for (;;) {
    yield pools.map((p, i) => p[counter[i]!]!);
    let i = 0;
    while (i < counter.length && ++counter[i]! === pools[i]!.length) counter[i++] = 0;
    if (i === counter.length) return;
  }
}

/** An answer in full: its changes, overrides, probability by quarter and each analyst's path. */
function finish(
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
