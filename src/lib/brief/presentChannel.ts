/**
 * Keeps the audience window and the presenter view on the same slide: each says where it went,
 * and a window that opens asks where the show is. Same-origin windows only (BroadcastChannel);
 * where the browser lacks it, each window still works alone.
 */
export type PresentMessage =
  | { type: 'goto'; index: number }
  /** A window that just opened asks the others for the current slide. */
  | { type: 'where' };

export interface PresentChannel {
  post(message: PresentMessage): void;
  close(): void;
}

const NAME = 'crosswinds-present';

export function openPresentChannel(onmessage: (message: PresentMessage) => void): PresentChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(NAME);
  channel.onmessage = (event: MessageEvent<PresentMessage>) => onmessage(event.data);
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close()
  };
}

/** Opens (or brings forward) the presenter view in its own window; false when a blocker refused. */
export function openPresenterWindow(href: string): boolean {
  const opened = window.open(href, 'crosswinds-presenter', 'popup,width=1280,height=800');
  opened?.focus();
  return opened !== null;
}
