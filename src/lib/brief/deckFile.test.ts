import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addSlide,
  emptyDeck,
  setDeckTitle,
  SLIDE_VIEWS,
  type Deck,
  type Slide,
  type SlideSource
} from './deck';
import { migrate, parseDeck, serializeDeck } from './deckFile';

const sample: Deck = addSlide(
  addSlide(setDeckTitle(emptyDeck(), 'Q3 brief', 'For the desk'), {
    id: 'a',
    view: 'explore-timeline',
    query: '?p=notte-2025-reset',
    title: 'Where the reset leads',
    notes: 'Say why.\n',
    sources: [{ ref: 'notte-2025', para: 3 }],
    addedAt: '2026-01-15T10:00:00.000Z'
  }),
  {
    id: 'b',
    view: 'compare-crux',
    query: '',
    title: 'The crux',
    notes: '',
    sources: [],
    addedAt: '2026-01-15T10:05:00.000Z'
  }
);

/** The sample's JSON with one change applied, as a broken file a user might bring. */
function edited(
  change: (file: Record<string, unknown> & { slides: Record<string, unknown>[] }) => void
) {
  const file = JSON.parse(serializeDeck(sample));
  change(file);
  return JSON.stringify(file);
}

function errorOf(text: string, fileName = 'deck.json'): string {
  const result = parseDeck(text, fileName);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.error;
}

describe('serializeDeck', () => {
  it('writes pretty JSON with 2 spaces, fixed key order and a trailing newline', () => {
    const text = serializeDeck(sample);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "version": 1,\n  "title": "Q3 brief",')).toBe(true);
    expect(text).toContain('\n      "id": "a",\n      "view": "explore-timeline",');
  });

  it('leaves out stray properties so the file stays importable', () => {
    const withExtra = { ...sample, selected: 'a' } as Deck;
    const result = parseDeck(serializeDeck(withExtra), 'deck.json');
    expect(result).toEqual({ ok: true, deck: sample });
  });
});

describe('parseDeck', () => {
  it('reads back exactly what serializeDeck wrote', () => {
    expect(parseDeck(serializeDeck(sample), 'deck.json')).toStrictEqual({ ok: true, deck: sample });
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseDeck(`\uFEFF${serializeDeck(sample)}`, 'deck.json').ok).toBe(true);
  });

  it('names the file and says the JSON is broken', () => {
    expect(errorOf('{"version": 1, oops}')).toMatch(/^deck\.json: not valid JSON \(.+\)$/);
    expect(errorOf('   ', 'brief.json')).toBe('brief.json: the file is empty');
  });

  it('says when the JSON is not a deck at all', () => {
    expect(errorOf('[1, 2]')).toMatch(/^deck\.json: not a Crosswinds deck/);
    expect(errorOf('{"preset": "observed"}')).toMatch(/^deck\.json: not a Crosswinds deck/);
  });

  it.each([
    {
      name: 'an unknown view',
      change: (f: { slides: Record<string, unknown>[] }) => (f.slides[1]!.view = 'crux'),
      line: 'deck.json: slides[1].view: expected one of explore-timeline, explore-diagram,'
    },
    {
      name: 'a paragraph of 0',
      change: (f: { slides: Record<string, unknown>[] }) =>
        (f.slides[0]!.sources = [{ ref: 'notte-2025', para: 0 }]),
      line: 'deck.json: slides[0].sources[0].para: expected a paragraph number of 1 or more'
    },
    {
      name: 'a query without "?"',
      change: (f: { slides: Record<string, unknown>[] }) => (f.slides[0]!.query = 'p=x'),
      line: 'deck.json: slides[0].query: expected a query that is empty or starts with "?"'
    },
    {
      name: 'a blank title',
      change: (f: { slides: Record<string, unknown>[] }) => (f.slides[1]!.title = '   '),
      line: 'deck.json: slides[1].title: expected a non-empty title'
    },
    {
      name: 'a missing id',
      change: (f: { slides: Record<string, unknown>[] }) => delete f.slides[0]!.id,
      line: 'deck.json: slides[0].id: missing; expected string'
    },
    {
      name: 'a repeated id',
      change: (f: { slides: Record<string, unknown>[] }) => (f.slides[1]!.id = 'a'),
      line: 'deck.json: slides[1].id: expected an id no other slide has; slides[0] already uses "a"'
    },
    {
      name: 'an unknown key',
      change: (f: { slides: Record<string, unknown>[] }) => (f.slides[0]!.colour = 'red'),
      line: 'deck.json: slides[0]: unknown key "colour"'
    },
    {
      name: 'a date that is not a date-time',
      change: (f: { slides: Record<string, unknown>[] }) => (f.slides[0]!.addedAt = 'yesterday'),
      line: 'deck.json: slides[0].addedAt: expected an ISO date-time like 2026-01-15T10:00:00.000Z'
    },
    {
      name: 'an old-style version number',
      change: (f: Record<string, unknown>) => (f.version = 0),
      line: 'deck.json: version: expected one of 1; got 0'
    }
  ])('rejects $name, naming the file and the path', ({ change, line }) => {
    const error = errorOf(edited(change as (f: object) => void));
    expect(error.split('\n')[0]).toContain(line);
  });

  it('lists at most five problems, then how many more', () => {
    const error = errorOf(
      edited((f) => {
        f.slides = Array.from({ length: 8 }, (_, i) => ({ ...f.slides[0], id: '', title: `${i}` }));
      })
    );
    const lines = error.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.slice(0, 5).every((l) => /^deck\.json: slides\[\d\]\.id: /.test(l))).toBe(true);
    expect(lines[5]).toBe('and 3 more problems');
  });

  it('says "problem" for one more', () => {
    const error = errorOf(
      edited((f) => {
        f.slides = Array.from({ length: 6 }, () => ({ ...f.slides[0], id: '' }));
      })
    );
    expect(error.split('\n').at(-1)).toBe('and 1 more problem');
  });

  it('rejects more than 200 slides', () => {
    const error = errorOf(
      edited((f) => {
        f.slides = Array.from({ length: 201 }, (_, i) => ({ ...f.slides[0], id: `s${i}` }));
      })
    );
    expect(error).toBe('deck.json: slides: expected at most 200 slides');
  });

  it('says clearly when a newer Crosswinds made the file', () => {
    const error = errorOf(edited((f) => (f.version = 3)));
    expect(error).toContain(
      'deck.json: made by a newer version of Crosswinds (version 3); this version reads version 1'
    );
  });

  it('leaves the current deck untouched when an import fails', () => {
    const current = sample;
    const before = structuredClone(current);
    const result = parseDeck(
      edited((f) => (f.slides[0]!.view = 'nope')),
      'deck.json'
    );
    expect(result.ok).toBe(false);
    expect(current).toStrictEqual(before);
  });

  it('returns a new deck, never the caller’s objects', () => {
    const result = parseDeck(serializeDeck(sample), 'deck.json');
    expect(result.ok && result.deck).not.toBe(sample);
    expect(result.ok && result.deck.slides[0]).not.toBe(sample.slides[0]);
  });
});

