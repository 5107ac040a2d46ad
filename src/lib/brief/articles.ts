/**
 * The articles a deck cites, in the form the sources slide and the PowerPoint export need. Pure.
 */
import type { Catalog } from '../engine';
import { analystLabel } from '../state/exploration';
import { deckSources, type Deck, type SlideSource } from './deck';
import type { PptxInput } from './pptx';
import { exportNotes, faceSources, hypothetical, slideCaveat } from './slideFace';
import { slideTable } from './slideTable';
import { viewLink } from './viewLink';

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
        label: analystLabel(s, catalog),
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
  /** A PNG data URL, drawn at 2×. */
  data: string;
  width: number;
  height: number;
  /** The same chart as an SVG data URL (vectors only), when it could be made. */
  svg?: string;
}

/**
 * What the PowerPoint builder needs from a deck: its slides with their faces (caveat, sources
 * line, table or picture by slide id), their notes with the link that reopens each view under
 * `site`, and the articles they cite. One mapping for the browser's export and the command line's.
 */
export function pptxInputOf(
  catalog: Catalog,
  deck: Deck,
  images: Record<string, SlideImage>,
  site: string
): PptxInput {
  return {
    title: deck.title,
    subtitle: deck.subtitle,
    generatedOn: new Date().toISOString().slice(0, 10),
    slides: deck.slides.map((s) => {
      const table = slideTable(catalog, s.view, s.query);
      const caveat = slideCaveat(catalog, s.view, s.query);
      return {
        title: s.title,
        notes: exportNotes(catalog, s, viewLink(site, s.view, s.query)),
        sources: s.sources,
        sourcesLine: faceSources(catalog, s.sources),
        ...(caveat ? { caveat, hypothetical: !!hypothetical(catalog, s.view, s.query) } : {}),
        ...(table ? { table } : images[s.id] ? { image: images[s.id] } : {}),
        altText: s.title
      };
    }),
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
