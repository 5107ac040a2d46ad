import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { publicationQuarter, rankScores, scoreAnalyst, scorecard } from './scorecard';

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

  it('scores an analyst only on the quarters the model reached through stated elements', () => {
    const s = scoreAnalyst(catalog, catalog.models.get('trenin-2020-guardrails')!)!;
    // On the observed drivers the model breaks into rupture with the war in 2022Q1: the rupture
    // state and the war transition are the model's readings, so those quarters are left out.
    const war = s.quarters.indexOf('2022Q1');
    expect(s.runB.states[war]).toBe('rupture');
    expect(s.runB.stated[war]).toBe(false);
    expect(s.runB.readings[war]!.map((r) => r.element)).toContain('state rupture');
    expect(s.runB.n).toBe(s.runB.stated.filter(Boolean).length);
    expect(s.runB.n).toBeLessThan(s.quarters.length);
    // The scores are computed over the stated quarters alone, by hand here.
    const kept = s.quarters.map((_, i) => i).filter((i) => s.runB.stated[i]);
    const gaps = kept.map((i) => Math.abs(s.runB.levels[i]! - s.observed[i]!));
    expect(s.runB.meanAbsoluteError).toBeCloseTo(gaps.reduce((a, b) => a + b, 0) / gaps.length, 12);
    expect(s.runB.withinOne).toBeCloseTo(gaps.filter((g) => g <= 1).length / gaps.length, 12);
    // The decomposition counts only quarters stated in both runs.
    const sum = Object.values(s.counts).reduce((a, b) => a + b, 0);
    expect(sum).toBe(s.verdictCounted.filter(Boolean).length);
    expect(s.verdictCounted.every((c, i) => c === (s.runA.stated[i]! && s.runB.stated[i]!))).toBe(
      true
    );
  });

  it('ranks by the ranked probability score and marks too few quarters', () => {
    const ranked = rankScores(scorecard(catalog));
    const placed = ranked.filter((s) => s.ranked);
    for (let i = 1; i < placed.length; i++) {
      expect(placed[i]!.runA.rps!).toBeGreaterThanOrEqual(placed[i - 1]!.runA.rps!);
    }
    // The 2025 forecasts have three quarters of record: too few to rank, listed last.
    const notte = ranked.find((s) => s.scenario === 'notte-2025-reset')!;
    expect(notte.ranked).toBe(false);
    expect(ranked.indexOf(notte)).toBeGreaterThanOrEqual(placed.length);
    for (const s of ranked) expect(s.ranked).toBe(s.runA.n >= 8);
  });

  it('gives a Brier score only to probabilistic models', () => {
    const all = scorecard(catalog);
    expect(all.map((s) => s.scenario).sort()).toEqual(catalog.scenarios.map((s) => s.id).sort());
    for (const s of all) {
      expect(s.runA.brier === undefined).toBe(!s.probabilistic || s.runA.n === 0);
      if (s.runA.brier !== undefined) {
        expect(s.runA.brier).toBeGreaterThanOrEqual(0);
        expect(s.runA.brier).toBeLessThanOrEqual(2);
      }
    }
  });
});
