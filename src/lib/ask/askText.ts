/**
 * The words of the "Ask the models" panels, kept out of the templates so they can be tested
 * without a DOM. Pure.
 */
import {
  driverLabel,
  formatLevel,
  formatPercent,
  levelLabel,
  type Change,
  type PathPoint,
  type SearchResult,
  type UncertainDriver,
  type Vocabulary,
  lower
} from '../engine';

/** "Sanctions: easing from 2027Q1". */
export function changeText(change: Change, vocabulary: Vocabulary): string {
  return `${driverLabel(vocabulary, change.driver)}: ${lower(levelLabel(vocabulary, change.driver, change.level))} from ${change.from}`;
}

/**
 * The quarters a path enters a new state, as "Personalist thaw (+1) 2026Q1 → Détente (+2) 2027Q3";
 * `labelOf` names a state of the analyst's model.
 */
export function pathText(path: PathPoint[], labelOf: (state: string) => string): string {
  const entries = path.filter((p, i) => i === 0 || p.state !== path[i - 1]!.state);
  return entries
    .map((p) => `${labelOf(p.state)} (${formatLevel(p.level)}) ${p.quarter}`)
    .join(' → ');
}

/** "certain" for 1, else the percentage: how sure an answer is to reach the target. */
export function chanceText(probability: number): string {
  return probability >= 1 - 1e-12 ? 'certain' : formatPercent(probability);
}

/** What the search covered, so a reader knows whether "nothing" means nothing. */
export function coverageText(result: SearchResult): string {
  const n = result.evaluations.toLocaleString('en-GB');
  if (result.exhaustive) {
    const schedules = result.evaluations === 1 ? 'driver schedule' : 'driver schedules';
    return `The search was exhaustive: ${n} ${schedules} evaluated, every one that could rank among the answers.`;
  }
  const bound = result.bound;
  const what =
    bound?.kind === 'maxChanges'
      ? `changes of at most ${bound.value} drivers`
      : `at most ${bound?.value.toLocaleString('en-GB')} evaluated schedules`;
  return `The search stopped at its bound (${what}) after ${n} evaluations: a larger change may reach the target.`;
}

/** "Sanctions from 2027Q1, held: steady 60%, escalating 30%, easing 10%". */
export function uncertainText(u: UncertainDriver, vocabulary: Vocabulary): string {
  const total = u.weights.reduce((sum, w) => sum + w.weight, 0);
  const odds = u.weights
    .map(
      (w) =>
        `${lower(levelLabel(vocabulary, u.driver, w.level))} ${formatPercent(w.weight / total)}`
    )
    .join(', ');
  const how = u.mode === 'held' ? 'held' : 'redrawn each quarter';
  return `${driverLabel(vocabulary, u.driver)} from ${u.from}, ${how}: ${odds}`;
}
