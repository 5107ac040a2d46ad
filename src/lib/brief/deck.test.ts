import { describe, expect, it } from 'vitest';
import {
  addSlide,
  deckSources,
  duplicateSlide,
  emptyDeck,
  isDeckFull,
  MAX_SLIDES,
  moveSlide,
  newSlideId,
  NOTES_MAX,
  removeSlide,
  retitle,
  setDeckTitle,
  setNotes,
  slideProblem,
  SLIDE_VIEWS,
  TITLE_MAX,
  type Deck,
  type Slide
} from './deck';

function slide(id: string, extra: Partial<Slide> = {}): Slide {
  return {
    id,
    view: 'explore-timeline',
    query: '',
    title: `Slide ${id}`,
    notes: '',
    sources: [],
    addedAt: '2026-01-15T10:00:00.000Z',
    ...extra
  };
}

function deckOf(...ids: string[]): Deck {
  return ids.reduce((d, id) => addSlide(d, slide(id)), emptyDeck());
}

const ids = (deck: Deck) => deck.slides.map((s) => s.id);

/** Freezes the whole deck so any mutation by an operation throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('emptyDeck', () => {
  it('is version 1 with a title and no slides', () => {
    const deck = emptyDeck();
    expect(deck.version).toBe(1);
    expect(deck.title.length).toBeGreaterThan(0);
    expect(deck.subtitle).toBe('');
    expect(deck.slides).toEqual([]);
  });

  it('returns a fresh deck each time', () => {
    expect(emptyDeck()).not.toBe(emptyDeck());
  });
});

describe('SLIDE_VIEWS', () => {
  it('lists the seven views once each', () => {
    expect(SLIDE_VIEWS).toHaveLength(7);
    expect(new Set(SLIDE_VIEWS).size).toBe(7);
    expect(SLIDE_VIEWS).toContain('compare-crux');
  });
});

describe('addSlide', () => {
  it('appends the slide at the end', () => {
    const deck = deckOf('a', 'b');
    expect(ids(addSlide(deck, slide('c')))).toEqual(['a', 'b', 'c']);
  });

  it('trims and cuts the title, and names an untitled slide after its view', () => {
    const deck = addSlide(emptyDeck(), slide('a', { title: `  ${'x'.repeat(300)}  ` }));
    expect(deck.slides[0]!.title).toBe('x'.repeat(TITLE_MAX));
    const untitled = addSlide(emptyDeck(), slide('b', { title: '   ', view: 'scorecard-table' }));
    expect(untitled.slides[0]!.title).toBe('Scorecard');
  });

  it('cuts notes to the limit', () => {
    const deck = addSlide(emptyDeck(), slide('a', { notes: 'n'.repeat(NOTES_MAX + 5) }));
    expect(deck.slides[0]!.notes).toHaveLength(NOTES_MAX);
  });

  it('does not share the caller’s sources array', () => {
    const input = slide('a', { sources: [{ ref: 'notte', para: 2 }] });
    const deck = addSlide(emptyDeck(), input);
    input.sources.push({ ref: 'later', para: 1 });
    expect(deck.slides[0]!.sources).toEqual([{ ref: 'notte', para: 2 }]);
  });

  it.each([
    { name: 'a duplicate id', deck: deckOf('a'), add: slide('a'), message: /already has a slide/ },
    { name: 'an empty id', deck: emptyDeck(), add: slide(''), message: /no id/ },
    {
      name: 'a query without "?"',
      deck: emptyDeck(),
      add: slide('a', { query: 'p=x' }),
      message: /start with "\?"/
    },
    {
      name: 'a query that is too long',
      deck: emptyDeck(),
      add: slide('a', { query: `?${'o'.repeat(2000)}` }),
      message: /too long/
    }
  ])('refuses $name, saying why', ({ deck, add, message }) => {
    expect(slideProblem(deck, add)).toMatch(message);
    expect(() => addSlide(deck, add)).toThrow(message);
  });

  it('refuses a slide beyond the limit, and isDeckFull says so beforehand', () => {
    const many = Array.from({ length: MAX_SLIDES - 1 }, (_, i) => `s${i}`);
    const almost = deckOf(...many);
    expect(isDeckFull(almost)).toBe(false);
    const full = addSlide(almost, slide('last'));
    expect(isDeckFull(full)).toBe(true);
    expect(() => addSlide(full, slide('one-more'))).toThrow(/200 slides/);
  });
});

describe('moveSlide', () => {
  const deck = deckOf('a', 'b', 'c', 'd');
  it.each([
    { from: 0, to: 2, expected: ['b', 'c', 'a', 'd'] },
    { from: 3, to: 0, expected: ['d', 'a', 'b', 'c'] },
    { from: 1, to: 99, expected: ['a', 'c', 'd', 'b'] },
    { from: 2, to: -5, expected: ['c', 'a', 'b', 'd'] },
    { from: 42, to: 0, expected: ['d', 'a', 'b', 'c'] }
  ])('moves $from to $to (clamped)', ({ from, to, expected }) => {
    expect(ids(moveSlide(deck, from, to))).toEqual(expected);
    expect(ids(deck)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('returns the same deck when nothing moves', () => {
    expect(moveSlide(deck, 1, 1)).toBe(deck);
    expect(moveSlide(deck, 3, 10)).toBe(deck);
    expect(moveSlide(deck, Number.NaN, 0)).toBe(deck);
    const empty = emptyDeck();
    expect(moveSlide(empty, 0, 1)).toBe(empty);
  });
});

describe('retitle', () => {
  it('sets the title of that slide only, trimmed', () => {
    const next = retitle(deckOf('a', 'b'), 'b', '  Sanctions bite  ');
    expect(next.slides.map((s) => s.title)).toEqual(['Slide a', 'Sanctions bite']);
  });

  it('keeps the old title when the new one is blank, and ignores an unknown id', () => {
    const deck = deckOf('a');
    expect(retitle(deck, 'a', '   ').slides[0]!.title).toBe('Slide a');
    expect(retitle(deck, 'zzz', 'New')).toBe(deck);
  });
});

describe('setNotes', () => {
  it('keeps notes as typed, including line breaks and spaces', () => {
    const next = setNotes(deckOf('a', 'b'), 'a', '  Point one\n\nPoint two ');
    expect(next.slides[0]!.notes).toBe('  Point one\n\nPoint two ');
    expect(next.slides[1]!.notes).toBe('');
  });

  it('cuts notes to the limit and ignores an unknown id', () => {
    const deck = deckOf('a');
    expect(setNotes(deck, 'a', 'x'.repeat(NOTES_MAX + 1)).slides[0]!.notes).toHaveLength(NOTES_MAX);
    expect(setNotes(deck, 'zzz', 'hi')).toBe(deck);
  });
});

describe('removeSlide', () => {
  it('removes only that slide', () => {
    expect(ids(removeSlide(deckOf('a', 'b', 'c'), 'b'))).toEqual(['a', 'c']);
  });

  it('ignores an unknown id', () => {
    const deck = deckOf('a');
    expect(removeSlide(deck, 'zzz')).toBe(deck);
  });
});

describe('duplicateSlide', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  const deck = addSlide(
    deckOf('a', 'c'),
    slide('b', { notes: 'why', sources: [{ ref: 'notte', para: 3 }] })
  );

  it('inserts the copy right after the original with " (copy)" and the new time', () => {
    const next = duplicateSlide(moveSlide(deck, 2, 1), 'b', 'b2', now);
    expect(ids(next)).toEqual(['a', 'b', 'b2', 'c']);
    expect(next.slides[2]).toEqual({
      ...next.slides[1],
      id: 'b2',
      title: 'Slide b (copy)',
      addedAt: '2026-03-01T12:00:00.000Z'
    });
  });

  it('gives the copy its own sources, so editing one never changes the other', () => {
    const next = duplicateSlide(deck, 'b', 'b2', now);
    expect(next.slides[3]!.sources).not.toBe(next.slides[2]!.sources);
  });

  it('keeps " (copy)" within the title limit', () => {
    const long = addSlide(emptyDeck(), slide('a', { title: 'y'.repeat(TITLE_MAX) }));
    const title = duplicateSlide(long, 'a', 'a2', now).slides[1]!.title;
    expect(title).toHaveLength(TITLE_MAX);
    expect(title.endsWith(' (copy)')).toBe(true);
  });

  it('refuses a new id already in use, and ignores an unknown id', () => {
    expect(() => duplicateSlide(deck, 'b', 'a', now)).toThrow(/already has a slide/);
    expect(duplicateSlide(deck, 'zzz', 'new', now)).toBe(deck);
  });
});

describe('setDeckTitle', () => {
  it('sets title and subtitle, trimmed', () => {
    const next = setDeckTitle(emptyDeck(), ' Q3 brief ', ' For the desk ');
    expect([next.title, next.subtitle]).toEqual(['Q3 brief', 'For the desk']);
  });

  it('keeps the subtitle when none is given and the title when the new one is blank', () => {
    const deck = setDeckTitle(emptyDeck(), 'Q3 brief', 'For the desk');
    expect(setDeckTitle(deck, 'Q4 brief').subtitle).toBe('For the desk');
    expect(setDeckTitle(deck, '  ', '').title).toBe('Q3 brief');
    expect(setDeckTitle(deck, 'Q4 brief', '').subtitle).toBe('');
  });
});

describe('newSlideId', () => {
  it('gives distinct non-empty ids', () => {
    const made = Array.from({ length: 100 }, newSlideId);
    expect(made.every((id) => id.length > 0)).toBe(true);
    expect(new Set(made).size).toBe(100);
  });
});

describe('deckSources', () => {
  it('lists each cited paragraph once, sorted by article then paragraph', () => {
    let deck = addSlide(
      emptyDeck(),
      slide('a', {
        sources: [
          { ref: 'trenin', para: 4 },
          { ref: 'notte', para: 12 }
        ]
      })
    );
    deck = addSlide(
      deck,
      slide('b', {
        sources: [
          { ref: 'notte', para: 2 },
          { ref: 'trenin', para: 4 }
        ]
      })
    );
    expect(deckSources(deck)).toEqual([
      { ref: 'notte', para: 2 },
      { ref: 'notte', para: 12 },
      { ref: 'trenin', para: 4 }
    ]);
  });

  it('is empty for a deck that cites nothing', () => {
    expect(deckSources(deckOf('a'))).toEqual([]);
  });
});

describe('every operation', () => {
  it('leaves its input deck untouched', () => {
    const deck = deepFreeze(
      addSlide(deckOf('a', 'b'), slide('c', { sources: [{ ref: 'notte', para: 1 }] }))
    );
    const before = structuredClone(deck);
    addSlide(deck, slide('d'));
    moveSlide(deck, 0, 2);
    retitle(deck, 'a', 'New');
    setNotes(deck, 'a', 'Notes');
    removeSlide(deck, 'b');
    duplicateSlide(deck, 'c', 'c2');
    setDeckTitle(deck, 'New', 'Sub');
    deckSources(deck);
    expect(deck).toStrictEqual(before);
  });
});
