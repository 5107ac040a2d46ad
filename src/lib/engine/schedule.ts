/**
 * Driver schedules: a level for every driver in every quarter, built from a preset (what happened,
 * or an analyst's assumptions) plus a user's overrides, each cell remembering where it came from.
 */
import type { AssumptionChange, History, LikelihoodScale, Scenario, Vocabulary } from './schema';
import { fromIndex, toIndex, HORIZON, type Quarter } from './quarter';
import { indexDrivers } from './vocabulary';
import type { Frame } from './guards';

/** Where a scheduled level comes from, so a view can say "observed" or "your override". */
export type Provenance = 'observed' | 'carried' | 'assumed' | 'unstated' | 'override';

/** "sanctions = easing from 2026Q3" (until the end, or until `until`, included). */
export interface Override {
  driver: string;
  level: string;
  from: Quarter;
  until?: Quarter;
}

export type Preset = { kind: 'observed' } | { kind: 'assumed'; scenario: Scenario };

export interface Schedule {
  /** Quarter index of `levels[0]`. */
  first: number;
  /** Where a driver is forked, the level of its most likely branch. */
  levels: Array<Record<string, string>>;
  provenance: Array<Record<string, Provenance>>;
  /** Forks in the analyst's assumptions: one branch of each is drawn and held over its span. */
  forks?: ScheduleFork[];
}

/** A driver whose level from `from` to `until` (quarter indices, included) is one of branches. */
export interface ScheduleFork {
  driver: string;
  from: number;
  until: number;
  /** Weights sum to 1, most likely first. */
  branches: Array<{ level: string; weight: number }>;
}

export interface ScheduleSources {
  vocabulary: Vocabulary;
  history: History;
  /** Needed only to weigh the branches of a fork written with likelihood terms. */
  likelihood?: LikelihoodScale;
}

/** The branches of a fork, weighted by their terms' values or values, scaled to sum to 1. */
function forkBranches(
  change: AssumptionChange,
  likelihood: LikelihoodScale | undefined
): ScheduleFork['branches'] {
  const raw = change.fork!.map((b) => {
    const term = b.probability.term;
    const value = b.probability.value ?? likelihood?.terms.find((t) => t.id === term)?.value;
    if (value === undefined) {
      throw new Error(
        `cannot weigh the fork of ${change.driver} from ${change.from}: no likelihood scale for "${term}"`
      );
    }
    return { level: b.level, weight: value };
  });
  const total = raw.reduce((sum, b) => sum + b.weight, 0);
  return raw.map((b) => ({ ...b, weight: b.weight / total })).sort((a, b) => b.weight - a.weight);
}

/** The observed levels of a quarter; outside the record, the nearest known quarter's. */
function observedAt(
  history: History,
  quarter: number
): { levels: Record<string, string>; known: boolean } {
  const first = toIndex(history.quarters[0]!.quarter);
  const offset = Math.min(Math.max(quarter - first, 0), history.quarters.length - 1);
  return { levels: history.quarters[offset]!.drivers, known: quarter - first === offset };
}

/** Pure. Overrides apply in order, later ones winning. */
export function buildSchedule(
  sources: ScheduleSources,
  preset: Preset,
  overrides: Override[] = [],
  range: { first: Quarter; last: Quarter } = HORIZON
): Schedule {
  const { ids } = indexDrivers(sources.vocabulary);
  const first = toIndex(range.first);
  const last = toIndex(range.last);
  const schedule: Schedule = { first, levels: [], provenance: [] };
  const assumed = preset.kind === 'assumed' ? preset.scenario : undefined;
  const start = assumed ? toIndex(assumed.start.quarter) : Infinity;
  const atStart = assumed ? observedAt(sources.history, start).levels : {};
  const forks: ScheduleFork[] = [];
  if (assumed) {
    for (const id of ids) {
      const changes = assumed.assumptions.changes
        .filter((c) => c.driver === id)
        .sort((a, b) => toIndex(a.from) - toIndex(b.from));
      changes.forEach((c, i) => {
        if (!c.fork) return;
        const next = changes[i + 1];
        forks.push({
          driver: id,
          from: Math.max(toIndex(c.from), first),
          until: Math.min(next ? toIndex(next.from) - 1 : last, last),
          branches: forkBranches(c, sources.likelihood)
        });
      });
    }
  }

  for (let q = first; q <= last; q++) {
    const observed = observedAt(sources.history, q);
    const levels: Record<string, string> = {};
    const provenance: Record<string, Provenance> = {};
    for (const id of ids) {
      if (assumed && q >= start) {
        const stated = assumed.assumptions.drivers[id];
        const change = assumed.assumptions.changes
          .filter((c) => c.driver === id && toIndex(c.from) <= q)
          .at(-1);
        if (change || stated) {
          levels[id] = change
            ? (change.level ?? forkBranches(change, sources.likelihood)[0]!.level)
            : stated!.level;
          provenance[id] = 'assumed';
        } else {
          levels[id] = atStart[id]!;
          provenance[id] = 'unstated';
        }
      } else {
        levels[id] = observed.levels[id]!;
        provenance[id] = observed.known ? 'observed' : 'carried';
      }
    }
    for (const o of overrides) {
      if (toIndex(o.from) <= q && (o.until === undefined || q <= toIndex(o.until))) {
        levels[o.driver] = o.level;
        provenance[o.driver] = 'override';
      }
    }
    schedule.levels.push(levels);
    schedule.provenance.push(provenance);
  }
  const live = forks.filter((f) => f.from <= f.until);
  if (live.length) schedule.forks = live;
  return schedule;
}

