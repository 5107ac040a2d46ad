/**
 * What the user adds to the record, as plain data: the next quarter to add, the record file the
 * export writes (observed.json with the user's quarters and events appended), and how the
 * quarters and events of such a file are told apart from the built-in ones. Pure; no zod here
 * (recordCheck.ts validates, and is loaded lazily).
 */
import {
  fromIndex,
  levelLabel,
  toIndex,
  type History,
  type HistoryEvent,
  type HistoryQuarter,
  type Vocabulary
} from '$lib/engine';

/** The user's additions, as userData.saveRecord takes them. */
export interface RecordAdditions {
  quarters: HistoryQuarter[];
  events: HistoryEvent[];
}

export const EMPTY_ADDITIONS: RecordAdditions = { quarters: [], events: [] };

/**
 * The quarter after the last one known (the user's last, else the built-in record's last), with
 * that quarter's levels carried forward: most quarters change only a few drivers.
 */
export function nextQuarter(builtIn: History, quarters: readonly HistoryQuarter[]): HistoryQuarter {
  const last = quarters.at(-1) ?? builtIn.quarters.at(-1)!;
  return {
    quarter: fromIndex(toIndex(last.quarter) + 1),
    level: last.level,
    drivers: { ...last.drivers }
  };
}

/** A new event, dated the first day of the quarter after the built-in record (an empty form). */
export function blankEvent(builtIn: History, topic: string): HistoryEvent {
  const q = fromIndex(toIndex(builtIn.quarters.at(-1)!.quarter) + 1);
  const month = String((Number(q.slice(5)) - 1) * 3 + 1).padStart(2, '0');
  return {
    date: `${q.slice(0, 4)}-${month}-01`,
    driver: topic,
    direction: 'neutral',
    summary: '',
    source: ''
  };
}

/** The built-in record with the user's quarters and events appended, in the order given. */
export function mergeRecord(builtIn: History, additions: RecordAdditions): History {
  return {
    ...builtIn,
    quarters: [...builtIn.quarters, ...additions.quarters],
    events: [...builtIn.events, ...additions.events]
  };
}

/** The last day of a quarter, as YYYY-MM-DD. */
function quarterEnd(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const end = new Date(Date.UTC(year, q * 3, 0));
  return end.toISOString().slice(0, 10);
}

const ABOUT_ADDED =
  ' Quarters after the built-in record and events not in it were added by a user of Crosswinds.';

/**
 * The file the export writes: the whole record in the format of observed.json, the user's
 * quarters and events appended and `coverage.to` moved to the end of what they added. A
 * record file of this shape (or observed.json itself) is what the import reads back.
 */
export function recordFile(builtIn: History, additions: RecordAdditions): History {
  const merged = mergeRecord(builtIn, additions);
  const ends = [
    builtIn.coverage.to,
    ...additions.quarters.map((q) => quarterEnd(q.quarter)),
    ...additions.events.map((e) => e.date)
  ].sort();
  const added = additions.quarters.length + additions.events.length > 0;
  return {
    ...merged,
    about: added ? merged.about + ABOUT_ADDED : merged.about,
    coverage: { ...builtIn.coverage, to: ends.at(-1)! }
  };
}

const sameEvent = (a: HistoryEvent, b: HistoryEvent) =>
  a.date === b.date && a.driver === b.driver && a.summary === b.summary && a.source === b.source;

/**
 * The additions in a record file: its quarters after the built-in record ends and its events
 * the built-in record does not hold. Expects a file that passed the History schema.
 */
export function additionsOf(builtIn: History, file: History): RecordAdditions {
  const end = toIndex(builtIn.quarters.at(-1)!.quarter);
  return {
    quarters: file.quarters.filter((q) => toIndex(q.quarter) > end),
    events: file.events.filter((e) => !builtIn.events.some((b) => sameEvent(b, e)))
  };
}

/**
 * A path into the merged record (as the validators name it) as a path into the user's additions,
 * or undefined when it names a built-in part: `quarters[26].level` → `quarters[1].level`.
 */
export function additionPath(builtIn: History, path: string): string | undefined {
  const m = /^(quarters|events)\[(\d+)\](.*)$/.exec(path);
  if (!m) return undefined;
  const offset = m[1] === 'quarters' ? builtIn.quarters.length : builtIn.events.length;
  const index = Number(m[2]) - offset;
  return index >= 0 ? `${m[1]}[${index}]${m[3]}` : undefined;
}

/**
 * What a quarter changed from the one before, in words ("Sanctions: steady → easing"), so the
 * record reads as a list of changes rather than ten repeated columns. A driver left out of a
 * quarter is "not recorded".
 */
export function quarterChanges(
  previous: HistoryQuarter | undefined,
  quarter: HistoryQuarter,
  vocabulary: Vocabulary
): string[] {
  if (!previous) return [];
  const name = (driver: string, level: string | undefined) =>
    level === undefined ? 'not recorded' : levelLabel(vocabulary, driver, level);
  return vocabulary.drivers
    .filter((d) => previous.drivers[d.id] !== quarter.drivers[d.id])
    .map(
      (d) =>
        `${d.label}: ${name(d.id, previous.drivers[d.id])} → ${name(d.id, quarter.drivers[d.id])}`
    );
}
