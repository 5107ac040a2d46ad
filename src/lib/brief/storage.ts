/**
 * Keeps the brief in the browser between visits. The value is the deck file itself (deckFile.ts),
 * which carries its own `version`, so the key needs none. Nothing here throws, and nothing the user
 * made is discarded without a word: an unreadable value is copied aside before it can be replaced.
 */
import { emptyDeck, type Deck } from './deck';
import { parseDeck, serializeDeck } from './deckFile';

export const DECK_STORAGE_KEY = 'crosswinds.deck';
/** Prefix of the keys that keep unreadable saved briefs; the ISO time of the finding follows. */
export const CORRUPT_KEY_PREFIX = `${DECK_STORAGE_KEY}.corrupt-`;

export const STORAGE_UNAVAILABLE =
  'Your browser is not letting Crosswinds store the brief; slides you add will be lost when you close the tab.';
export const STORAGE_FULL =
  "The browser's storage is full, so the last change to the brief was not saved. Export the deck as a file to keep it.";

function describeError(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    return [name, message].filter((part) => typeof part === 'string' && part).join(': ');
  }
  return String(e);
}

/** Chrome and Safari say QuotaExceededError (legacy code 22); older Firefox code 1014. */
function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

/** The key of an earlier copy of `text` kept aside, if there is one. */
function keptCopyOf(storage: Storage, text: string): string | undefined {
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(CORRUPT_KEY_PREFIX) && storage.getItem(key) === text) return key;
  }
  return undefined;
}

/**
 * Reads the saved brief. Never throws. No storage, or storage that refuses to be read: an empty
 * deck and a notice that changes will not be kept. A saved value that does not parse: it is
 * copied to `crosswinds.deck.corrupt-<ISO time>`, and the notice says what was wrong and where the
 * copy is (or that no copy could be made), with an empty deck to carry on.
 */
export function loadDeck(
  storage: Storage | null,
  now = new Date()
): { deck: Deck; notice?: string } {
  if (!storage) return { deck: emptyDeck(), notice: STORAGE_UNAVAILABLE };
  let text: string | null;
  try {
    text = storage.getItem(DECK_STORAGE_KEY);
  } catch {
    return { deck: emptyDeck(), notice: STORAGE_UNAVAILABLE };
  }
  if (text === null) return { deck: emptyDeck() };
  const parsed = parseDeck(text, 'the saved brief');
  if (parsed.ok) return { deck: parsed.deck };

  let kept: string;
  try {
    // Every page load reads the brief again until a change replaces it: keep one copy, not one a load.
    const key = keptCopyOf(storage, text) ?? `${CORRUPT_KEY_PREFIX}${now.toISOString()}`;
    storage.setItem(key, text);
    kept = `The unreadable copy was kept in this browser's storage under the key "${key}".`;
  } catch (e) {
    kept =
      `Crosswinds could not keep a copy of it (${describeError(e)}), ` +
      'so the next change to the brief will replace it.';
  }
  return {
    deck: emptyDeck(),
    notice: `The brief saved in this browser could not be read, so Crosswinds started an empty one.\n${parsed.error}\n${kept}`
  };
}

/** Saves the brief. Never throws; on failure the message says, in plain words, what to do. */
export function saveDeck(
  storage: Storage | null,
  deck: Deck
): { ok: true } | { ok: false; message: string } {
  if (!storage) return { ok: false, message: STORAGE_UNAVAILABLE };
  try {
    storage.setItem(DECK_STORAGE_KEY, serializeDeck(deck));
    return { ok: true };
  } catch (e) {
    if (isQuotaError(e)) return { ok: false, message: STORAGE_FULL };
    return {
      ok: false,
      message: `The browser would not save the brief (${describeError(e)}), so the last change was not saved. Export the deck as a file to keep it.`
    };
  }
}
