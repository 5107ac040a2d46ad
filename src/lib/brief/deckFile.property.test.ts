/**
 * Property tests of deck import and of the brief kept in the browser: random files, a valid deck
 * mutated as data and as text, and random stored values in a store that may be full or broken.
 * Import never throws, names the file when it refuses, and reads back what it accepts; the saved
 * brief is never lost. Seeded: see src/lib/testing/property.ts to rerun a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../testing/property';
import { mutate, mutationArb } from '../testing/mutate';
import { MemoryStorage, type StorageMode } from '../testing/memoryStorage';
import { addSlide, emptyDeck, type Deck } from './deck';
import { MAX_DECK_CHARS, parseDeck, serializeDeck } from './deckFile';
import { CORRUPT_KEY_PREFIX, DECK_STORAGE_KEY, loadDeck, saveDeck } from './storage';

const slide = (id: string, title: string) => ({
  id,
  view: 'compare-crux' as const,
  query: '?q=2026Q1',
  title,
  notes: 'What the view shows.\nSources: Trenin 2020 ¶8',
  sources: [{ ref: 'trenin-2020-guardrails', para: 8 }],
  addedAt: '2026-01-15T10:00:00.000Z'
});
const SAVED: Deck = addSlide(addSlide(emptyDeck(), slide('a', 'Crux today')), slide('b', 'Again'));
const SAVED_TEXT = serializeDeck(SAVED);
const SAVED_DATA = JSON.parse(SAVED_TEXT) as unknown;

const keyArb = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('__proto__', 'constructor', 'version', 'title', 'slides', 'id', 'view', 'query')
);
const valueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    '',
    ' ',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    2,
    -0,
    1.5
  )
);
const anyValueArb = fc.anything({ key: keyArb, maxDepth: 3, withNullPrototype: true });

/** Deck files: random JSON, the saved deck mutated as data, or as text. */
const deckTextArb = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 40 }),
  anyValueArb.map((v) => JSON.stringify(v) ?? ''),
  fc
    .array(mutationArb(valueArb), { minLength: 1, maxLength: 4 })
    .map((ms) => JSON.stringify(mutate(SAVED_DATA, ms)) ?? ''),
  fc
    .array(
      fc.record({ at: fc.nat(), cut: fc.nat({ max: 8 }), insert: fc.string({ maxLength: 4 }) }),
      {
        minLength: 1,
        maxLength: 3
      }
    )
    .map((edits) =>
      edits.reduce((text, { at, cut, insert }) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      }, SAVED_TEXT)
    )
);

describe('deck import, property-based', () => {
  it('never throws; refuses with the file named, or accepts a deck that reads back the same', () => {
    checkProperty(
      fc.property(deckTextArb, (text) => {
        const result = parseDeck(text, 'import.json');
        if (result.ok) {
          const again = parseDeck(serializeDeck(result.deck), 'again.json');
          expect(again).toEqual({ ok: true, deck: result.deck });
        } else {
          expect(result.error).toMatch(/^import\.json: /);
          expect(result.error.split('\n').length).toBeLessThanOrEqual(6);
        }
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 4_000, file: import.meta.filename }
    );
  }, 60_000);

  it('refuses files nested or sized far past any deck, without running out of stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const nested = parseDeck(
      `{"version":1,"title":${deep},"subtitle":"","slides":[]}`,
      'deep.json'
    );
    expect(nested).toEqual({
      ok: false,
      error:
        'deep.json: not a Crosswinds deck (lists and objects at line 1 nest more than 16 levels deep)'
    });
    const huge = parseDeck(`{"title":"${'x'.repeat(MAX_DECK_CHARS)}"}`, 'huge.json');
    expect(huge).toEqual({
      ok: false,
      error: 'huge.json: too large to be a deck (10,000,012 characters; at most 10,000,000)'
    });
  });

  it('a failed import leaves the saved brief as it was; a good one is saved whole', () => {
    checkProperty(
      fc.property(deckTextArb, (text) => {
        const storage = new MemoryStorage();
        storage.setItem(DECK_STORAGE_KEY, SAVED_TEXT);
        // What "Import deck" does: parse, and only a deck that parsed replaces the brief.
        const parsed = parseDeck(text, 'import.json');
        if (parsed.ok) expect(saveDeck(storage, parsed.deck)).toEqual({ ok: true });
        expect(loadDeck(storage).deck).toEqual(parsed.ok ? parsed.deck : SAVED);
      }),
      { numRuns: 2_000, file: import.meta.filename }
    );
  }, 60_000);
});

describe('the brief kept in the browser, property-based', () => {
  const modes: StorageMode[] = ['ok', 'quota', 'setItem-fails', 'getItem-throws'];

  it('any stored value, in a store that may fail: never throws, and the value is never lost', () => {
    checkProperty(
      fc.property(
        fc.oneof(deckTextArb, fc.constant(SAVED_TEXT)),
        fc.constantFrom(...modes),
        (text, mode) => {
          const storage = new MemoryStorage();
          storage.setItem(DECK_STORAGE_KEY, text);
          storage.mode = mode;
          const { deck, notice } = loadDeck(storage, new Date('2026-02-01T00:00:00Z'));
          // The saved value itself is never removed or rewritten by reading it.
          expect(storage.items.get(DECK_STORAGE_KEY)).toBe(text);
          const parsed = parseDeck(text, 'the saved brief');
          if (mode === 'getItem-throws') {
            expect(deck).toEqual(emptyDeck());
            expect(notice).toMatch(/not letting Crosswinds store the brief/);
          } else if (parsed.ok) {
            expect({ deck, notice }).toEqual({ deck: parsed.deck });
          } else {
            const copies = [...storage.items].filter(([k]) => k.startsWith(CORRUPT_KEY_PREFIX));
            expect(deck).toEqual(emptyDeck());
            if (mode === 'ok') {
              // A byte-exact copy is kept aside, and the notice says where.
              expect(copies).toEqual([[`${CORRUPT_KEY_PREFIX}2026-02-01T00:00:00.000Z`, text]]);
              expect(notice).toContain(copies[0]![0]);
            } else {
              expect(copies).toEqual([]);
              expect(notice).toMatch(/could not keep a copy of it/);
            }
          }
        }
      ),
      { numRuns: 3_000, file: import.meta.filename }
    );
  }, 60_000);

  it('a save into a store that fails says so and leaves the last saved brief in place', () => {
    checkProperty(
      fc.property(
        fc.constantFrom(...modes.slice(1, 3)),
        fc.string({ minLength: 1, maxLength: 30 }),
        (mode, title) => {
          const storage = new MemoryStorage();
          storage.setItem(DECK_STORAGE_KEY, SAVED_TEXT);
          storage.mode = mode;
          const changed = addSlide(SAVED, slide('c', title.trim() || 'Untitled'));
          const saved = saveDeck(storage, changed);
          expect(saved.ok).toBe(false);
          if (!saved.ok) expect(saved.message).toMatch(/not saved/);
          expect(storage.items.get(DECK_STORAGE_KEY)).toBe(SAVED_TEXT);
        }
      ),
      { numRuns: 1_000, file: import.meta.filename }
    );
  }, 60_000);
});