describe('migrate', () => {
  it('passes a current file through unchanged', () => {
    const raw = JSON.parse(serializeDeck(sample));
    expect(migrate(raw)).toEqual(raw);
  });
});

// Titles are trimmed on read; the deck operations keep them trimmed, so only such titles occur.
const trimmedText = (min: number, max: number) =>
  fc
    .string({ unit: 'binary', minLength: min, maxLength: max })
    .filter((s) => s.trim() === s && s.length >= min && s.length <= max);

// A parsed deck is made of plain objects; null-prototype records would differ under toStrictEqual.
const plain = { noNullPrototype: true };

const sourceArb: fc.Arbitrary<SlideSource> = fc.record(
  {
    ref: fc.string({ minLength: 1, maxLength: 30 }),
    para: fc.integer({ min: 1, max: 10_000 })
  },
  plain
);

const slideArb: fc.Arbitrary<Slide> = fc.record(
  {
    id: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    view: fc.constantFrom(...SLIDE_VIEWS),
    query: fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 200 }).map((q) => `?${q}`)
    ),
    title: trimmedText(1, 200),
    notes: fc.string({ unit: 'binary', maxLength: 500 }),
    sources: fc.array(sourceArb, { maxLength: 5 }),
    addedAt: fc
      .date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString())
  },
  plain
);

const deckArb: fc.Arbitrary<Deck> = fc.record(
  {
    version: fc.constant(1 as const),
    title: trimmedText(1, 200),
    subtitle: trimmedText(0, 200),
    slides: fc.uniqueArray(slideArb, { selector: (s) => s.id, maxLength: 12 })
  },
  plain
);

describe('round trip', () => {
  it('parseDeck(serializeDeck(deck)) is the same deck for any valid deck', () => {
    fc.assert(
      fc.property(deckArb, (deck) => {
        expect(parseDeck(serializeDeck(deck), 'deck.json')).toStrictEqual({ ok: true, deck });
      }),
      { numRuns: 200 }
    );
  });
});
