/**
 * How presentation mode moves between slides: by key, and by a tap or swipe of a pointer. Pure,
 * so the audience window and the presenter view move alike.
 */

/** Where a key takes the show from slide `index` of `total` (0-based); 'leave' for Esc. */
export function keyMove(key: string, index: number, total: number): number | 'leave' | undefined {
  const last = total - 1;
  if (['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'n', 'N'].includes(key))
    return Math.min(index + 1, last);
  if (['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'b', 'B'].includes(key))
    return Math.max(index - 1, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  if (key === 'Escape') return 'leave';
  return undefined;
}

/** A pointer's press and release, in CSS pixels. */
export interface Gesture {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The width of the surface, to tell a tap on its left edge from one elsewhere. */
  width: number;
}

/** Shorter than this a move is a tap, however it wobbled. */
const TAP = 12;
/** Longer than this, and mostly sideways, a move is a swipe. */
const SWIPE = 48;

/**
 * What a gesture asks for: a swipe left (or a tap on the right three quarters) is the next slide,
 * a swipe right (or a tap on the left quarter) the one before; anything else nothing.
 */
export function gestureMove(g: Gesture): 'next' | 'back' | undefined {
  const dx = g.x1 - g.x0;
  const dy = g.y1 - g.y0;
  if (Math.abs(dx) >= SWIPE && Math.abs(dx) > 1.5 * Math.abs(dy)) return dx < 0 ? 'next' : 'back';
  if (Math.hypot(dx, dy) <= TAP) return g.x1 < g.width / 4 ? 'back' : 'next';
  return undefined;
}

/** "04:07", or "1:02:03" past the hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
