/**
 * What the timeline marks on its edges: the quarters where a driver in force changes level, and
 * the record's events by quarter. Their words appear in the tooltip of that quarter, so a marker
 * is read on hover, focus or tap like every other point of the chart. Pure.
 */
import {
  driverLabel,
  levelLabel,
  lower,
  quarterOfDate,
  toIndex,
  type History,
  type Schedule,
  type Vocabulary
} from '../engine';

export interface QuarterMark {
  quarter: string;
  /** "Sanctions → escalating", for each driver whose level differs from the quarter before. */
  drivers: string[];
  events: Array<{ date: string; text: string; direction?: string }>;
}

export function timelineMarks(
  schedule: Schedule,
  vocabulary: Vocabulary,
  history: Pick<History, 'events'>,
  quarters: string[]
): QuarterMark[] {
  const events = new Map<string, QuarterMark['events']>();
  for (const e of history.events) {
    const q = quarterOfDate(e.date);
    events.set(q, [
      ...(events.get(q) ?? []),
      { date: e.date, text: e.summary, direction: e.direction }
    ]);
  }
  const rowOf = (quarter: string) => schedule.levels[toIndex(quarter) - schedule.first];
  return quarters.flatMap((quarter, i) => {
    const row = rowOf(quarter);
    const before = i > 0 ? rowOf(quarters[i - 1]!) : undefined;
    const drivers =
      row && before
        ? vocabulary.drivers
            .filter((d) => row[d.id] !== before[d.id])
            .map(
              (d) =>
                `${driverLabel(vocabulary, d.id)} → ${lower(levelLabel(vocabulary, d.id, row[d.id]!))}`
            )
        : [];
    const here = events.get(quarter) ?? [];
    return drivers.length || here.length ? [{ quarter, drivers, events: here }] : [];
  });
}
