/**
 * The timeline chart's geometry: scales, line paths, probability bands, ticks and key handling
 * (what the chart says in words is in timelineReadings.ts).
 * Pure (d3 computes, Svelte draws), so every number the chart draws is testable in Node.
 *
 * Quarters sit in equal columns (a band scale); levels −3 … +3 sit in equal rows (a linear scale
 * over −3.5 … +3.5, so each level is the centre of its row). Inside a row every series has its own
 * lane, so lines that share a level run side by side instead of hiding each other. Lines are
 * stepped (a state holds for a whole quarter), so they sit exactly on their probability bands.
 */
import { line, scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3';
import { formatLevel, type PathStep } from '$lib/engine';
import { OBSERVED_COLOUR } from './palette';

/** One line on the chart: an analyst's path under the current drivers. */
export interface TimelineSeries {
  /** Stable id (the scenario id). */
  id: string;
  /** Name in the legend, tooltip and table ("Trenin 2020, guardrails"). */
  label: string;
  /** Stroke and band colour (see palette.ts). */
  colour: string;
  /** Line pattern (SVG dasharray) where another analyst shares the colour. */
  dash?: string;
  /** The path quarter by quarter; quarters before the model's start are simply absent. */
  steps: PathStep[];
  /** Draw the probability of every level as a band behind the line. */
  probabilistic: boolean;
}

/** The observed level of a quarter. */
export interface ObservedPoint {
  quarter: string;
  level: number;
}

/** A level of the shared scale, as the y axis names it. */
export interface LevelName {
  level: number;
  label: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The chart's fixed coordinate system (the SVG viewBox). */
export const LAYOUT: TimelineLayout = {
  width: 960,
  height: 380,
  margin: { top: 34, right: 12, bottom: 50, left: 160 }
};

export const LEVELS = [-3, -2, -1, 0, 1, 2, 3] as const;

export interface PlacedPoint {
  quarter: string;
  level: number;
  x: number;
  y: number;
}

/** One cell of a probability band: a series' chance of one level in one quarter. */
export interface BandCell {
  quarter: string;
  level: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The probability of the level, 0 … 1, drawn as the cell's opacity. */
  opacity: number;
}

export interface PlacedSeries {
  id: string;
  label: string;
  colour: string;
  dash?: string;
  kind: 'observed' | 'forecast';
  /** SVG path data; empty when the series has no quarter in the domain. */
  path: string;
  points: PlacedPoint[];
  /** Where the series moved to a new state (a transition was taken): the step at the left edge of
   * the quarter's column, at the new level. */
  entries: PlacedPoint[];
  /** Empty unless the series is probabilistic. */
  bands: BandCell[];
}

export interface TimelineGeometry {
  layout: TimelineLayout;
  x: ScaleBand<string>;
  y: ScaleLinear<number, number>;
  plot: { left: number; right: number; top: number; bottom: number };
  rowHeight: number;
  laneHeight: number;
  /** The observed line first, then the forecasts in the order given. */
  series: PlacedSeries[];
  /** x of the rule after the last observed quarter; null when it falls outside the domain. */
  boundaryX: number | null;
  years: Array<{ year: string; x: number; labelX: number }>;
  levels: Array<{ level: number; y: number; top: number; bottom: number; label: string }>;
}

/** Columns over the quarters, edge to edge: the first starts at the plot's left edge. */
export function xScale(quarters: string[], layout: TimelineLayout = LAYOUT): ScaleBand<string> {
  return scaleBand<string>()
    .domain(quarters)
    .range([layout.margin.left, layout.width - layout.margin.right])
    .paddingInner(0)
    .paddingOuter(0);
}

/** Rows over the levels: −3.5 at the plot's bottom edge, +3.5 at its top. */
export function yScale(layout: TimelineLayout = LAYOUT): ScaleLinear<number, number> {
  return scaleLinear()
    .domain([LEVELS[0] - 0.5, LEVELS[6] + 0.5])
    .range([layout.height - layout.margin.bottom, layout.margin.top]);
}

/** The centre of a quarter's column; undefined outside the domain. */
export function columnCentre(x: ScaleBand<string>, quarter: string): number | undefined {
  const left = x(quarter);
  return left === undefined ? undefined : left + x.bandwidth() / 2;
}

/** The quarter under a horizontal position, clamped to the first and last column. */
export function quarterAt(x: ScaleBand<string>, position: number): string | undefined {
  const domain = x.domain();
  if (domain.length === 0) return undefined;
  const i = Math.floor((position - x.range()[0]!) / x.bandwidth());
  return domain[Math.min(Math.max(i, 0), domain.length - 1)];
}

/**
 * Vertical offsets of `count` lanes inside a row, centred on the row's middle, top lane first.
 * Lanes never get thicker than `max`, so a few series stay close to the level's centre.
 */
export function laneOffsets(count: number, rowHeight: number, max = 6): number[] {
  const lane = laneHeight(count, rowHeight, max);
  return Array.from({ length: count }, (_, k) => (k - (count - 1) / 2) * lane);
}

export function laneHeight(count: number, rowHeight: number, max = 6): number {
  return Math.min(max, (rowHeight * 0.8) / Math.max(count, 1));
}

/**
 * A stepped line through the given points: a level holds for its whole quarter, so each quarter
 * with data is a horizontal run across its column (two vertices, left and right edge), and a change
 * of level is a vertical step on the boundary between two columns. The line breaks where quarters
 * are missing (before a series starts, or in a hole), so nothing is drawn for them.
 */
export function linePath(points: PlacedPoint[], x: ScaleBand<string>): string {
  const at = new Map(points.map((p) => [p.quarter, p]));
  const half = x.bandwidth() / 2;
  const vertices = x.domain().flatMap((q): Array<[number, number] | undefined> => {
    const p = at.get(q);
    return p
      ? [
          [p.x - half, p.y],
          [p.x + half, p.y]
        ]
      : [undefined];
  });
  return (
    line<[number, number] | undefined>()
      .defined((v) => v !== undefined)
      .x((v) => v![0])
      .y((v) => v![1])(vertices) ?? ''
  );
}

/** Charts name levels the way the engine's words do. */
export { formatLevel };

export function nameOf(levels: LevelName[], level: number): string {
  return levels.find((l) => l.level === level)?.label ?? `Level ${formatLevel(level)}`;
}

/** Below this a level's probability is rounding noise and gets no cell. */
const BAND_FLOOR = 1e-4;

/** Pure. Everything the chart draws, in viewBox coordinates. */
export function timelineGeometry(
  input: {
    series: TimelineSeries[];
    observed: ObservedPoint[];
    quarters: string[];
    observedThrough: string;
    levels: LevelName[];
  },
  layout: TimelineLayout = LAYOUT
): TimelineGeometry {
  const { quarters } = input;
  const x = xScale(quarters, layout);
  const y = yScale(layout);
  const inDomain = new Set(quarters);
  const rowHeight = Math.abs(y(0) - y(1));
  const lanes = 1 + input.series.length;
  const offsets = laneOffsets(lanes, rowHeight);
  const lane = laneHeight(lanes, rowHeight);

  const place = (quarter: string, level: number, k: number): PlacedPoint => ({
    quarter,
    level,
    x: columnCentre(x, quarter)!,
    y: y(level) + offsets[k]!
  });

  const observedPoints = input.observed
    .filter((o) => inDomain.has(o.quarter))
    .map((o) => place(o.quarter, o.level, 0));
  const observed: PlacedSeries = {
    id: 'observed',
    label: 'Observed',
    colour: OBSERVED_COLOUR,
    kind: 'observed',
    path: linePath(observedPoints, x),
    points: observedPoints,
    entries: [],
    bands: []
  };

  const series = input.series.map((s, i): PlacedSeries => {
    const k = i + 1;
    const steps = s.steps.filter((st) => inDomain.has(st.quarter));
    const points = steps.map((st) => place(st.quarter, st.level, k));
    const bands: BandCell[] = [];
    if (s.probabilistic) {
      for (const st of steps) {
        for (const level of LEVELS) {
          const p = st.levelDistribution[level] ?? 0;
          if (p < BAND_FLOOR) continue;
          bands.push({
            quarter: st.quarter,
            level,
            x: x(st.quarter)!,
            y: y(level) + offsets[k]! - lane / 2,
            width: x.bandwidth(),
            height: lane,
            opacity: p
          });
        }
      }
    }
    return {
      id: s.id,
      label: s.label,
      colour: s.colour,
      ...(s.dash ? { dash: s.dash } : {}),
      kind: 'forecast',
      path: linePath(points, x),
      points,
      entries: points
        .filter((_, j) => steps[j]!.transitions.length > 0)
        .map((p) => ({ ...p, x: p.x - x.bandwidth() / 2 })),
      bands
    };
  });

  const through = quarters.indexOf(input.observedThrough);
  const boundaryX =
    through >= 0 && through < quarters.length - 1
      ? x(input.observedThrough)! + x.bandwidth()
      : null;

  const byYear = new Map<string, string[]>();
  for (const q of quarters) {
    const year = q.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), q]);
  }
  const years = [...byYear].map(([year, qs]) => {
    const start = x(qs[0]!)!;
    const end = x(qs.at(-1)!)! + x.bandwidth();
    return { year, x: start, labelX: (start + end) / 2 };
  });

  return {
    layout,
    x,
    y,
    plot: {
      left: layout.margin.left,
      right: layout.width - layout.margin.right,
      top: layout.margin.top,
      bottom: layout.height - layout.margin.bottom
    },
    rowHeight,
    laneHeight: lane,
    series: [observed, ...series],
    boundaryX,
    years,
    levels: LEVELS.map((level) => ({
      level,
      y: y(level),
      top: y(level + 0.5),
      bottom: y(level - 0.5),
      label: nameOf(input.levels, level)
    }))
  };
}

