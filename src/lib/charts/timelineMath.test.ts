import { describe, expect, it } from 'vitest';
import type { PathStep, TakenTransition } from '$lib/engine';
import { quarterRange } from '$lib/engine';
import { realCatalog } from '$lib/engine/testCatalog';
import { buildSchedule, runPath } from '$lib/engine';
import {
  columnCentre,
  formatLevel,
  LAYOUT,
  laneOffsets,
  linePath,
  quarterAt,
  timelineGeometry,
  xScale,
  yScale,
  type TimelineSeries
} from './timelineMath';
import { describeQuarter, formatProbability, readingsAt } from './timelineReadings';

const quarters = quarterRange('2020Q1', '2022Q4'); // 12 quarters
const levels = [
  { level: -3, label: 'Rupture' },
  { level: -2, label: 'Confrontation' },
  { level: -1, label: 'Guardrailed' },
  { level: 0, label: 'Transactional' },
  { level: 1, label: 'Thaw' },
  { level: 2, label: 'Détente' },
  { level: 3, label: 'Reset' }
];
const { left, right, top } = LAYOUT.margin;
const plotRight = LAYOUT.width - right;
const plotBottom = LAYOUT.height - LAYOUT.margin.bottom;

function taken(guardText: string): TakenTransition {
  return {
    id: 't',
    from: 'a',
    to: 'b',
    trigger: 'quarter',
    guardText,
    conditions: [],
    group: { kind: 'all', held: true, met: 0, items: [] },
    trace: {} as TakenTransition['trace'],
    source: { ref: 'x', para: 1, basis: 'stated', quote: 'q' }
  };
}

function step(
  quarter: string,
  level: number,
  opts: { label?: string; why?: string; levels?: Record<number, number> } = {}
): PathStep {
  return {
    quarter,
    state: opts.label ?? `s${level}`,
    label: opts.label ?? `State ${level}`,
    level,
    entered: !!opts.why,
    transitions: opts.why ? [taken(opts.why)] : [],
    distribution: {},
    levelDistribution: opts.levels ?? { [level]: 1 },
    readings: []
  };
}

/** The vertices of an SVG path made of M and L commands (d3 rounds them to 3 decimals). */
function vertices(path: string): Array<{ cmd: string; x: number; y: number }> {
  return [...path.matchAll(/([ML])\s*(-?[\d.e-]+)[ ,](-?[\d.e-]+)/g)].map((m) => ({
    cmd: m[1]!,
    x: Number(m[2]),
    y: Number(m[3])
  }));
}

// Starts in 2020Q3 (two quarters of gap), moves at 2021Q2, has a hole in 2022Q2.
const late: TimelineSeries = {
  id: 'late',
  label: 'Late starter',
  colour: '#0072B2',
  probabilistic: true,
  steps: [
    step('2020Q3', -1, { label: 'Standoff' }),
    step('2020Q4', -1, { label: 'Standoff', levels: { [-1]: 0.7, [-2]: 0.3 } }),
    step('2021Q1', -1, { label: 'Standoff', levels: { [-1]: 0.6, [-2]: 0.4 } }),
    step('2021Q2', -2, { label: 'Breakdown', why: 'sanctions at escalating' }),
    step('2021Q3', -2, { label: 'Breakdown' }),
    step('2021Q4', -2, { label: 'Breakdown' }),
    step('2022Q1', -2, { label: 'Breakdown' }),
    step('2022Q3', -2, { label: 'Breakdown' }),
    step('2022Q4', -2, { label: 'Breakdown' })
  ]
};
const steady: TimelineSeries = {
  id: 'steady',
  label: 'Steady',
  colour: '#E69F00',
  probabilistic: false,
  steps: quarters.map((q) => step(q, 1, { label: 'Thaw state' }))
};
const observed = quarterRange('2020Q1', '2021Q4').map((quarter, i) => ({
  quarter,
  level: i < 4 ? -1 : -3
}));
const input = { series: [late, steady], observed, quarters, observedThrough: '2021Q4', levels };

describe('xScale', () => {
  it('maps the first quarter to the left edge and the last quarter’s end to the right edge', () => {
    const x = xScale(quarters);
    expect(x('2020Q1')).toBe(left);
    expect(x('2022Q4')! + x.bandwidth()).toBeCloseTo(plotRight, 9);
    expect(x.bandwidth()).toBeCloseTo((plotRight - left) / quarters.length, 9);
  });

  it('places column centres in order, one bandwidth apart', () => {
    const x = xScale(quarters);
    const centres = quarters.map((q) => columnCentre(x, q)!);
    centres.slice(1).forEach((c, i) => expect(c - centres[i]!).toBeCloseTo(x.bandwidth(), 9));
    expect(columnCentre(x, '2031Q1')).toBeUndefined();
  });
});

describe('yScale', () => {
  it('maps the ends of the level domain to the bottom and top edges of the plot', () => {
    const y = yScale();
    expect(y(-3.5)).toBe(plotBottom);
    expect(y(3.5)).toBe(top);
    expect(y(-3)).toBeGreaterThan(y(3)); // −3 at the bottom
    expect(y(0)).toBeCloseTo((top + plotBottom) / 2, 9);
  });
});

