/**
 * Crux drivers: for each driver, how many analysts end up somewhere else if that driver had been
 * one level different: at one quarter (cruxDrivers) or, for /compare, in the level of the path
 * over the whole horizon (horizonCrux). Answers "where do they disagree, and over what?".
 */
import type { Model } from './model';
import type { Vocabulary } from './schema';
import { lastQuarter, type Schedule } from './schedule';
import { runPath } from './path';
import { driversRead } from './pathCache';
import { indexDrivers } from './vocabulary';
import { fromIndex, toIndex, type Quarter } from './quarter';
import { mixtureRun, shownPath, tableOf } from './mixture';

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

export interface HorizonMove extends CruxMove {
  /** Quarters of the range in which the level of the path shown differs. */
  quarters: number;
  /** The first of them; `from`/`to` are the outcomes in that quarter. */
  firstQuarter: Quarter;
}

export interface HorizonCrux {
  driver: string;
  /** Analysts whose level changes in at least one quarter under at least one move. */
  changed: Array<{ scenario: string; moves: HorizonMove[] }>;
  /** Quarters × analysts whose level changes, over the moves that change the most per analyst. */
  quarters: number;
}

/** The states of the path shown (runPath's, on the table alone) from `first` to `last`. */
function shownStates(model: Model, schedule: Schedule, first: number, last: number): number[] {
  const run = mixtureRun(model, schedule, model.startQuarter, last);
  return shownPath(model, run)
    .choices.slice(first - model.startQuarter)
    .map((c) => c.state);
}

/**
 * Pure. Like cruxDrivers, but over a range of quarters (default: each model's start to the end of
 * the horizon) and by level rather than state: a driver counts for an analyst when moving it one
 * level changes the level of the path shown in any quarter of the range. Ranked by analysts
 * changed, then by quarters changed, then vocabulary order.
 */
export function horizonCrux(
  models: readonly Model[],
  schedule: Schedule,
  vocabulary: Vocabulary,
  range: { from?: Quarter; to?: Quarter } = {}
): HorizonCrux[] {
  const to = range.to ? toIndex(range.to) : lastQuarter(schedule);
  const spans = models.map((model) => {
    const first = Math.max(
      range.from ? toIndex(range.from) : model.startQuarter,
      model.startQuarter
    );
    return { model, first, base: first <= to ? shownStates(model, schedule, first, to) : [] };
  });
  const result = vocabulary.drivers.map((d): HorizonCrux => {
    const moves = driverMoves(schedule, vocabulary, d.id);
    const changed: HorizonCrux['changed'] = [];
    let quarters = 0;
    for (const { model, first, base } of spans) {
      // A model whose guards never read the driver cannot move with it (as in cruxDrivers).
      if (base.length === 0 || !driversRead(model).includes(d.id)) continue;
      const table = tableOf(model);
      const found: HorizonMove[] = [];
      for (const m of moves) {
        const states = shownStates(model, m.schedule, first, to);
        const differs = states.map((s, t) => table.levels[s] !== table.levels[base[t]!]);
        const count = differs.filter(Boolean).length;
        if (count === 0) continue;
        const t = differs.indexOf(true);
        const outcome = (s: number) => ({ state: table.states[s]!, level: table.levels[s]! });
        found.push({
          move: m.move,
          from: outcome(base[t]!),
          to: outcome(states[t]!),
          quarters: count,
          firstQuarter: fromIndex(first + t)
        });
      }
      if (found.length > 0) {
        changed.push({ scenario: model.scenario.id, moves: found });
        quarters += Math.max(...found.map((f) => f.quarters));
      }
    }
    return { driver: d.id, changed, quarters };
  });
  return result
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) => b.r.changed.length - a.r.changed.length || b.r.quarters - a.r.quarters || a.i - b.i
    )
    .map(({ r }) => r);
}
