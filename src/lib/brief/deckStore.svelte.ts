/**
 * The brief as live state shared by every page: loaded from the browser's storage once, saved
 * after every change. A failed save keeps the change in memory and says so; nothing is dropped.
 */
import { emptyDeck, type Deck } from './deck';
import { DECK_STORAGE_KEY, loadDeck, saveDeck } from './storage';

/** localStorage, or null where merely touching it throws (storage blocked by the browser). */
function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

class DeckStore {
  deck = $state<Deck>(emptyDeck());
  /** A storage problem in words, shown until the next successful save. */
  notice = $state<string | null>(null);
  loaded = $state(false);

  /** Reads the saved brief once per page load; later calls do nothing. */
  load() {
    if (this.loaded || typeof window === 'undefined') return;
    const { deck, notice } = loadDeck(browserStorage());
    this.deck = deck;
    this.notice = notice ?? null;
    this.loaded = true;
    // Another tab changed the brief: show its version rather than overwrite it later.
    window.addEventListener('storage', (event) => {
      if (event.key !== DECK_STORAGE_KEY) return;
      const reread = loadDeck(browserStorage());
      this.deck = reread.deck;
      if (reread.notice) this.notice = reread.notice;
    });
  }

  /** Applies a change and saves it; false (with `notice` set) when the save failed. */
  apply(change: (deck: Deck) => Deck): boolean {
    this.load();
    const next = change(this.deck);
    if (next === this.deck) return true;
    this.deck = next;
    const saved = saveDeck(browserStorage(), next);
    this.notice = saved.ok ? null : saved.message;
    return saved.ok;
  }
}

export const deckStore = new DeckStore();
