/**
 * The brief as live state shared by every page: loaded from the browser's storage once, saved
 * after every change. A failed save keeps the change in memory and says so; nothing is dropped.
 *
 * Reading the saved brief validates it with the deck file's zod schema, so the storage module is
 * loaded on first use (a page showing the brief, or "Add to brief" opened), not with every page.
 */
import { emptyDeck, type Deck } from './deck';

type StorageModule = typeof import('./storage');

/** localStorage, or null where merely touching it throws (storage blocked by the browser). */
function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export const BRIEF_NOT_LOADED = 'The brief is still loading; try again in a moment.';

class DeckStore {
  deck = $state<Deck>(emptyDeck());
  /** A storage problem in words, shown until the next successful save. */
  notice = $state<string | null>(null);
  loaded = $state(false);
  #storage: StorageModule | undefined;
  #loading: Promise<void> | undefined;

  /** Reads the saved brief once per page load; later calls return the same promise. */
  load(): Promise<void> {
    if (typeof window === 'undefined') return Promise.resolve();
    this.#loading ??= import('./storage').then((storage) => {
      this.#storage = storage;
      const { deck, notice } = storage.loadDeck(browserStorage());
      this.deck = deck;
      this.notice = notice ?? null;
      this.loaded = true;
      // Another tab changed the brief: show its version rather than overwrite it later.
      window.addEventListener('storage', (event) => {
        if (event.key !== storage.DECK_STORAGE_KEY) return;
        const reread = storage.loadDeck(browserStorage());
        this.deck = reread.deck;
        if (reread.notice) this.notice = reread.notice;
      });
    });
    return this.#loading;
  }

  /**
   * Applies a change and saves it; false (with `notice` set) when the save failed. Callers wait
   * for load() first: a change made before the saved brief is read would replace it.
   */
  apply(change: (deck: Deck) => Deck): boolean {
    const storage = this.#storage;
    if (!storage) {
      this.notice = BRIEF_NOT_LOADED;
      void this.load();
      return false;
    }
    const next = change(this.deck);
    if (next === this.deck) return true;
    this.deck = next;
    const saved = storage.saveDeck(browserStorage(), next);
    this.notice = saved.ok ? null : saved.message;
    return saved.ok;
  }
}

export const deckStore = new DeckStore();
