/**
 * The articles a deck cites, in the form the sources slide and the PowerPoint export need. Pure.
 */
import type { Catalog } from '../engine';
import { analystLabel } from '../state/exploration';
import type { SlideSource } from './deck';

export interface CitedArticle {
  ref: string;
  label: string;
  author: string;
  title: string;
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
        outlet: s.source.outlet,
        published: s.source.published,
        url: s.source.url,
        paras
      }
    ];
  });
}
