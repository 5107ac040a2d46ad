/**
 * Browser side of the deck's exports: a chart as SVG/PNG (from the rendered element) and the
 * whole deck as PowerPoint. The PowerPoint builder is loaded only when asked for.
 */
import { tick } from 'svelte';
import type { Catalog } from '../engine';
import { pptxInputOf, type SlideImage } from './articles';
import type { Deck } from './deck';
import { downloadDataUrl, elementToSvg, svgToPng } from './rasterise';
import { elementToVectorSvg } from './vectorise';
import { siteRoot } from './site';
import { chartLoadsSettled } from './chartLoads';

/**
 * Resolves once newly mounted charts are drawn: Svelte's update, the charts loaded on demand
 * (chartLoads.ts), then two frames, because a chart first measures its width and only then draws
 * at it.
 */
export async function chartsDrawn(): Promise<void> {
  await tick();
  await chartLoadsSettled();
  await tick();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

export type ChartImage = SlideImage;

/** A chart element as a PNG data URL at twice its size, for slides that stay sharp. */
export async function chartPng(element: Element): Promise<ChartImage> {
  const { svg, width, height } = elementToSvg(element);
  return { data: await svgToPng(svg, width, height, 2), width, height };
}

/** Text as a base64 data URL (btoa takes only Latin-1, so UTF-8 bytes first). */
function base64Url(mime: string, text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${mime};base64,${btoa(binary)}`;
}

/** A chart for a slide: vectors (SVG) with a 2× PNG as their fallback. */
export async function chartImage(element: Element): Promise<ChartImage> {
  const png = await chartPng(element);
  return { ...png, svg: base64Url('image/svg+xml', elementToVectorSvg(element).svg) };
}

/** The deck as a .pptx file's bytes; `images` by slide id. */
export async function deckPptx(
  catalog: Catalog,
  deck: Deck,
  images: Record<string, ChartImage>
): Promise<Uint8Array> {
  const { buildPptx } = await import('./pptx');
  return buildPptx(pptxInputOf(catalog, deck, images, siteRoot()));
}

/** Saves bytes under a file name through a temporary object URL. */
export function downloadBytes(fileName: string, bytes: Uint8Array, mime: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  downloadDataUrl(fileName, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
