/**
 * Which of the history's events a chart shows and in what order: event dates read as instants, the
 * span that covers the whole history, the events inside a span by date, and the topics that have
 * events. Shared by the chart's geometry and its CSV, so both list the same events in one order.
 */
import {
  fromIndex,
  quarterOfDate,
  toIndex,
  type History,
  type HistoryEvent,
  type Quarter,
  type Vocabulary
} from '$lib/engine';

/** 'YYYY-MM-DD' at UTC midnight; 'YYYY-MM' mid-month, since the day is unknown. */
export function parseEventDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 15));
}

/**
 * Pure. Topics that have events: vocabulary drivers in vocabulary order, then the history's other
 * topics in their order, then any topic neither lists (kept rather than silently dropped).
 */
export function topicOrder(
  events: HistoryEvent[],
  vocabulary: Vocabulary,
  otherTopics: string[] = []
): string[] {
  const used = new Set(events.map((e) => e.driver));
  const known = [...vocabulary.drivers.map((d) => d.id), ...otherTopics];
  const rest = [...used].filter((t) => !known.includes(t));
  return [...new Set([...known, ...rest])].filter((t) => used.has(t));
}

/** Pure. The span that covers every observed quarter and every event. */
export function defaultSpan(history: History): { from: Quarter; to: Quarter } {
  const indices = [
    ...history.quarters.map((q) => toIndex(q.quarter)),
    ...history.events.map((e) => toIndex(quarterOfDate(e.date)))
  ];
  return { from: fromIndex(Math.min(...indices)), to: fromIndex(Math.max(...indices)) };
}

/** Pure. Events from `from` to `to` (both quarters included), by date; ties keep file order. */
export function eventsInSpan(events: HistoryEvent[], from: Quarter, to: Quarter): HistoryEvent[] {
  const [a, b] = [toIndex(from), toIndex(to)];
  return events
    .map((event, i) => ({ event, i, t: parseEventDate(event.date).getTime() }))
    .filter(({ event }) => {
      const q = toIndex(quarterOfDate(event.date));
      return q >= a && q <= b;
    })
    .sort((p, q) => p.t - q.t || p.i - q.i)
    .map(({ event }) => event);
}
