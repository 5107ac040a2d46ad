import { describe, expect, it } from 'vitest';
import { LEVEL_COLOURS, analystStyle, analystStyles, levelTextColour } from './palette';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('level colours', () => {
  it.each([-3, -2, -1, 0, 1, 2, 3])('label text on level %i meets WCAG AA (4.5:1)', (level) => {
    expect(contrast(LEVEL_COLOURS[level]!, levelTextColour(level))).toBeGreaterThanOrEqual(4.5);
  });

  it('orders the fills from dark (hostile) to light and back, so greyscale still separates the ends', () => {
    expect(luminance(LEVEL_COLOURS[-3]!)).toBeLessThan(luminance(LEVEL_COLOURS[-1]!));
    expect(luminance(LEVEL_COLOURS[3]!)).toBeLessThan(luminance(LEVEL_COLOURS[1]!));
  });
});

describe('analyst styles by id', () => {
  const builtIn = [
    'kortunov-2025-thaw',
    'notte-2025-reset',
    'trenin-2020-common-threat',
    'trenin-2020-guardrails',
    'yusui-2021-stalemate'
  ];

  it('gives the built-in forecasts distinct solid colours', () => {
    const styles = builtIn.map(analystStyle);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(builtIn.length);
    expect(styles.every((s) => s.dash === undefined)).toBe(true);
  });

  it('depends on the id alone: the same style whatever else is loaded, in any order', () => {
    const ids = ['my-view-2026', 'lukyanov-2024-drift', 'example-review-2026'];
    const before = ids.map(analystStyle);
    // Nothing is cached by position: asking in another order, after other ids, changes nothing.
    [...ids].reverse().forEach(analystStyle);
    builtIn.forEach(analystStyle);
    expect(ids.map(analystStyle)).toEqual(before);
  });

  it('never gives another forecast a built-in forecast’s style', () => {
    const taken = new Set(builtIn.map((id) => JSON.stringify(analystStyle(id))));
    for (let i = 0; i < 500; i++) {
      expect(taken.has(JSON.stringify(analystStyle(`user-forecast-${i}`)))).toBe(false);
    }
  });

  it('spreads other ids over colours and line patterns beyond the palette’s six colours', () => {
    const styles = Array.from({ length: 200 }, (_, i) => analystStyle(`forecast-${i}`));
    const distinct = new Set(styles.map((s) => `${s.colour}/${s.dash ?? 'solid'}`));
    expect(distinct.size).toBeGreaterThan(12);
    expect(styles.some((s) => s.dash !== undefined)).toBe(true);
  });

  it('gives analysts loaded together different styles where their ids ask for the same slot', () => {
    // Find two ids the hash puts in one slot.
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const id = `view-${i}`;
      const key = JSON.stringify(analystStyle(id));
      if (seen.has(key)) pair = [seen.get(key)!, id];
      else seen.set(key, id);
    }
    // The id first in alphabetical order keeps its slot.
    const [first, second] = [...pair].sort() as [string, string];
    const styles = analystStyles([...builtIn, second, first]);
    expect(styles.get(first)).toEqual(analystStyle(first));
    expect(styles.get(second)).not.toEqual(analystStyle(second));
    const all = [...styles.values()].map((s) => JSON.stringify(s));
    expect(new Set(all).size).toBe(all.length);
    // Built-in forecasts never move, and an id alone keeps its own style.
    for (const id of builtIn) expect(styles.get(id)).toEqual(analystStyle(id));
    expect(analystStyles([...builtIn, second]).get(second)).toEqual(analystStyle(second));
  });

  it('keeps every style distinct while there are slots to go round', () => {
    const ids = [...builtIn, ...Array.from({ length: 19 }, (_, i) => `forecast-${i}`)];
    const all = [...analystStyles(ids).values()].map((s) => JSON.stringify(s));
    expect(new Set(all).size).toBe(24);
  });
});
