/**
 * The scorecard: each forecast from the quarter after publication to the end of the record, run
 * on the analyst's own assumptions (run A) and on the observed drivers (run B), both scored
 * against the observed relationship level.
 */
import type { Catalog } from './catalog';
import type { Model } from './model';
import { buildSchedule, type Preset } from './schedule';
import { runPath } from './path';
import { fromIndex, quarterOfDate, toIndex, type Quarter } from './quarter';
import {
  brierScore,
  meanAbsoluteError,
  quarterVerdict,
  withinOneShare,
  type QuarterVerdict
} from './score';

export interface RunScore {
  /** The level of the most likely path, per scored quarter. */
  levels: number[];
  states: string[];
  withinOne: number;
  meanAbsoluteError: number;
  /** Only for a probabilistic model: the Brier score of its level distribution. */
  brier?: number;
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
  counts: Record<QuarterVerdict, number>;
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
  catalog: Pick<Catalog, 'vocabulary' | 'history'>,
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

  const run = (preset: Preset) => runPath(model, buildSchedule(catalog, preset), { from, to });
  const pathA = run({ kind: 'assumed', scenario });
  const pathB = run({ kind: 'observed' });
  const quarters = pathA.steps.map((s) => s.quarter);
  const observed = quarters.map((q) => observedByQuarter.get(q)!);

  const score = (path: typeof pathA): RunScore => {
    const levels = path.steps.map((s) => s.level);
    return {
      levels,
      states: path.steps.map((s) => s.state),
      withinOne: withinOneShare(levels, observed),
      meanAbsoluteError: meanAbsoluteError(levels, observed),
      ...(path.probabilistic
        ? {
            brier: brierScore(
              path.steps.map((s) => s.levelDistribution),
              observed
            )
          }
        : {})
    };
  };
  const runA = score(pathA);
  const runB = score(pathB);
  const verdicts = quarters.map((_, i) =>
    quarterVerdict(runA.levels[i]!, runB.levels[i]!, observed[i]!)
  );
  const counts: Record<QuarterVerdict, number> = {
    'both-held': 0,
    'assumptions-missed': 0,
    'assumptions-only': 0,
    'model-missed': 0
  };
  for (const v of verdicts) counts[v]++;
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
    counts
  };
}

/** Pure. Every forecast in catalog order; those with nothing to score yet are left out. */
export function scorecard(
  catalog: Pick<Catalog, 'vocabulary' | 'history' | 'scenarios' | 'models'>
) {
  return catalog.scenarios
    .map((s) => scoreAnalyst(catalog, catalog.models.get(s.id)!))
    .filter((s): s is AnalystScore => s !== null);
}
