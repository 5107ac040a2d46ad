import { describe, expect, it } from 'vitest';
import { realCatalog } from '../engine/testCatalog';
import { slideCaveat } from '../brief/slideFace';
import { chanceText, changeText, coverageText, pathText, uncertainText } from './askText';
import type { SearchResult } from '../engine';

const catalog = realCatalog();

describe('the words of Ask the models', () => {
  it('names a change by its driver, level and start', () => {
    expect(
      changeText(
        { driver: 'sanctions', level: 'easing', from: '2027Q1', distance: 1, text: '' },
        catalog.vocabulary
      )
    ).toBe('Sanctions: easing from 2027Q1');
  });

  it('keeps only the quarters a path enters a new state', () => {
    const path = [
      { quarter: '2026Q1', state: 'a', level: -1, probability: 1 },
      { quarter: '2026Q2', state: 'a', level: -1, probability: 1 },
      { quarter: '2026Q3', state: 'b', level: 1, probability: 0.6 }
    ];
    expect(pathText(path, (s) => s.toUpperCase())).toBe('A (−1) 2026Q1 → B (+1) 2026Q3');
  });

  it('says certain only for a probability of one', () => {
    expect(chanceText(1)).toBe('certain');
    expect(chanceText(0.425)).toBe('43%');
  });

  it('says whether a search looked everywhere, and which bound stopped it', () => {
    const base = { evaluations: 1200, alternatives: [] } as unknown as SearchResult;
    expect(coverageText({ ...base, exhaustive: true })).toMatch(
      /^The search was exhaustive: 1,200/
    );
    expect(
      coverageText({ ...base, exhaustive: false, bound: { kind: 'maxChanges', value: 3 } })
    ).toMatch(/changes of at most 3 drivers.*a larger change may reach/);
  });

  it('gives odds as shares of their total, and marks a slide with them hypothetical', () => {
    const u = {
      driver: 'sanctions',
      from: '2027Q1',
      mode: 'held' as const,
      weights: [
        { level: 'steady', weight: 6 },
        { level: 'escalating', weight: 3 },
        { level: 'easing', weight: 1 }
      ]
    };
    expect(uncertainText(u, catalog.vocabulary)).toBe(
      'Sanctions from 2027Q1, held: steady 60%, escalating 30%, easing 10%'
    );
    const caveat = slideCaveat(
      catalog,
      'explore-timeline',
      '?u=sanctions.2027Q1.held.steady:6,escalating:3,easing:1'
    );
    expect(caveat).toContain('Hypothetical: Sanctions from 2027Q1, held');
  });
});
