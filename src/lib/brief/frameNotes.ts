/**
 * The speaker notes of every frame of the deck, the generated title and sources slides included,
 * for the presenter view and the handout. Pure.
 */
import type { Catalog } from '../engine';
import { deckSources, type Deck } from './deck';
import { citedArticles } from './articles';

/** Frames: the title slide, one per deck slide, then the sources slide. */
export const frameCount = (deck: Deck) => deck.slides.length + 2;

/** The title of frame `index` (0-based). */
export function frameTitle(deck: Deck, index: number): string {
  if (index === 0) return deck.title;
  if (index === frameCount(deck) - 1) return 'Sources';
  return deck.slides[index - 1]?.title ?? '';
}

/** The notes of frame `index` (0-based). */
export function frameNotes(catalog: Catalog, deck: Deck, index: number): string {
  const count = deck.slides.length;
  if (index === 0) {
    const list = deck.slides.map((s, i) => `${i + 2}. ${s.title}`).join('\n');
    return `Title slide. ${count} slide${count === 1 ? '' : 's'} follow, then the sources.${list ? `\n\n${list}` : ''}`;
  }
  if (index === count + 1) {
    const articles = citedArticles(catalog, deckSources(deck));
    if (articles.length === 0) return 'Sources slide: the deck cites no article paragraphs.';
    return `Sources slide: ${articles.length} article${articles.length === 1 ? '' : 's'}.\n\n${articles
      .map(
        (a) =>
          `${a.label}: ${a.author}, ${a.outlet}, ${a.published}; ${a.paras.map((p) => `¶${p}`).join(', ')}`
      )
      .join('\n')}`;
  }
  return deck.slides[index - 1]?.notes.trim() || 'No notes for this slide.';
}