/**
 * Pure. The quarter index a key moves the selection to from index `i` (←/↓ back, →/↑ on,
 * Page Down/Up a year, Home/End the ends), or undefined for any other key.
 */
export function keyTarget(key: string, i: number, count: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowLeft: i - 1,
    ArrowDown: i - 1,
    ArrowRight: i + 1,
    ArrowUp: i + 1,
    PageDown: i - 4,
    PageUp: i + 4,
    Home: 0,
    End: count - 1
  };
  return moves[key];
}

/**
 * Pure. Whether a point in viewBox units is over the plot (with room above for the boundary
 * labels and below for the x axis), where pointer moves and clicks pick a quarter.
 */
export function overPlot(plot: TimelineGeometry['plot'], vx: number, vy: number): boolean {
  const { left, right, top, bottom } = plot;
  return !(vx < left || vx > right || vy < top - 8 || vy > bottom + 24);
}

/** Pure. Centre of the selected quarter's tag under the x axis, kept inside the plot. */
export function selectedTagX(
  g: Pick<TimelineGeometry, 'x' | 'plot'>,
  quarter: string
): number | null {
  const cx = columnCentre(g.x, quarter);
  return cx === undefined ? null : Math.min(Math.max(cx, g.plot.left + 29), g.plot.right - 29);
}
