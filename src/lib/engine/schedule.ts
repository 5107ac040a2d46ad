/**
 * Driver schedules: a level for every driver in every quarter, built from a preset (what happened,
 * or an analyst's assumptions) plus a user's overrides, each cell remembering where it came from.
 */
import type { AssumptionChange, History, LikelihoodScale, Scenario, Vocabulary } from './schema';
import { fromIndex, toIndex, horizonOf, type Quarter } from './quarter';
import { indexDrivers } from './vocabulary';
import type { Frame } from './guards';

/** Where a scheduled level comes from, so a view can say "observed" or "your override". */
export type Provenance =
  | 'observed'
  | 'carried'
  /** The record has no level for the driver there: the level shown is a stand-in (see fillLevel). */
  | 'unrecorded'
  | 'assumed'
  | 'unstated'
  | 'override';

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
  /** The span to cover when the caller names none (a catalog's horizonOf). */
  horizon?: { first: Quarter; last: Quarter };
  /** The forecasts, so that a driver one declares can stand at its assumption where unrecorded. */
  scenarios?: readonly Scenario[];
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

/**
 * The level a driver stands at where the record has none: its last recorded level before, else
 * the assumption of the forecast that declares it, else its first level. Runs need some level;
 * provenance `unrecorded` keeps the views and the scorecard from treating it as observed.
 */
function fillLevel(sources: ScheduleSources, id: string): string {
  const driver = sources.vocabulary.drivers.find((d) => d.id === id);
  const declaring = sources.scenarios?.find((s) => s.id === driver?.declaredBy);
  return declaring?.assumptions.drivers[id]?.level ?? driver?.levels[0]?.id ?? '';
}

/**
 * The record's levels per entry, each driver it leaves out carried from an earlier entry (or
 * filled, fillLevel) and marked as not recorded.
 */
function recordRows(sources: ScheduleSources, ids: readonly string[]) {
  const carried: Record<string, string> = {};
  return sources.history.quarters.map((q) => {
    const levels: Record<string, string> = {};
    const unrecorded = new Set<string>();
    for (const id of ids) {
      const level = q.drivers[id];
      if (level !== undefined) carried[id] = level;
      else unrecorded.add(id);
      levels[id] = level ?? carried[id] ?? fillLevel(sources, id);
    }
    return { levels, unrecorded };
  });
}

/** The record's row for a quarter; outside the record, the nearest known quarter's. */
function observedAt(rows: ReturnType<typeof recordRows>, recordFirst: number, quarter: number) {
  const offset = Math.min(Math.max(quarter - recordFirst, 0), rows.length - 1);
  return { ...rows[offset]!, known: quarter - recordFirst === offset };
}

/** Pure. Overrides apply in order, later ones winning. */
export function buildSchedule(
  sources: ScheduleSources,
  preset: Preset,
  overrides: Override[] = [],
  range: { first: Quarter; last: Quarter } = sources.horizon ??
    horizonOf(preset.kind === 'assumed' ? [preset.scenario] : [], sources.history.quarters)
): Schedule {
  const { ids } = indexDrivers(sources.vocabulary);
  const rows = recordRows(sources, ids);
  const recordFirst = toIndex(sources.history.quarters[0]!.quarter);
  const first = toIndex(range.first);
  const last = toIndex(range.last);
  const schedule: Schedule = { first, levels: [], provenance: [] };
  const assumed = preset.kind === 'assumed' ? preset.scenario : undefined;
  const start = assumed ? toIndex(assumed.start.quarter) : Infinity;
  const atStart = assumed ? observedAt(rows, recordFirst, start).levels : {};
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
    const observed = observedAt(rows, recordFirst, q);
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
        provenance[id] = observed.unrecorded.has(id)
          ? 'unrecorded'
          : observed.known
            ? 'observed'
            : 'carried';
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
