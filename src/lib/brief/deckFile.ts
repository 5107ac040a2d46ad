/**
 * The deck's JSON file format: what "Export deck" writes and "Import deck" reads, and what the
 * browser keeps in localStorage. Pure: parseDeck never touches the caller's current deck, so a
 * failed import leaves the brief as it was.
 */
// zod's mini build: the same checks and messages as the scenario schemas' full build, at a
// quarter of the size, since every page showing the brief reads the saved deck with it.
import { z } from 'zod/mini';
import { formatIssue, parseWith, tooDeepFlow } from '../engine';
import {
  DECK_VERSION,
  MAX_SLIDES,
  NOTES_MAX,
  QUERY_MAX,
  SLIDE_VIEWS,
  TITLE_MAX,
  type Deck,
  type Slide
} from './deck';

const title = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'a non-empty title'),
    z.maxLength(TITLE_MAX, `a title of at most ${TITLE_MAX} characters`)
  );

export const SlideSourceFile = z.strictObject({
  ref: z.string().check(z.minLength(1, 'a non-empty article slug')),
  para: z.int('a whole paragraph number').check(z.gte(1, 'a paragraph number of 1 or more'))
});

export const SlideFile = z.strictObject({
  id: z.string().check(z.minLength(1, 'a non-empty slide id')),
  view: z.enum(SLIDE_VIEWS),
  query: z.string().check(
    z.maxLength(QUERY_MAX, `a query of at most ${QUERY_MAX} characters`),
    z.refine((q) => q === '' || q.startsWith('?'), 'a query that is empty or starts with "?"')
  ),
  title,
  notes: z.string().check(z.maxLength(NOTES_MAX, `notes of at most ${NOTES_MAX} characters`)),
  sources: z.array(SlideSourceFile),
  addedAt: z.iso.datetime({
    offset: true,
    message: 'an ISO date-time like 2026-01-15T10:00:00.000Z'
  })
});

export const DeckFile = z.strictObject({
  version: z.literal(DECK_VERSION),
  title,
  subtitle: z
    .string()
    .check(z.trim(), z.maxLength(TITLE_MAX, `a subtitle of at most ${TITLE_MAX} characters`)),
  slides: z.array(SlideFile).check(
    z.maxLength(MAX_SLIDES, `at most ${MAX_SLIDES} slides`),
    z.superRefine((slides, ctx) => {
      // Slides are edited, moved and removed by id, so two slides sharing one would be confused.
      const first = new Map<string, number>();
      slides.forEach((slide, i) => {
        const earlier = first.get(slide.id);
        // An empty id is already reported by the id's own check.
        if (slide.id === '') return;
        if (earlier === undefined) first.set(slide.id, i);
        else
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            input: slide.id,
            message: `expected an id no other slide has; slides[${earlier}] already uses "${slide.id}"`
          });
      });
    })
  )
});

/**
 * Upgrades a parsed file from an older format version to the current one; returns anything else
 * unchanged for the schema to judge. Only version 1 exists so far. When version 2 arrives: bump
 * DECK_VERSION, and add here `if (version === 1) raw = v1ToV2(raw)` ahead of any later steps, so
 * each step upgrades by one version and old files pass through every step in turn.
 */
export function migrate(raw: unknown): unknown {
  // v2 goes here: if (isRecord(raw) && raw.version === 1) raw = v1ToV2(raw);
  return raw;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The largest deck (200 slides of full notes) is about 4.5 MB of JSON. */
export const MAX_DECK_CHARS = 10_000_000;
/** A deck nests four levels (deck, slides, slide, sources); deeper is not a deck. */
const MAX_DECK_DEPTH = 16;

const MAX_LINES = 5;
const MAX_LINE_LENGTH = 300;

export type ParseDeckResult = { ok: true; deck: Deck } | { ok: false; error: string };

/**
 * Pure. Reads a deck file. On failure the error names the file, the path inside it and what was
 * expected, one problem a line (at most five, then how many more), e.g.
 * `deck.json: slides[2].view: expected one of explore-timeline, …; got "timeline"`.
 */
export function parseDeck(text: string, fileName: string): ParseDeckResult {
  const fail = (error: string): ParseDeckResult => ({ ok: false, error });
  // Some editors save JSON with a byte-order mark, which JSON.parse rejects.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fail(`${fileName}: the file is empty`);
  if (body.length > MAX_DECK_CHARS)
    return fail(
      `${fileName}: too large to be a deck (${body.length.toLocaleString('en-US')} characters; at most ${MAX_DECK_CHARS.toLocaleString('en-US')})`
    );
  // Deep enough nesting makes JSON.parse and the checks run out of stack.
  const deepAt = tooDeepFlow(body, MAX_DECK_DEPTH);
  if (deepAt !== undefined)
    return fail(
      `${fileName}: not a Crosswinds deck (lists and objects at line ${deepAt} nest more than ${MAX_DECK_DEPTH} levels deep)`
    );
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return fail(`${fileName}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  // A saved exploration or any other JSON would otherwise produce a list of missing keys.
  if (!isRecord(raw) || !('version' in raw || 'slides' in raw))
    return fail(
      `${fileName}: not a Crosswinds deck (expected a JSON object with version, title, subtitle and slides)`
    );
  if (typeof raw.version === 'number' && raw.version > DECK_VERSION)
    return fail(
      `${fileName}: made by a newer version of Crosswinds (version ${raw.version}); this version ` +
        `reads version ${DECK_VERSION}. Reload Crosswinds to get the newest version, then import it again.`
    );
  const { value, issues } = parseWith(DeckFile, migrate(raw), fileName);
  if (!value) {
    const lines = issues.slice(0, MAX_LINES).map((issue) => {
      const line = formatIssue(issue);
      return line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH - 1)}…` : line;
    });
    const more = issues.length - lines.length;
    if (more > 0) lines.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
    return fail(lines.join('\n'));
  }
  return { ok: true, deck: value };
}

/**
 * Pure. The deck as pretty JSON (2 spaces, trailing newline), keys in a fixed order so exports
 * diff cleanly. Only known fields are written, so stray properties never make a file unreadable.
 */
export function serializeDeck(deck: Deck): string {
  const slide = (s: Slide): Slide => ({
    id: s.id,
    view: s.view,
    query: s.query,
    title: s.title,
    notes: s.notes,
    sources: s.sources.map(({ ref, para }) => ({ ref, para })),
    addedAt: s.addedAt
  });
  const file: Deck = {
    version: deck.version,
    title: deck.title,
    subtitle: deck.subtitle,
    slides: deck.slides.map(slide)
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