describe('quarterAt', () => {
  it('inverts the band scale and clamps outside the plot', () => {
    const x = xScale(quarters);
    for (const q of quarters) expect(quarterAt(x, columnCentre(x, q)!)).toBe(q);
    expect(quarterAt(x, 0)).toBe('2020Q1');
    expect(quarterAt(x, LAYOUT.width)).toBe('2022Q4');
    expect(quarterAt(xScale([]), 300)).toBeUndefined();
  });
});

describe('laneOffsets', () => {
  it('centres the lanes on the row and keeps them apart', () => {
    const offsets = laneOffsets(4, 40);
    expect(offsets.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    expect(offsets[1]! - offsets[0]!).toBeGreaterThan(0);
    expect(laneOffsets(1, 40)).toEqual([0]);
  });
});

describe('linePath', () => {
  it('returns an empty path for no points', () => {
    expect(linePath([], xScale(quarters))).toBe('');
  });
});

describe('timelineGeometry', () => {
  const g = timelineGeometry(input);
  const byId = new Map(g.series.map((s) => [s.id, s]));

  it('puts the observed line first, then the forecasts in order', () => {
    expect(g.series.map((s) => s.id)).toEqual(['observed', 'late', 'steady']);
    expect(byId.get('observed')!.kind).toBe('observed');
  });

  it('draws each quarter with data as one run across its column (two vertices a quarter)', () => {
    const s = byId.get('steady')!;
    const v = vertices(s.path);
    expect(v).toHaveLength(2 * quarters.length);
    expect(v.filter((p) => p.cmd === 'M')).toHaveLength(1);
    quarters.forEach((q, i) => {
      expect(v[2 * i]!.x).toBeCloseTo(g.x(q)!, 2);
      expect(v[2 * i + 1]!.x).toBeCloseTo(g.x(q)! + g.x.bandwidth(), 2);
      expect(v[2 * i]!.y).toBeCloseTo(s.points[i]!.y, 2);
    });
    expect(s.points).toHaveLength(quarters.length);
  });

  it('draws nothing before a series starts and breaks the line at a hole', () => {
    const s = byId.get('late')!;
    const v = vertices(s.path);
    expect(v).toHaveLength(2 * late.steps.length);
    expect(v[0]).toMatchObject({ cmd: 'M' });
    expect(v[0]!.x).toBeCloseTo(g.x('2020Q3')!, 2); // not 2020Q1
    expect(Math.min(...v.map((p) => p.x))).toBeCloseTo(g.x('2020Q3')!, 2);
    // The hole at 2022Q2 starts a new subpath at 2022Q3.
    const moves = v.filter((p) => p.cmd === 'M');
    expect(moves).toHaveLength(2);
    expect(moves[1]!.x).toBeCloseTo(g.x('2022Q3')!, 2);
    expect(s.points.map((p) => p.quarter)).not.toContain('2020Q1');
  });

  it('places a point at its level’s row, in the series’ own lane', () => {
    const late2 = byId.get('late')!.points.find((p) => p.quarter === '2021Q2')!;
    expect(late2.level).toBe(-2);
    expect(Math.abs(late2.y - g.y(-2))).toBeLessThan(g.rowHeight / 2);
    const obs = byId.get('observed')!.points[0]!;
    expect(obs.y).not.toBeCloseTo(byId.get('late')!.points[0]!.y, 3); // same level, other lane
  });

  it('gives a band cell per quarter and level whose opacity is that level’s probability', () => {
    const bands = byId.get('late')!.bands;
    const cell = (q: string, l: number) => bands.find((b) => b.quarter === q && b.level === l);
    expect(cell('2020Q4', -1)!.opacity).toBe(0.7);
    expect(cell('2020Q4', -2)!.opacity).toBe(0.3);
    expect(cell('2021Q1', -2)!.opacity).toBe(0.4);
    expect(cell('2020Q3', -1)!.opacity).toBe(1);
    expect(cell('2020Q3', -2)).toBeUndefined(); // probability 0: no cell
    for (const b of bands) {
      const step = late.steps.find((s) => s.quarter === b.quarter)!;
      expect(b.opacity).toBe(step.levelDistribution[b.level]);
      expect(b.x).toBe(g.x(b.quarter));
      expect(b.width).toBe(g.x.bandwidth());
      expect(b.y).toBeGreaterThanOrEqual(g.levels.find((l) => l.level === b.level)!.top);
      expect(b.y + b.height).toBeLessThanOrEqual(g.levels.find((l) => l.level === b.level)!.bottom);
    }
    expect(bands.some((b) => b.quarter < '2020Q3')).toBe(false);
  });

  it('draws no bands for a series that is not probabilistic', () => {
    expect(byId.get('steady')!.bands).toEqual([]);
  });

  it('marks where a series entered a new state, on the step at the column’s left edge', () => {
    const entries = byId.get('late')!.entries;
    expect(entries.map((e) => e.quarter)).toEqual(['2021Q2']);
    expect(entries[0]!.x).toBeCloseTo(g.x('2021Q2')!, 2);
  });

  it('puts the boundary after the last observed quarter, or nowhere outside the domain', () => {
    expect(g.boundaryX).toBeCloseTo(g.x('2021Q4')! + g.x.bandwidth(), 9);
    expect(g.boundaryX).toBeCloseTo(g.x('2022Q1')!, 9);
    expect(timelineGeometry({ ...input, observedThrough: '2022Q4' }).boundaryX).toBeNull();
    expect(timelineGeometry({ ...input, observedThrough: '2019Q4' }).boundaryX).toBeNull();
  });

  it('ticks every year at its first quarter and labels it mid-year', () => {
    expect(g.years.map((y) => y.year)).toEqual(['2020', '2021', '2022']);
    expect(g.years[0]!.x).toBe(left);
    expect(g.years[1]!.labelX).toBeCloseTo(g.x('2021Q2')! + g.x.bandwidth(), 2);
  });

  it('names the seven levels from the scale, −3 at the bottom', () => {
    expect(g.levels.map((l) => l.label)).toEqual(levels.map((l) => l.label));
    expect(g.levels[0]!.bottom).toBe(plotBottom);
    expect(g.levels[6]!.top).toBe(top);
  });
});

describe('readingsAt', () => {
  it('reads every series at a quarter, with the transition that led there', () => {
    const [obs, l, s] = readingsAt(input, '2021Q3');
    expect(obs).toMatchObject({ kind: 'observed', level: -3, levelName: 'Rupture' });
    expect(l).toMatchObject({
      level: -2,
      levelName: 'Confrontation',
      state: 'Breakdown',
      probability: 1,
      changed: false,
      because: { quarter: '2021Q2', guardText: 'sanctions at escalating' }
    });
    expect(s).toMatchObject({ level: 1, state: 'Thaw state', changed: false });
    expect(s!.probability).toBeUndefined();
    expect(s!.because).toBeUndefined();
    expect(readingsAt(input, '2021Q2')[1]).toMatchObject({ changed: true });
  });

  it('says when a series has not started and when the record has ended', () => {
    const [obs, l] = readingsAt(input, '2020Q1');
    expect(obs!.level).toBe(-1);
    expect(l!.level).toBeUndefined();
    expect(l!.startsAt).toBe('2020Q3');
    expect(readingsAt(input, '2022Q4')[0]!.level).toBeUndefined();
  });
});

describe('describeQuarter', () => {
  it('reads a quarter as sentences, with chances and moves', () => {
    expect(describeQuarter('2020Q4', readingsAt(input, '2020Q4'))).toBe(
      '2020Q4. Observed: Guardrailed, level −1. Late starter: Standoff, Guardrailed, level −1, 70%. Steady: Thaw state, Thaw, level +1.'
    );
    expect(describeQuarter('2020Q1', readingsAt(input, '2020Q1'))).toContain(
      'Late starter: not started (starts 2020Q3)'
    );
    expect(describeQuarter('2021Q2', readingsAt(input, '2021Q2'))).toContain(
      'moved because sanctions at escalating'
    );
  });
});

describe('formatting', () => {
  it.each([
    [3, '+3'],
    [0, '0'],
    [-2, '−2']
  ])('formatLevel(%d) is %s', (level, text) => expect(formatLevel(level)).toBe(text));

  it.each([
    [0.834, '83%'],
    [0.001, '<1%'],
    [0.999, '>99%'],
    [1, '100%'],
    [0, '0%']
  ])('formatProbability(%d) is %s', (p, text) => expect(formatProbability(p)).toBe(text));
});

describe('timelineGeometry on the real catalog', () => {
  it('draws every analyst under the observed drivers, each from its own start', () => {
    const catalog = realCatalog();
    const schedule = buildSchedule(catalog, { kind: 'observed' });
    const all = quarterRange('2020Q1', '2030Q4');
    const series = [...catalog.models.values()].map((m, i) => {
      const path = runPath(m, schedule);
      return {
        id: m.scenario.id,
        label: m.scenario.id,
        colour: `#00000${i}`,
        steps: path.steps,
        probabilistic: path.probabilistic
      };
    });
    const g = timelineGeometry({
      series,
      observed: catalog.history.quarters,
      quarters: all,
      observedThrough: catalog.history.quarters.at(-1)!.quarter,
      levels: catalog.scale.levels
    });
    expect(g.series).toHaveLength(1 + series.length);
    for (const s of series) {
      const placed = g.series.find((p) => p.id === s.id)!;
      expect(vertices(placed.path)).toHaveLength(2 * s.steps.length);
      expect(vertices(placed.path)[0]!.x).toBeCloseTo(g.x(s.steps[0]!.quarter)!, 2);
      if (s.probabilistic) {
        // Each quarter's cells add up to certainty.
        const total = placed.bands
          .filter((b) => b.quarter === '2030Q4')
          .reduce((a, b) => a + b.opacity, 0);
        expect(total).toBeCloseTo(1, 6);
      } else expect(placed.bands).toEqual([]);
    }
    expect(g.boundaryX).toBeCloseTo(g.x('2026Q2')!, 9);
  });
});
