/**
 * Scores of a forecast against what happened, quarter by quarter on the shared seven-level scale.
 * Pure functions over plain numbers, so each can be checked on a hand-computed case.
 */

/** The seven levels of the shared scale, -3 … +3. */
export const SCALE_LEVELS = [-3, -2, -1, 0, 1, 2, 3] as const;

/** Share (0–1) of quarters where the predicted level is within one level of the observed one. */
export function withinOneShare(predicted: readonly number[], observed: readonly number[]): number {
  const n = pairCount(predicted, observed);
  let hits = 0;
  for (let i = 0; i < n; i++) if (Math.abs(predicted[i]! - observed[i]!) <= 1) hits++;
  return hits / n;
}

/** Mean absolute level error: 0 is perfect, 6 is the widest possible miss. */
export function meanAbsoluteError(
  predicted: readonly number[],
  observed: readonly number[]
): number {
  const n = pairCount(predicted, observed);
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.abs(predicted[i]! - observed[i]!);
  return total / n;
}

/**
 * Multi-class Brier score over the seven levels, averaged over quarters: for each quarter the sum
 * over levels of (forecast probability − 1 if it happened else 0)². 0 is a sure, right forecast;
 * 2 is a sure, wrong one. Levels missing from a distribution count as probability 0.
 */
export function brierScore(
  distributions: ReadonlyArray<Readonly<Record<number, number>>>,
  observed: readonly number[]
): number {
  const n = pairCount(distributions, observed);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (const level of SCALE_LEVELS) {
      const p = distributions[i]![level] ?? 0;
      const o = level === observed[i] ? 1 : 0;
      total += (p - o) ** 2;
    }
  }
  return total / n;
}

function pairCount(a: ArrayLike<unknown>, b: ArrayLike<unknown>): number {
  if (a.length !== b.length)
    throw new RangeError(`${a.length} forecasts against ${b.length} observations`);
  if (a.length === 0) throw new RangeError('no quarters to score');
  return a.length;
}

/** How one quarter of run A (own assumptions) and run B (observed drivers) fared. */
export type QuarterVerdict =
  'both-held' | 'assumptions-missed' | 'assumptions-only' | 'model-missed';

/**
 * The decomposition rule, per quarter, with "held" meaning within one level of what happened:
 * - both runs held: the reasoning and the assumptions held;
 * - only run B held: the reasoning held but the analyst's assumptions missed;
 * - only run A held: the outcome matched only under the analyst's own assumptions;
 * - neither held: the model itself missed.
 */
export function quarterVerdict(runA: number, runB: number, observed: number): QuarterVerdict {
  const a = Math.abs(runA - observed) <= 1;
  const b = Math.abs(runB - observed) <= 1;
  if (a && b) return 'both-held';
  if (b) return 'assumptions-missed';
  if (a) return 'assumptions-only';
  return 'model-missed';
}

/**
 * Ranked probability score over the seven ordered levels, averaged over quarters: for each
 * quarter the squared gaps between the forecast's and the outcome's cumulative distributions,
 * summed over the six thresholds between levels and divided by six. 0 is a sure, right forecast;
 * 1 a sure forecast at the far end of the scale. Unlike Brier, a miss by three levels costs more
 * than a miss by one; for a single-path forecast it is the absolute error divided by six.
 */
export function rankedProbabilityScore(
  distributions: ReadonlyArray<Readonly<Record<number, number>>>,
  observed: readonly number[]
): number {
  const n = pairCount(distributions, observed);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let forecast = 0;
    let sum = 0;
    for (const level of SCALE_LEVELS.slice(0, -1)) {
      forecast += distributions[i]![level] ?? 0;
      const outcome = observed[i]! <= level ? 1 : 0;
      sum += (forecast - outcome) ** 2;
    }
    total += sum / (SCALE_LEVELS.length - 1);
  }
  return total / n;
}

/** The fewest scored quarters for a score to be ranked against others. */
export const MIN_RANKED_QUARTERS = 8;
