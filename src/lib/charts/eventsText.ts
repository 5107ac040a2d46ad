/**
 * The words the events timeline says: dates and topics as people read them, the slider's value
 * text, the chart's one-line summary and the events as CSV. Pure, so every string is testable in
 * Node.
 */
import type { HistoryEvent, Quarter, Vocabulary } from '$lib/engine';
import type { Direction, EventMarker } from './eventsMath';
import { eventsInSpan } from './eventsOrder';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2020-04-12' → '12 Apr 2020'; '2020-04' → 'Apr 2020'. */
export function formatEventDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = MONTHS[Number(m) - 1] ?? '';
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** 'diplomaticTies' → 'Diplomatic ties'. */
export function humanise(id: string): string {
  const words = id
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A driver's label from the vocabulary; any other topic id made readable. */
export function topicLabel(topic: string, vocabulary: Vocabulary): string {
  return vocabulary.drivers.find((d) => d.id === topic)?.label ?? humanise(topic);
}

/** '12 Apr 2020, Arms control, cooling: The U.S. left …' */
export function describeEvent(m: Pick<EventMarker, 'dateText' | 'label' | 'direction' | 'event'>) {
  return `${m.dateText}, ${m.label}, ${m.direction}: ${m.event.summary}`;
}

/** '69 events, 23 warming, 33 cooling, 13 neutral, from 2020Q1 to 2026Q1' */
export function eventsSummary(events: HistoryEvent[], from: Quarter, to: Quarter): string {
  const n = (d: Direction) => events.filter((e) => e.direction === d).length;
  const count = `${events.length} event${events.length === 1 ? '' : 's'}`;
  return `${count}, ${n('warming')} warming, ${n('cooling')} cooling, ${n('neutral')} neutral, from ${from} to ${to}`;
}

/** One CSV field, quoted only when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Pure. The events as RFC 4180 CSV (CRLF line ends), by date, topics as readable labels. */
export function eventsCsv(events: HistoryEvent[], vocabulary: Vocabulary): string {
  const sorted = eventsInSpan(events, '0000Q1', '9999Q4');
  const lines = [
    'date,topic,direction,summary,source',
    ...sorted.map((e) =>
      [e.date, topicLabel(e.driver, vocabulary), e.direction, e.summary, e.source]
        .map(csvField)
        .join(',')
    )
  ];
  return lines.join('\r\n') + '\r\n';
}
