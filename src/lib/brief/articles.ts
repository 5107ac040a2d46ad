/**
 * The articles a deck cites, in the form the sources slide and the PowerPoint export need. Pure.
 */
import type { Catalog } from '../engine';
import { analystLabel } from '../state/exploration';
import { deckSources, type Deck, type SlideSource } from './deck';
import type { PptxInput } from './pptx';
import { slideFootnote } from './slideNotes';

export interface CitedArticle {
  ref: string;
  label: string;
  author: string;
  title: string;
  /** `title` is our description, not the author's: shown without quotation marks. */
  descriptiveTitle?: boolean;
  outlet: string;
  published: string;
  url?: string;
  paras: number[];
}

/** One entry per cited article, in catalog order, with the paragraphs cited. */
export function citedArticles(catalog: Pick<Catalog, 'scenarios'>, sources: SlideSource[]) {
  return catalog.scenarios.flatMap((s): CitedArticle[] => {
    const paras = [
      ...new Set(sources.filter((x) => x.ref === s.source.ref).map((x) => x.para))
    ].sort((a, b) => a - b);
    if (paras.length === 0) return [];
    return [
      {
        ref: s.source.ref,
        label: analystLabel(s, catalog.scenarios),
        author: s.source.author,
        title: s.source.title,
        ...(s.source.descriptiveTitle ? { descriptiveTitle: true } : {}),
        outlet: s.source.outlet,
        published: s.source.published,
        url: s.source.url,
        paras
      }
    ];
  });
}

export interface SlideImage {
  /** A data URL. */
  data: string;
  width: number;
  height: number;
}

/**
 * What the PowerPoint builder needs from a deck: its slides with their pictures (by slide id) and
 * the articles they cite. One mapping for the browser's export and the command line's.
 */
export function pptxInputOf(
  catalog: Catalog,
  deck: Deck,
  images: Record<string, SlideImage>
): PptxInput {
  return {
    title: deck.title,
    subtitle: deck.subtitle,
    generatedOn: new Date().toISOString().slice(0, 10),
    slides: deck.slides.map((s) => ({
      title: s.title,
      notes: s.notes,
      sources: s.sources,
      ...(images[s.id] ? { image: images[s.id] } : {}),
      ...footnoteOf(catalog, s.view, s.query)
    })),
    articles: citedArticles(catalog, deckSources(deck)).map((a) => ({
      ref: a.ref,
      label: a.label,
      title: titleAsCited(a),
      outlet: a.outlet,
      published: a.published,
      ...(a.url ? { url: a.url } : {})
    }))
  };
}

/** A title as a citation shows it: the author's in quotation marks, a description without. */
export function titleAsCited(a: { title: string; descriptiveTitle?: boolean }): string {
  return a.descriptiveTitle ? a.title : `“${a.title}”`;
}

function footnoteOf(catalog: Catalog, view: Deck['slides'][number]['view'], query: string) {
  const caption = slideFootnote(catalog, view, query);
  return caption ? { caption } : {};
}
