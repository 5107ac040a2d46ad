/**
 * The scorecard: each forecast from the quarter after publication to the end of the record, run
 * on the analyst's own assumptions (run A) and on the observed drivers (run B), both scored
 * against the observed relationship level.
 */
import type { Catalog } from './catalog';
import type { Model } from './model';
import { buildSchedule, type Schedule } from './schedule';
import { driversRead } from './pathCache';
import { runPath } from './path';
import { fromIndex, quarterOfDate, toIndex, type Quarter } from './quarter';
import type { Reading } from './basis';
import type { PathResult } from './path';
import {
  MIN_RANKED_QUARTERS,
  rankedProbabilityScore,
  brierScore,
  meanAbsoluteError,
  quarterVerdict,
  withinOneShare,
  type QuarterVerdict
} from './score';

export interface RunScore {
  /** The level of the most likely path, per quarter from publication to the record's end. */
  levels: number[];
  states: string[];
  /** Per quarter: whether the model got there through the article's stated elements only. */
  stated: boolean[];
  /** Per quarter: the model's readings that put it there (empty where stated). */
  readings: Reading[][];
  /**
   * Per quarter, where any: the model reads a driver the record has no level for, there or
   * earlier on its path, so its state is unknown and the quarter is not scored.
   */
  unknown?: boolean[];
  /** How many quarters are scored: the stated ones whose drivers are recorded. */
  n: number;
  /** Scores over the stated quarters; absent when there are none. */
  withinOne?: number;
  meanAbsoluteError?: number;
  /** Ranked probability score of the level distribution (a single path is a sure forecast). */
  rps?: number;
  /** Only for a probabilistic model: the Brier score of its level distribution. */
  brier?: number;
  /** The fork branch the path follows, where the assumptions fork. */
  branch?: PathResult['branch'];
}

export interface AnalystScore {
  scenario: string;
  /** The quarter the article appeared in (its start quarter when only the year is known). */
  published: Quarter;
  from: Quarter;
  to: Quarter;
  quarters: Quarter[];
  observed: number[];
  probabilistic: boolean;
  runA: RunScore;
  runB: RunScore;
  verdicts: QuarterVerdict[];
  /** Per quarter: whether both runs are stated there, so its verdict counts. */
  verdictCounted: boolean[];
  /** Verdicts over the counted quarters only. */
  counts: Record<QuarterVerdict, number>;
  /** Run A has enough stated quarters to be ranked against the others. */
  ranked: boolean;
}

/**
 * The quarter an article counts as published in. A date with only a year cannot be placed in a
 * quarter, so the forecast's own start quarter (when the analyst wrote) stands in for it.
 */
export function publicationQuarter(published: string, startQuarter: Quarter): Quarter {
  if (/^\d{4}$/.test(published)) return startQuarter;
  return quarterOfDate(published);
}

