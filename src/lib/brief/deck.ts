/**
 * The briefing deck: an ordered list of slides, each a saved view of the dashboard with a title,
 * speaker notes and the sources it cites. Pure: every operation returns a new Deck and never
 * mutates its input, so a caller can keep the old deck for undo or after a failed import.
 */

export const DECK_VERSION = 1;

/** Which chart or view a slide shows. */
export const SLIDE_VIEWS = [
  'explore-timeline',
  'explore-diagram',
  'compare-matrix',
  'compare-crux',
  'scorecard-table',
  'scorecard-decomposition',
  'scorecard-events'
] as const;
export type SlideView = (typeof SLIDE_VIEWS)[number];

/** Words for each view, used when a slide is added without a title. */
export const VIEW_LABELS: Record<SlideView, string> = {
  'explore-timeline': 'Timeline',
  'explore-diagram': 'State diagram',
  'compare-matrix': 'Comparison matrix',
  'compare-crux': 'Where the analysts disagree',
  'scorecard-table': 'Scorecard',
  'scorecard-decomposition': 'Scorecard breakdown',
  'scorecard-events': 'Events against forecasts'
};

/** Limits shared with the file format (deckFile.ts), so a deck built here always exports cleanly. */
export const MAX_SLIDES = 200;
export const TITLE_MAX = 200;
export const NOTES_MAX = 20_000;
export const QUERY_MAX = 2_000;

/** A paragraph of a cited article: the article's slug and the paragraph number (from 1). */
export interface SlideSource {
  ref: string;
  para: number;
}

export interface Slide {
  /** Unique within the deck; see newSlideId(). */
  id: string;
  view: SlideView;
  /** The view's URL query, '' or '?p=…', so the slide reopens exactly what was captured. */
  query: string;
  /** Trimmed, 1–200 characters. */
  title: string;
  /** Speaker notes, up to 20,000 characters, kept as typed. */
  notes: string;
  sources: SlideSource[];
  /** ISO date-time of when the slide was added. */
  addedAt: string;
}

export interface Deck {
  version: typeof DECK_VERSION;
  /** Trimmed, 1–200 characters. */
  title: string;
  /** Trimmed, up to 200 characters; '' for none. */
  subtitle: string;
  slides: Slide[];
}

export const DEFAULT_DECK_TITLE = 'U.S.–Russia relations: briefing';

/** Pure. A deck with the default title and no slides. */
export function emptyDeck(): Deck {
  return { version: DECK_VERSION, title: DEFAULT_DECK_TITLE, subtitle: '', slides: [] };
}

/** Trimmed and cut to `max`; the file format trims too, so this keeps export → import exact. */
function clip(text: string, max: number): string {
  return text.trim().slice(0, max).trim();
}

function copySlide(slide: Slide): Slide {
  return { ...slide, sources: slide.sources.map((s) => ({ ref: s.ref, para: s.para })) };
}

function withSlides(deck: Deck, slides: Slide[]): Deck {
  return { ...deck, slides };
}

/** True when the deck holds as many slides as a deck file may; addSlide would then throw. */
export function isDeckFull(deck: Deck): boolean {
  return deck.slides.length >= MAX_SLIDES;
}

/**
 * Pure. Why `slide` cannot be added to `deck`, in words for the user, or undefined when it can.
 * Callers check this first so the user hears why instead of the slide silently not appearing.
 */
export function slideProblem(deck: Deck, slide: Slide): string | undefined {
  if (isDeckFull(deck)) return `The brief already has ${MAX_SLIDES} slides, the most it can hold.`;
  if (slide.id === '') return 'The slide has no id.';
  if (deck.slides.some((s) => s.id === slide.id))
    return `The brief already has a slide with id "${slide.id}".`;
  if (!SLIDE_VIEWS.includes(slide.view)) return `"${slide.view}" is not a view a slide can show.`;
  if (slide.query !== '' && !slide.query.startsWith('?'))
    return `The slide's link query must start with "?" (got "${slide.query.slice(0, 40)}").`;
  if (slide.query.length > QUERY_MAX)
    return `This view's link is too long to keep in a slide (${slide.query.length} characters; at most ${QUERY_MAX}).`;
  return undefined;
}

/**
 * Pure. Appends a copy of `slide`. The title is trimmed and cut to 200 characters (an empty one
 * becomes the view's label) and notes are cut to 20,000, so the deck always matches the file format.
 * @throws RangeError with slideProblem()'s message when the slide cannot be added.
 */
export function addSlide(deck: Deck, slide: Slide): Deck {
  const problem = slideProblem(deck, slide);
  if (problem) throw new RangeError(problem);
  const added = copySlide(slide);
  added.title = clip(slide.title, TITLE_MAX) || VIEW_LABELS[slide.view];
  added.notes = slide.notes.slice(0, NOTES_MAX);
  return withSlides(deck, [...deck.slides, added]);
}

