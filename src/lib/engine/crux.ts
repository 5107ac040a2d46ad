/**
 * Crux drivers: for each driver, how many analysts end up somewhere else at a quarter if that
 * driver had been one level different. Answers "where do they disagree, and over what?".
 */
import type { Model } from './model';
import type { Vocabulary } from './schema';
import type { Schedule } from './schedule';
import { runPath } from './path';
import { driversRead } from './pathCache';
import { indexDrivers } from './vocabulary';
import { toIndex, type Quarter } from './quarter';

export interface Outcome {
  state: string;
  level: number;
}

export interface CruxMove {
  /** 'up' / 'down' for an ordered driver, shifted in every quarter; a level id for an unordered one. */
  move: string;
  from: Outcome;
  to: Outcome;
}

export interface DriverCrux {
  driver: string;
  /** Analysts whose state at the quarter changes under at least one move, with what changed. */
  changed: Array<{ scenario: string; moves: CruxMove[] }>;
}

/**
 * The state a model's path is in at `quarter` (the path runPath shows: it follows the most
 * probable state, over every branch of a fork); null before the model starts.
 */
export function outcomeAt(model: Model, schedule: Schedule, quarter: Quarter): Outcome | null {
  const at = toIndex(quarter);
  if (at < model.startQuarter) return null;
  const step = runPath(model, schedule, { from: quarter, to: quarter }).steps[0]!;
  return { state: step.state, level: step.level };
}

/**
 * The variants of a schedule in which `driver` moved one level: for an ordered driver, one level
 * up (or down) in every quarter, where there is a level to move to; for an unordered driver,
 * each other level in every quarter. Pure.
 */
export function driverMoves(
  schedule: Schedule,
  vocabulary: Vocabulary,
  driver: string
): Array<{ move: string; schedule: Schedule }> {
  const index = indexDrivers(vocabulary);
  const levels = index.levels.get(driver)!;
  const shifted = (pick: (level: string) => string) => ({
    ...schedule,
    levels: schedule.levels.map((row) => ({ ...row, [driver]: pick(row[driver]!) }))
  });
  if (index.ordered.get(driver)) {
    const rank = index.rank.get(driver)!;
    const by = (delta: number) => (level: string) =>
      levels[Math.min(Math.max(rank.get(level)! + delta, 0), levels.length - 1)]!;
    return [
      { move: 'up', schedule: shifted(by(1)) },
      { move: 'down', schedule: shifted(by(-1)) }
    ];
  }
  return levels.map((level) => ({ move: level, schedule: shifted(() => level) }));
}

/**
 * Pure. Drivers ranked by how many analysts' outcomes at `quarter` change, most first; ties keep
 * vocabulary order. An analyst whose model has not started by `quarter` is left out.
 */
export function cruxDrivers(
  models: readonly Model[],
  schedule: Schedule,
  vocabulary: Vocabulary,
  quarter: Quarter
): DriverCrux[] {
  const base = new Map(models.map((m) => [m, outcomeAt(m, schedule, quarter)]));
  const result = vocabulary.drivers.map((d): DriverCrux => {
    const moves = driverMoves(schedule, vocabulary, d.id);
    const changed: DriverCrux['changed'] = [];
    for (const model of models) {
      const from = base.get(model);
      // A model whose guards never read the driver goes the same way whatever its level.
      if (!from || !driversRead(model).includes(d.id)) continue;
      const found: CruxMove[] = [];
      for (const m of moves) {
        const to = outcomeAt(model, m.schedule, quarter)!;
        if (to.state !== from.state) found.push({ move: m.move, from, to });
      }
      if (found.length > 0) changed.push({ scenario: model.scenario.id, moves: found });
    }
    return { driver: d.id, changed };
  });
  return result
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.changed.length - a.r.changed.length || a.i - b.i)
    .map(({ r }) => r);
}
