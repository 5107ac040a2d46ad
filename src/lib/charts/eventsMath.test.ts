import { describe, expect, it } from 'vitest';
import {
  assignLanes,
  COMPACT_BELOW,
  eventKeyTarget,
  eventsGeometry,
  nearestMarker
} from './eventsMath';
import { history, levels, vocabulary } from './eventsFixtures';

describe('eventsGeometry', () => {
  const g = eventsGeometry(history, vocabulary, { width: 900, levels });

  it('places the quarters edge to edge across the plot and events at their date', () => {
    expect(g.x(new Date(Date.UTC(2020, 0, 1)))).toBeCloseTo(g.plot.left);
    expect(g.x(new Date(Date.UTC(2021, 3, 1)))).toBeCloseTo(g.plot.right);
    const first = g.markers[0]!;
    expect(first.x).toBeCloseTo(g.x(new Date(Date.UTC(2020, 4, 1))));
  });

  it('gives one row per topic, in order, below the observed strip', () => {
    expect(g.rows.map((r) => r.label)).toEqual(['Sanctions', 'Ukraine', 'Diplomatic ties']);
    expect(g.rows[0]!.top).toBeGreaterThan(g.strip.bottom);
    expect(g.rows[1]!.top).toBe(g.rows[0]!.bottom);
    expect(g.height).toBeGreaterThan(g.rows[2]!.bottom);
  });

  it('numbers markers in date order and puts each on its topic row', () => {
    expect(g.markers.map((m) => [m.index, m.topic])).toEqual([
      [0, 'ukraine'],
      [1, 'sanctions'],
      [2, 'sanctions'],
      [3, 'diplomaticTies']
    ]);
    expect(g.markers[0]!.y).toBe(g.rows[1]!.y);
  });

  it('moves a marker to another lane when it would sit on its neighbour', () => {
    const narrow = eventsGeometry(history, vocabulary, { width: 300 });
    const [a, b] = [narrow.markers[1]!, narrow.markers[2]!];
    expect(Math.abs(a.x - b.x)).toBeLessThan(11);
    expect(a.y).toBe(narrow.rows[0]!.y);
    expect(b.y).not.toBe(a.y);
    expect(g.markers[2]!.y).toBe(g.rows[0]!.y);
  });

  it('draws the observed level as steps, breaking at a quarter with no level', () => {
    expect(g.strip.levels.map((l) => l.label)).toEqual(levels.map((l) => l.label));
    expect(g.strip.levels[6]!.y).toBeLessThan(g.strip.levels[0]!.y);
    expect(g.strip.path.match(/M/g)).toHaveLength(2);
    expect(g.markers[0]!.observedY).toBe(g.y(-2));
  });

  it('labels each year once, centred on its part of the span', () => {
    expect(g.years.map((y) => y.label)).toEqual(['2020', '2021']);
    expect(g.years[0]!.x).toBeCloseTo(g.plot.left);
  });

  it('honours from/to and moves topic labels above rows when narrow', () => {
    const narrow = eventsGeometry(history, vocabulary, {
      width: COMPACT_BELOW - 1,
      from: '2021Q1',
      to: '2021Q1'
    });
    expect(narrow.compact).toBe(true);
    expect(narrow.markers).toHaveLength(1);
    expect(narrow.rows.map((r) => r.topic)).toEqual(['diplomaticTies']);
    expect(narrow.rows[0]!.labelY).toBeLessThan(narrow.rows[0]!.y);
    expect(narrow.rows[0]!.labelX).toBe(0);
  });
});

describe('interaction helpers', () => {
  it('assignLanes reuses the first free lane and falls back to the oldest', () => {
    expect(assignLanes([0, 5, 8, 30, 31], 10, 3)).toEqual([0, 1, 2, 0, 1]);
    expect(assignLanes([0, 1, 2, 3], 10, 3)).toEqual([0, 1, 2, 0]);
  });

  it('eventKeyTarget steps, jumps and clamps', () => {
    expect(eventKeyTarget('ArrowRight', 2, 5)).toBe(3);
    expect(eventKeyTarget('ArrowLeft', 0, 5)).toBe(0);
    expect(eventKeyTarget('ArrowRight', 4, 5)).toBe(4);
    expect(eventKeyTarget('Home', 3, 5)).toBe(0);
    expect(eventKeyTarget('End', 0, 5)).toBe(4);
    expect(eventKeyTarget('a', 0, 5)).toBeUndefined();
    expect(eventKeyTarget('End', 0, 0)).toBeUndefined();
  });

  it('nearestMarker picks the closest marker within the radius', () => {
    const ms = [
      { x: 10, y: 10 },
      { x: 20, y: 10 }
    ];
    expect(nearestMarker(ms, 16, 11)).toBe(1);
    expect(nearestMarker(ms, 100, 100)).toBeNull();
  });
});