/** The most branch combinations a run enumerates; more is refused rather than truncated. */
export const MAX_BRANCHES = 256;

export interface ScheduleBranch {
  weight: number;
  /** The level each fork took in this branch. */
  picks: Array<{ driver: string; level: string; weight: number; from: number; until: number }>;
  schedule: Schedule;
}

/**
 * Every combination of fork branches as a plain schedule with its weight (summing to 1). A cell a
 * user overrides keeps the override in every branch. A schedule without forks is its own single
 * branch. Pure.
 */
export function scheduleBranches(schedule: Schedule): ScheduleBranch[] {
  const forks = schedule.forks ?? [];
  const count = forks.reduce((n, f) => n * f.branches.length, 1);
  if (count > MAX_BRANCHES) {
    throw new RangeError(
      `${count} combinations of forked assumptions; at most ${MAX_BRANCHES} are enumerated`
    );
  }
  const plain: Schedule = {
    first: schedule.first,
    levels: schedule.levels,
    provenance: schedule.provenance
  };
  let out: ScheduleBranch[] = [{ weight: 1, picks: [], schedule: plain }];
  for (const fork of forks) {
    out = out.flatMap((b) =>
      fork.branches.map((branch) => {
        const levels = b.schedule.levels.map((row, i) => {
          const q = schedule.first + i;
          if (q < fork.from || q > fork.until) return row;
          if (schedule.provenance[i]![fork.driver] === 'override') return row;
          return { ...row, [fork.driver]: branch.level };
        });
        return {
          weight: b.weight * branch.weight,
          picks: [
            ...b.picks,
            {
              driver: fork.driver,
              level: branch.level,
              weight: branch.weight,
              from: fork.from,
              until: fork.until
            }
          ],
          schedule: { ...b.schedule, levels }
        };
      })
    );
  }
  return out;
}

export function lastQuarter(schedule: Schedule): number {
  return schedule.first + schedule.levels.length - 1;
}

/** The frames a model reads from `from` to `to` (quarter indices, both included). */
export function framesOf(schedule: Schedule, from: number, to: number): Frame[] {
  if (from < schedule.first || to > lastQuarter(schedule)) {
    throw new RangeError(
      `the schedule covers ${fromIndex(schedule.first)}–${fromIndex(lastQuarter(schedule))}, not ${fromIndex(from)}–${fromIndex(to)}`
    );
  }
  const frames: Frame[] = [];
  for (let q = from; q <= to; q++)
    frames.push({ quarter: q, drivers: schedule.levels[q - schedule.first]! });
  return frames;
}

/** Parses `driver=level@2026Q3` (or `driver=level@2026Q3..2027Q2`) into an Override. */
export function parseOverride(text: string): Override | null {
  const m = /^([a-zA-Z][\w-]*)=([a-zA-Z][\w-]*)@(\d{4}Q[1-4])(?:\.\.(\d{4}Q[1-4]))?$/.exec(
    text.trim()
  );
  if (!m) return null;
  return { driver: m[1]!, level: m[2]!, from: m[3]!, ...(m[4] ? { until: m[4] } : {}) };
}

/**
 * The schedule with `driver` at `level` from quarter index `from` to its end, marked as an
 * override (so every fork branch keeps it). Pure; shares untouched rows.
 */
export function withOverride(
  schedule: Schedule,
  driver: string,
  level: string,
  from: number
): Schedule {
  const at = Math.max(from - schedule.first, 0);
  return {
    ...schedule,
    levels: schedule.levels.map((row, i) => (i < at ? row : { ...row, [driver]: level })),
    provenance: schedule.provenance.map((row, i) =>
      i < at ? row : { ...row, [driver]: 'override' as const }
    )
  };
}
