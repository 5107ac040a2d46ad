import { describe, expect, it } from 'vitest';
import { formatElapsed, gestureMove, keyMove } from './presentNav';

describe('keyMove', () => {
  it('moves forward and back within the deck, and jumps to its ends', () => {
    expect(keyMove('ArrowRight', 0, 5)).toBe(1);
    expect(keyMove(' ', 4, 5)).toBe(4);
    expect(keyMove('PageUp', 0, 5)).toBe(0);
    expect(keyMove('ArrowLeft', 3, 5)).toBe(2);
    expect(keyMove('End', 1, 5)).toBe(4);
    expect(keyMove('Home', 3, 5)).toBe(0);
    expect(keyMove('Escape', 3, 5)).toBe('leave');
    expect(keyMove('x', 3, 5)).toBeUndefined();
  });
});

describe('gestureMove', () => {
  const g = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1, width: 1000 });
  it('reads a sideways swipe as next (leftwards) or back (rightwards)', () => {
    expect(gestureMove(g(800, 400, 300, 420))).toBe('next');
    expect(gestureMove(g(300, 400, 800, 380))).toBe('back');
  });
  it('ignores a mostly vertical drag and a short wobble', () => {
    expect(gestureMove(g(500, 100, 560, 500))).toBeUndefined();
    expect(gestureMove(g(500, 500, 530, 500))).toBeUndefined();
  });
  it('reads a tap on the left quarter as back, elsewhere as next', () => {
    expect(gestureMove(g(100, 300, 102, 301))).toBe('back');
    expect(gestureMove(g(700, 300, 700, 300))).toBe('next');
  });
});

describe('formatElapsed', () => {
  it('gives minutes and seconds, and hours when there are any', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(247_900)).toBe('04:07');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
});