/**
 * Pure. Moves the slide at `fromIndex` to `toIndex`; both are clamped to the deck. Returns the same
 * deck when nothing moves (equal indices after clamping, an empty deck, or a non-numeric index).
 */
export function moveSlide(deck: Deck, fromIndex: number, toIndex: number): Deck {
  const last = deck.slides.length - 1;
  if (last < 0 || !Number.isFinite(fromIndex) || !Number.isFinite(toIndex)) return deck;
  const clamp = (i: number) => Math.min(last, Math.max(0, Math.trunc(i)));
  const from = clamp(fromIndex);
  const to = clamp(toIndex);
  if (from === to) return deck;
  const slides = [...deck.slides];
  const [moved] = slides.splice(from, 1);
  slides.splice(to, 0, moved!);
  return withSlides(deck, slides);
}

function updateSlide(deck: Deck, id: string, change: (slide: Slide) => Slide): Deck {
  const index = deck.slides.findIndex((s) => s.id === id);
  if (index < 0) return deck;
  const slides = [...deck.slides];
  slides[index] = change(deck.slides[index]!);
  return withSlides(deck, slides);
}

/**
 * Pure. Sets a slide's title, trimmed and cut to 200 characters. A blank title, or an id not in
 * the deck (the slide may have been removed meanwhile), returns the same deck: every slide keeps a
 * title to show.
 */
export function retitle(deck: Deck, id: string, title: string): Deck {
  const clipped = clip(title, TITLE_MAX);
  if (!clipped) return deck;
  return updateSlide(deck, id, (s) => ({ ...s, title: clipped }));
}

/** Pure. Sets a slide's notes, kept as typed but cut to 20,000 characters. Unknown id: same deck. */
export function setNotes(deck: Deck, id: string, notes: string): Deck {
  return updateSlide(deck, id, (s) => ({ ...s, notes: notes.slice(0, NOTES_MAX) }));
}

/** Pure. Removes a slide. Unknown id: same deck. */
export function removeSlide(deck: Deck, id: string): Deck {
  if (!deck.slides.some((s) => s.id === id)) return deck;
  return withSlides(
    deck,
    deck.slides.filter((s) => s.id !== id)
  );
}

const COPY_SUFFIX = ' (copy)';

/**
 * Pure. Inserts a copy of slide `id` right after it, with id `newId`, " (copy)" after its title
 * and `now` as its addedAt. Unknown id: same deck.
 * @throws RangeError when the deck is full or `newId` is empty or already used.
 */
export function duplicateSlide(deck: Deck, id: string, newId: string, now = new Date()): Deck {
  const index = deck.slides.findIndex((s) => s.id === id);
  if (index < 0) return deck;
  const original = deck.slides[index]!;
  const copy: Slide = {
    ...copySlide(original),
    id: newId,
    // Cut the original title, not the suffix, so the copy stays recognisable as one.
    title: original.title.slice(0, TITLE_MAX - COPY_SUFFIX.length).trimEnd() + COPY_SUFFIX,
    addedAt: now.toISOString()
  };
  const problem = slideProblem(deck, copy);
  if (problem) throw new RangeError(problem);
  const slides = [...deck.slides];
  slides.splice(index + 1, 0, copy);
  return withSlides(deck, slides);
}

/**
 * Pure. Sets the deck's title (trimmed, cut to 200; a blank one keeps the old title) and, when
 * given, its subtitle (trimmed, cut to 200; '' removes it).
 */
export function setDeckTitle(deck: Deck, title: string, subtitle?: string): Deck {
  return {
    ...deck,
    title: clip(title, TITLE_MAX) || deck.title,
    subtitle: subtitle === undefined ? deck.subtitle : clip(subtitle, TITLE_MAX)
  };
}

/**
 * A fresh slide id. crypto.randomUUID exists only in secure contexts (https, localhost), and the
 * static site may be served over plain http, hence the fallback.
 */
export function newSlideId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const random =
    typeof c?.getRandomValues === 'function'
      ? Array.from(c.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('')
      : Array.from({ length: 4 }, () => Math.floor(Math.random() * 2 ** 32).toString(36)).join('');
  return `s${Date.now().toString(36)}${random}`;
}

/** Pure. Every (ref, para) cited by any slide, once each, sorted by ref then para. */
export function deckSources(deck: Deck): SlideSource[] {
  const seen = new Map<string, SlideSource>();
  for (const slide of deck.slides)
    for (const { ref, para } of slide.sources) seen.set(`${ref}\u0000${para}`, { ref, para });
  return [...seen.values()].sort((a, b) =>
    a.ref === b.ref ? a.para - b.para : a.ref < b.ref ? -1 : 1
  );
}
