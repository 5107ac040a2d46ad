/**
 * Browser side of the deck's exports: a chart as SVG/PNG (from the rendered element) and the
 * whole deck as PowerPoint. The PowerPoint builder is loaded only when asked for.
 */
import type { Catalog } from '../engine';
import { citedArticles } from './articles';
import { deckSources, type Deck } from './deck';
import { downloadDataUrl, elementToSvg, svgToPng } from './rasterise';

export interface ChartImage {
  data: string;
  width: number;
  height: number;
}

/** A chart element as a PNG data URL at twice its size, for slides that stay sharp. */
export async function chartPng(element: Element): Promise<ChartImage> {
  const { svg, width, height } = elementToSvg(element);
  return { data: await svgToPng(svg, width, height, 2), width, height };
}

/** The deck as a .pptx file's bytes; `images` by slide id. */
export async function deckPptx(
  catalog: Pick<Catalog, 'scenarios'>,
  deck: Deck,
  images: Record<string, ChartImage>
): Promise<Uint8Array> {
  const { buildPptx } = await import('./pptx');
  return buildPptx({
    title: deck.title,
    subtitle: deck.subtitle,
    generatedOn: new Date().toISOString().slice(0, 10),
    slides: deck.slides.map((s) => ({
      title: s.title,
      notes: s.notes,
      sources: s.sources,
      ...(images[s.id] ? { image: images[s.id] } : {})
    })),
    articles: citedArticles(catalog, deckSources(deck)).map((a) => ({
      ref: a.ref,
      label: a.label,
      title: a.title,
      outlet: a.outlet,
      published: a.published,
      ...(a.url ? { url: a.url } : {})
    }))
  });
}

/** Saves bytes under a file name through a temporary object URL. */
export function downloadBytes(fileName: string, bytes: Uint8Array, mime: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  downloadDataUrl(fileName, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
