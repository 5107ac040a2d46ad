/**
 * The events timeline's geometry: the observed level as a small stepped strip on top, then one row
 * per topic with a marker per event at its date. Pure (d3 computes, Svelte draws), so every number
 * the chart draws is testable in Node; the words it says are in eventsText.
 *
 * The layout is computed for the chart's real pixel width: under COMPACT_BELOW the topic labels
 * move above their rows so the plot keeps most of a phone's width.
 */
import { line, scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3';
import {
  fromIndex,
  quarterOfDate,
  toIndex,
  type History,
  type HistoryEvent,
  type Quarter,
  type Vocabulary
} from '$lib/engine';
import { defaultSpan, eventsInSpan, parseEventDate, topicOrder } from './eventsOrder';
import { formatEventDate, topicLabel } from './eventsText';
import type { LevelName } from './timelineMath';

export type Direction = HistoryEvent['direction'];

/** Each at least 4.5:1 on white; the marker's shape carries the direction as well. */
export const EVENT_COLOURS: Record<Direction, string> = {
  warming: '#b35806',
  cooling: '#5e3c99',
  neutral: '#6b7480'
};

/** Marker outlines centred on (0, 0): equal-sided triangles and a circle of similar weight. */
export const MARKER_PATHS: Record<Direction, string> = {
  warming: 'M0,-5.2L6,5.2L-6,5.2Z',
  cooling: 'M0,5.2L6,-5.2L-6,-5.2Z',
  neutral: 'M4.8,0A4.8,4.8 0 1,1 -4.8,0A4.8,4.8 0 1,1 4.8,0Z'
};

export const COMPACT_BELOW = 560;
const LEVELS = [-3, -2, -1, 0, 1, 2, 3];
const STRIP_TOP = 22;
/** Lanes inside a row, so events a few days apart sit side by side instead of on each other. */
const LANE_OFFSETS = [0, -9, 9];
const MARKER_GAP = 11;
/** Rough advance per character of the UI sans at the label sizes; labels are end-anchored, so an
 * error only changes the gap to the plot, never clips a label that fits the estimate. */
const TOPIC_CHAR_PX = 6.9;
const LEVEL_CHAR_PX = 6.2;

export interface EventRow {
  topic: string;
  label: string;
  top: number;
  bottom: number;
  /** Centre line of the markers. */
  y: number;
  labelX: number;
  labelY: number;
}

export interface EventMarker {
  /** Position in date order: the keyboard's order. */
  index: number;
  event: HistoryEvent;
  topic: string;
  /** The topic's readable label. */
  label: string;
  direction: Direction;
  dateText: string;
  quarter: Quarter;
  x: number;
  y: number;
  /** Where the observed line is in the event's quarter; null when that quarter has no level. */
  observedY: number | null;
}

export interface EventsGeometry {
  width: number;
  height: number;
  compact: boolean;
  from: Quarter;
  to: Quarter;
  x: ScaleTime<number, number>;
  y: ScaleLinear<number, number>;
  plot: { left: number; right: number };
  strip: {
    top: number;
    bottom: number;
    titleY: number;
    levels: Array<{ level: number; y: number; label: string }>;
    /** Stepped: a level holds for its whole quarter; breaks where a quarter has no level. */
    path: string;
  };
  rowsTitleY: number;
  rows: EventRow[];
  markers: EventMarker[];
  years: Array<{ year: number; x: number; labelX: number; label: string }>;
  /** Baseline of the year labels. */
  axisY: number;
}

export function quarterStart(quarter: Quarter): Date {
  const i = toIndex(quarter);
  return new Date(Date.UTC(Math.floor(i / 4), (i % 4) * 3, 1));
}

/**
 * Pure. A lane for each position (given in increasing order): the first lane whose last marker is
 * at least `gap` away, or, when all are crowded, the one whose last marker is farthest back.
 */
export function assignLanes(xs: number[], gap: number, laneCount: number): number[] {
  const last: Array<number | undefined> = Array.from({ length: laneCount });
  return xs.map((x) => {
    let lane = last.findIndex((l) => l === undefined || x - l >= gap);
    if (lane < 0) lane = last.indexOf(Math.min(...(last as number[])));
    last[lane] = x;
    return lane;
  });
}

/** Pure. Everything the chart draws, in pixels for a chart `width` wide. */
export function eventsGeometry(
  history: History,
  vocabulary: Vocabulary,
  options: { width: number; from?: Quarter; to?: Quarter; levels?: LevelName[] }
): EventsGeometry {
  const span = defaultSpan(history);
  const from = options.from ?? span.from;
  const to = options.to ?? span.to;
  const width = Math.max(options.width, 240);
  const compact = width < COMPACT_BELOW;
  const events = eventsInSpan(history.events, from, to);
  const topics = topicOrder(events, vocabulary, history.otherTopics);
  const labels = new Map(topics.map((t) => [t, topicLabel(t, vocabulary)]));
  const levelName = (level: number) =>
    options.levels?.find((l) => l.level === level)?.label ?? String(level);

  const levelChars = Math.max(...LEVELS.map((l) => levelName(l).length));
  const topicChars = Math.max(0, ...[...labels.values()].map((l) => l.length));
  const levelsNeed = levelChars * LEVEL_CHAR_PX + 22;
  const left = Math.round(
    compact
      ? Math.min(Math.max(levelsNeed, 56), 110)
      : Math.min(Math.max(levelsNeed, topicChars * TOPIC_CHAR_PX + 18, 96), 220)
  );
  const right = width - (compact ? 8 : 14);

  const end = quarterStart(fromIndex(toIndex(to) + 1));
  const x = scaleUtc()
    .domain([quarterStart(from), end])
    .range([left, right]);
  const stripRow = compact ? 12 : 15;
  const stripBottom = STRIP_TOP + stripRow * LEVELS.length;
  const y = scaleLinear().domain([-3.5, 3.5]).range([stripBottom, STRIP_TOP]);

  const [a, b] = [toIndex(from), toIndex(to)];
  const observed = new Map(
    history.quarters
      .filter((q) => toIndex(q.quarter) >= a && toIndex(q.quarter) <= b)
      .map((q) => [q.quarter, q.level])
  );
  const vertices: Array<[number, number] | undefined> = [];
  for (let i = a; i <= b; i++) {
    const level = observed.get(fromIndex(i));
    if (level === undefined) vertices.push(undefined);
    else {
      const x0 = x(quarterStart(fromIndex(i)));
      const x1 = x(quarterStart(fromIndex(i + 1)));
      vertices.push([x0, y(level)], [x1, y(level)]);
    }
  }
  const path =
    line<[number, number] | undefined>()
      .defined((v) => v !== undefined)
      .x((v) => v![0])
      .y((v) => v![1])(vertices) ?? '';

  const rowsTitleY = stripBottom + 26;
  const rowHeight = compact ? 48 : 34;
  const rowsTop = rowsTitleY + (compact ? 4 : 10);
  const rows: EventRow[] = topics.map((topic, k) => {
    const top = rowsTop + k * rowHeight;
    const centre = compact ? top + 30 : top + rowHeight / 2;
    return {
      topic,
      label: labels.get(topic)!,
      top,
      bottom: top + rowHeight,
      y: centre,
      labelX: compact ? 0 : left - 12,
      labelY: compact ? top + 13 : centre
    };
  });
  const rowOf = new Map(rows.map((r) => [r.topic, r]));

  const placed = events.map((event) => ({ event, x: x(parseEventDate(event.date)) }));
  const lanes = new Map<HistoryEvent, number>();
  for (const topic of topics) {
    const mine = placed.filter((p) => p.event.driver === topic).sort((p, q) => p.x - q.x);
    const assigned = assignLanes(
      mine.map((p) => p.x),
      MARKER_GAP,
      LANE_OFFSETS.length
    );
    mine.forEach((p, i) => lanes.set(p.event, assigned[i]!));
  }
  const markers = placed.map(({ event, x: px }, index): EventMarker => {
    const quarter = quarterOfDate(event.date);
    const level = observed.get(quarter);
    return {
      index,
      event,
      topic: event.driver,
      label: labels.get(event.driver)!,
      direction: event.direction,
      dateText: formatEventDate(event.date),
      quarter,
      x: px,
      y: rowOf.get(event.driver)!.y + LANE_OFFSETS[lanes.get(event)!]!,
      observedY: level === undefined ? null : y(level)
    };
  });

  const [t0, t1] = [quarterStart(from), end];
  const years: EventsGeometry['years'] = [];
  for (let year = t0.getUTCFullYear(); year < t1.getUTCFullYear() + 1; year++) {
    const start = new Date(Math.max(Date.UTC(year, 0, 1), t0.getTime()));
    const stop = new Date(Math.min(Date.UTC(year + 1, 0, 1), t1.getTime()));
    const w = x(stop) - x(start);
    if (w < 16) continue;
    years.push({
      year,
      x: x(start),
      labelX: (x(start) + x(stop)) / 2,
      label: w < 34 ? `’${String(year).slice(2)}` : String(year)
    });
  }

  const rowsBottom = rows.at(-1)?.bottom ?? rowsTop;
  return {
    width,
    height: rowsBottom + 28,
    compact,
    from,
    to,
    x,
    y,
    plot: { left, right },
    strip: {
      top: STRIP_TOP,
      bottom: stripBottom,
      titleY: 12,
      levels: LEVELS.map((level) => ({ level, y: y(level), label: levelName(level) })),
      path
    },
    rowsTitleY,
    rows,
    markers,
    years,
    axisY: rowsBottom + 18
  };
}

/** Pure. The event a key moves to from `i` (←/↓ back, →/↑ on, Home/End the ends), clamped;
 * undefined for any other key. */
export function eventKeyTarget(key: string, i: number, count: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowLeft: i - 1,
    ArrowDown: i - 1,
    ArrowRight: i + 1,
    ArrowUp: i + 1,
    Home: 0,
    End: count - 1
  };
  const next = moves[key];
  return next === undefined || count === 0 ? undefined : Math.min(Math.max(next, 0), count - 1);
}

/** Pure. The index of the marker nearest (px, py) within `radius`, or null. */
export function nearestMarker(
  markers: Array<Pick<EventMarker, 'x' | 'y'>>,
  px: number,
  py: number,
  radius = 14
): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  markers.forEach((m, i) => {
    const d = (m.x - px) ** 2 + (m.y - py) ** 2;
    if (d <= bestD) [best, bestD] = [i, d];
  });
  return best;
}