/** Pure. Null when the record ends before the quarter after publication. */
export function scoreAnalyst(
  catalog: Pick<Catalog, 'vocabulary' | 'history' | 'likelihood'> &
    Partial<Pick<Catalog, 'horizon' | 'scenarios'>>,
  model: Model
): AnalystScore | null {
  const scenario = model.scenario;
  const published = publicationQuarter(scenario.source.published, scenario.start.quarter);
  const first = Math.max(toIndex(published), toIndex(scenario.start.quarter)) + 1;
  const last = toIndex(catalog.history.quarters.at(-1)!.quarter);
  if (first > last) return null;
  const from = fromIndex(first);
  const to = fromIndex(last);
  const observedByQuarter = new Map(catalog.history.quarters.map((q) => [q.quarter, q.level]));

  const scheduleB = buildSchedule(catalog, { kind: 'observed' });
  const pathA = runPath(model, buildSchedule(catalog, { kind: 'assumed', scenario }), { from, to });
  const pathB = runPath(model, scheduleB, { from, to });
  const quarters = pathA.steps.map((s) => s.quarter);
  const observed = quarters.map((q) => observedByQuarter.get(q)!);
  const unknownB = unrecordedFrom(model, scheduleB, quarters);

  const score = (path: typeof pathA, unknown?: boolean[]): RunScore => {
    const levels = path.steps.map((s) => s.level);
    const stated = path.steps.map((s) => s.readings.length === 0);
    const counted = stated.map((st, i) => st && !unknown?.[i]);
    const keep = <T>(xs: T[]) => xs.filter((_, i) => counted[i]);
    const n = counted.filter(Boolean).length;
    const scored = n > 0;
    const distributions = keep(path.steps.map((s) => s.levelDistribution));
    return {
      levels,
      states: path.steps.map((s) => s.state),
      stated,
      ...(unknown ? { unknown } : {}),
      readings: path.steps.map((s) => s.readings),
      n,
      ...(scored
        ? {
            withinOne: withinOneShare(keep(levels), keep(observed)),
            meanAbsoluteError: meanAbsoluteError(keep(levels), keep(observed)),
            rps: rankedProbabilityScore(distributions, keep(observed))
          }
        : {}),
      ...(path.probabilistic && scored ? { brier: brierScore(distributions, keep(observed)) } : {}),
      ...(path.branch ? { branch: path.branch } : {})
    };
  };
  const runA = score(pathA);
  const runB = score(pathB, unknownB);
  const verdicts = quarters.map((_, i) =>
    quarterVerdict(runA.levels[i]!, runB.levels[i]!, observed[i]!)
  );
  const verdictCounted = quarters.map(
    (_, i) => runA.stated[i]! && runB.stated[i]! && !runB.unknown?.[i]
  );
  const counts: Record<QuarterVerdict, number> = {
    'both-held': 0,
    'assumptions-missed': 0,
    'assumptions-only': 0,
    'model-missed': 0
  };
  verdicts.forEach((v, i) => {
    if (verdictCounted[i]) counts[v]++;
  });
  return {
    scenario: scenario.id,
    published,
    from,
    to,
    quarters,
    observed,
    probabilistic: pathA.probabilistic,
    runA,
    runB,
    verdicts,
    verdictCounted,
    counts,
    ranked: runA.n >= MIN_RANKED_QUARTERS
  };
}

/**
 * Per scored quarter, whether the model's path there depends on a driver level the record does
 * not have: from the first quarter (from the model's start) in which a driver its guards read is
 * unrecorded, every later state is unknown. Undefined when every level it reads is recorded.
 */
function unrecordedFrom(model: Model, schedule: Schedule, quarters: Quarter[]) {
  const read = driversRead(model);
  let firstUnknown = Infinity;
  for (let q = model.startQuarter; q < schedule.first + schedule.levels.length; q++) {
    const row = schedule.provenance[q - schedule.first];
    if (row && read.some((d) => row[d] === 'unrecorded')) {
      firstUnknown = q;
      break;
    }
  }
  if (firstUnknown === Infinity) return undefined;
  return quarters.map((q) => toIndex(q) >= firstUnknown);
}

/** Pure. Every forecast in catalog order; those with nothing to score yet are left out. */
export function scorecard(
  catalog: Pick<Catalog, 'vocabulary' | 'history' | 'likelihood' | 'scenarios' | 'models'> &
    Partial<Pick<Catalog, 'horizon'>>
) {
  return catalog.scenarios
    .map((s) => scoreAnalyst(catalog, catalog.models.get(s.id)!))
    .filter((s): s is AnalystScore => s !== null);
}

/**
 * The scored analysts ranked by run A's ranked probability score (lower first), those with too
 * few stated quarters to rank after them. Pure.
 */
export function rankScores(scores: AnalystScore[]): AnalystScore[] {
  const key = (s: AnalystScore) => (s.ranked ? 0 : 1);
  return [...scores].sort(
    (a, b) => key(a) - key(b) || (a.runA.rps ?? Infinity) - (b.runA.rps ?? Infinity)
  );
}
