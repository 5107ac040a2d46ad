/**
 * The tornado chart's geometry: one bar per driver from the lowest to the highest mean level it
 * gives, on the shared scale, with the view's own schedule as a line. Pure: tested without a DOM.
 */
import { scaleLinear } from 'd3';
import type { Tornado } from '$lib/engine';

export const TORNADO_LAYOUT = { width: 640, rowHeight: 26, top: 28, left: 170, right: 24 };

export interface TornadoBar {
  driver: string;
  label: string;
  y: number;
  x0: number;
  x1: number;
  /** The level names at each end: what the driver is set to for the lowest and highest. */
  lowLevel: string;
  highLevel: string;
  swing: number;
}

export function tornadoGeometry(
  t: Tornado,
  labelOf: (driver: string) => string,
  levelOf: (driver: string, level: string) => string
) {
  const { width, rowHeight, top, left, right } = TORNADO_LAYOUT;
  const x = scaleLinear()
    .domain([-3, 3])
    .range([left, width - right]);
  const bars: TornadoBar[] = t.rows.map((r, i) => {
    const x0 = x(r.meanLevel.min);
    // A driver that moves nothing still gets a hairline, so the row reads as "no swing".
    const x1 = Math.max(x(r.meanLevel.max), x0 + 1.5);
    return {
      driver: r.driver,
      label: labelOf(r.driver),
      y: top + i * rowHeight,
      x0,
      x1,
      lowLevel: levelOf(r.driver, r.meanLevel.minLevel),
      highLevel: levelOf(r.driver, r.meanLevel.maxLevel),
      swing: r.swing
    };
  });
  return {
    width,
    height: top + t.rows.length * rowHeight + 8,
    baselineX: x(t.baseline.meanLevel),
    ticks: [-3, -2, -1, 0, 1, 2, 3].map((v) => ({ value: v, x: x(v) })),
    rowHeight,
    bars
  };
}
