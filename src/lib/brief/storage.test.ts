import { describe, expect, it } from 'vitest';
import { addSlide, emptyDeck, type Deck } from './deck';
import { serializeDeck } from './deckFile';
import { DECK_STORAGE_KEY, loadDeck, saveDeck, STORAGE_FULL, STORAGE_UNAVAILABLE } from './storage';
import { MemoryStorage } from '../testing/memoryStorage';

const deck: Deck = addSlide(emptyDeck(), {
  id: 'a',
  view: 'scorecard-table',
  query: '?a=notte',
  title: 'How they scored',
  notes: 'Lead with this.',
  sources: [{ ref: 'notte-2025', para: 4 }],
  addedAt: '2026-02-01T09:30:00.000Z'
});

const now = new Date('2026-03-04T05:06:07.089Z');
const corruptKey = 'crosswinds.deck.corrupt-2026-03-04T05:06:07.089Z';

describe('saveDeck and loadDeck', () => {
  it('bring back the same brief on the next visit', () => {
    const storage = new MemoryStorage();
    expect(saveDeck(storage, deck)).toEqual({ ok: true });
    expect(storage.items.get(DECK_STORAGE_KEY)).toBe(serializeDeck(deck));
    expect(loadDeck(storage)).toStrictEqual({ deck });
  });

  it('start with an empty brief and no notice on a first visit', () => {
    expect(loadDeck(new MemoryStorage())).toStrictEqual({ deck: emptyDeck() });
  });
});

describe('loadDeck', () => {
  it.each([
    { name: 'no storage at all', storage: null },
    { name: 'storage that refuses to be read', storage: new MemoryStorage('getItem-throws') }
  ])('with $name gives an empty brief and says changes will be lost', ({ storage }) => {
    expect(loadDeck(storage)).toStrictEqual({ deck: emptyDeck(), notice: STORAGE_UNAVAILABLE });
    expect(STORAGE_UNAVAILABLE).toMatch(/will be lost when you close the tab/);
  });

  it('keeps an unreadable saved brief under a corrupt- key and says what was wrong', () => {
    const storage = new MemoryStorage();
    storage.items.set(DECK_STORAGE_KEY, '{"version": 1, "title": "Half a fi');
    const { deck: loaded, notice } = loadDeck(storage, now);
    expect(loaded).toStrictEqual(emptyDeck());
    expect(storage.items.get(corruptKey)).toBe('{"version": 1, "title": "Half a fi');
    expect(notice).toContain('not valid JSON');
    expect(notice).toContain(`under the key "${corruptKey}"`);
  });

  it('names the broken field of a saved brief that fails the schema', () => {
    const storage = new MemoryStorage();
    const broken = serializeDeck(deck).replace('"scorecard-table"', '"scorecard"');
    storage.items.set(DECK_STORAGE_KEY, broken);
    const { notice } = loadDeck(storage, now);
    expect(notice).toContain('slides[0].view: expected one of');
    expect(storage.items.get(corruptKey)).toBe(broken);
  });

  it('keeps a brief saved by a newer Crosswinds rather than overwrite it unseen', () => {
    const storage = new MemoryStorage();
    const newer = serializeDeck(deck).replace('"version": 1', '"version": 2');
    storage.items.set(DECK_STORAGE_KEY, newer);
    const { notice } = loadDeck(storage, now);
    expect(notice).toContain('newer version of Crosswinds (version 2)');
    expect(storage.items.get(corruptKey)).toBe(newer);
  });

  it('keeps one copy of an unreadable brief however often it is read', () => {
    const storage = new MemoryStorage();
    storage.items.set(DECK_STORAGE_KEY, 'not json');
    loadDeck(storage, now);
    const { notice } = loadDeck(storage, new Date('2026-03-01T00:00:00.000Z'));
    expect([...storage.items.keys()]).toEqual([DECK_STORAGE_KEY, corruptKey]);
    expect(notice).toContain(`under the key "${corruptKey}"`);
  });

  it('says so when the unreadable brief could not be copied aside', () => {
    const storage = new MemoryStorage();
    storage.items.set(DECK_STORAGE_KEY, 'not json');
    storage.mode = 'quota';
    const { deck: loaded, notice } = loadDeck(storage, now);
    expect(loaded).toStrictEqual(emptyDeck());
    expect(notice).toContain('could not keep a copy of it (QuotaExceededError');
    expect(notice).toContain('the next change to the brief will replace it');
    expect(storage.items.has(corruptKey)).toBe(false);
  });
});

describe('saveDeck', () => {
  it.each([
    { name: 'QuotaExceededError', mode: 'quota' as const },
    { name: 'a QuotaExceededError without a code', mode: 'quota-name-only' as const },
    { name: "Firefox's code 1014", mode: 'firefox-quota' as const }
  ])('reports full storage ($name) and suggests exporting', ({ mode }) => {
    const storage = new MemoryStorage();
    saveDeck(storage, emptyDeck());
    storage.mode = mode;
    expect(saveDeck(storage, deck)).toEqual({ ok: false, message: STORAGE_FULL });
    expect(STORAGE_FULL).toContain('Export the deck as a file');
    // The last good save is still there: a failed save must not leave half a file.
    expect(storage.items.get(DECK_STORAGE_KEY)).toBe(serializeDeck(emptyDeck()));
  });

  it('reports other failures with their cause, without throwing', () => {
    const result = saveDeck(new MemoryStorage('setItem-fails'), deck);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^The browser would not save the brief \(TypeError: storage went away\).*Export the deck/
    );
  });

  it('reports missing storage', () => {
    expect(saveDeck(null, deck)).toEqual({ ok: false, message: STORAGE_UNAVAILABLE });
  });
});
