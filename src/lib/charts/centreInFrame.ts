/**
 * Scrolls the nearest sideways-scrolling frame around `target` so that the target sits in the
 * middle of it: a diagram that pans on a phone keeps its current state in view. Does nothing
 * where the frame fits its content (a laptop) or nothing matches.
 */
export function centreInFrame(root: HTMLElement | undefined, selector: string): void {
  const target = root?.querySelector(selector);
  if (!target) return;
  let frame = target.parentElement;
  while (frame && frame !== root?.parentElement) {
    if (
      frame.scrollWidth > frame.clientWidth + 1 &&
      getComputedStyle(frame).overflowX !== 'visible'
    )
      break;
    frame = frame.parentElement;
  }
  if (!frame || frame === root?.parentElement) return;
  const box = target.getBoundingClientRect();
  const view = frame.getBoundingClientRect();
  frame.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
}
