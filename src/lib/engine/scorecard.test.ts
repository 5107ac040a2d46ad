import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { publicationQuarter, scoreAnalyst, scorecard } from './scorecard';

const catalog = realCatalog();

describe('publicationQuarter', () => {
  it('places a dated article in its quarter, and a year-only one at the forecast start', () => {
    expect(publicationQuarter('2021-04-06', '2021Q2')).toBe('2021Q2');
    expect(publicationQuarter('2020-04', '2020Q2')).toBe('2020Q2');
    expect(publicationQuarter('2025', '2025Q2')).toBe('2025Q2');
  });
});

describe('scoreAnalyst', () => {
  it('scores from the quarter after publication to the last observed quarter', () => {
    const s = scoreAnalyst(catalog, catalog.models.get('yusui-2021-stalemate')!)!;
    expect(s.from).toBe('2021Q3');
    expect(s.to).toBe(catalog.history.quarters.at(-1)!.quarter);
    expect(s.quarters[0]).toBe('2021Q3');
    expect(s.observed.length).toBe(s.quarters.length);
  });

  it('scores the guardrails forecast: level -1 throughout on its own assumptions', () => {
    const s = scoreAnalyst(catalog, catalog.models.get('trenin-2020-guardrails')!)!;
    // Run A sits at -1 in every quarter, so its errors are just |−1 − observed|.
    expect(new Set(s.runA.levels)).toEqual(new Set([-1]));
    const gaps = s.observed.map((o) => Math.abs(-1 - o));
    expect(s.runA.meanAbsoluteError).toBeCloseTo(gaps.reduce((a, b) => a + b, 0) / gaps.length, 12);
    expect(s.runA.withinOne).toBeCloseTo(gaps.filter((g) => g <= 1).length / gaps.length, 12);
    // On the observed drivers it breaks into rupture with the war, so run B does better.
    expect(s.runB.meanAbsoluteError).toBeLessThan(s.runA.meanAbsoluteError);
    expect(s.counts['assumptions-missed']).toBeGreaterThan(0);
    const sum = Object.values(s.counts).reduce((a, b) => a + b, 0);
    expect(sum).toBe(s.quarters.length);
  });

  it('gives a Brier score only to probabilistic models', () => {
    const all = scorecard(catalog);
    expect(all.map((s) => s.scenario).sort()).toEqual(catalog.scenarios.map((s) => s.id).sort());
    for (const s of all) {
      expect(s.runA.brier === undefined).toBe(!s.probabilistic);
      if (s.runA.brier !== undefined) {
        expect(s.runA.brier).toBeGreaterThanOrEqual(0);
        expect(s.runA.brier).toBeLessThanOrEqual(2);
      }
    }
  });
});
