/**
 * What would it take: the smallest driver changes (each a driver set to one level from a quarter
 * to the end of the horizon) that bring one analyst's model, or at least k of several, to a
 * target by a deadline. Exhaustive over 1, 2, … changed drivers on the transition table.
 */
import type { Model } from './model';
import {
  buildSchedule,
  lastQuarter,
  scheduleBranches,
  type Override,
  type Preset,
  type ScheduleSources
} from './schedule';
import { fromIndex, toIndex, type Quarter } from './quarter';
import type { Target } from './target';
import { couldReach, modelRun, reachWith } from './searchRuns';
import { explainUnreachable } from './searchReason';
import {
  atLeastK,
  combinations,
  driverOptions,
  product,
  rankOrder,
  type DriverOptions,
  type Option
} from './searchOptions';
import { finish, type Alternative } from './searchAnswer';

export { atLeastK } from './searchOptions';
export type { Alternative, AnalystReach, Change, PathPoint } from './searchAnswer';

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
  if (target.kind === 'state' && !models.some((m) => target.state in m.scenario.states))
    throw new RangeError(`no analyst named has a state "${target.state}"`);

  const schedule = buildSchedule(sources, preset, overrides);
  if (by > lastQuarter(schedule))
    throw new RangeError(
      `the deadline ${input.by} is after the horizon ends (${fromIndex(lastQuarter(schedule))})`
    );
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
