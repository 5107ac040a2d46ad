/**
 * Driver schedules: a level for every driver in every quarter, built from a preset (what happened,
 * or an analyst's assumptions) plus a user's overrides, each cell remembering where it came from.
 */
import type { History, Scenario, Vocabulary } from './schema';
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
  levels: Array<Record<string, string>>;
  provenance: Array<Record<string, Provenance>>;
}

export interface ScheduleSources {
  vocabulary: Vocabulary;
  history: History;
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
          levels[id] = change?.level ?? stated!.level;
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
  return schedule;
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
