import { describe, expect, it } from 'vitest';
import { LEVEL_COLOURS, levelTextColour } from './palette';

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
