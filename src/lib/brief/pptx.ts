/**
 * The briefing deck as a PowerPoint file. The same module serves the brief page's download and
 * the CLI: pptxgenjs loads Node built-ins lazily inside write(), and nothing here touches the DOM
 * or Node when imported.
 */
import PptxGenJS from 'pptxgenjs';
import { addNativeTable } from './pptxTable';
import { estimateLines, fitLines, lineHeight, linesFit } from './pptxText';
import { replaceSvgFallbacks } from './pptxSvg';
import type { SlideTableData } from './slideTable';

export interface PptxArticle {
  ref: string;
  /** Short name used in citations, e.g. 'Trenin 2020'. */
  label: string;
  title: string;
  outlet: string;
  published: string;
  url?: string;
}

export interface PptxSlideInput {
  title: string;
  /** The speaker notes as they go into the file; a Sources line is added when they lack one. */
  notes: string;
  sources: { ref: string; para: number }[];
  /** The one line of sources on the slide's face; made from `sources` when absent. */
  sourcesLine?: string;
  /** The one-line caveat under the title ("Hypothetical: …", "Model’s reading: …"). */
  caveat?: string;
  /** The caveat says the slide is a what-if: drawn bold and solid rather than as a reading. */
  hypothetical?: boolean;
  /**
   * The chart: a PNG data URL ('data:image/png;base64,…', drawn at 2× for sharpness) and,
   * optionally, the same chart as an SVG data URL, which the slide then shows as vectors with the
   * PNG as its fallback. Width and height in pixels give the aspect ratio.
   */
  image?: { data: string; width: number; height: number; svg?: string };
  /** A table slide: drawn as a native PowerPoint table instead of a picture. */
  table?: SlideTableData;
  /** The picture's text alternative. */
  altText?: string;
}

export interface PptxInput {
  title: string;
  subtitle: string;
  slides: PptxSlideInput[];
  articles: PptxArticle[];
  /** e.g. '2026-11-23' */
  generatedOn: string;
}

// LAYOUT_WIDE, in inches.
const W = 13.333;
const H = 7.5;
const MARGIN = 0.5;
const INNER_W = W - 2 * MARGIN;
const ACCENT = '1F5FA8';
const INK = '1A1A1A';
const MUTED = '595959';
const FONT = 'Arial';
const FOOTER_Y = H - 0.45;
/** Lines of source entries per sources slide before continuing on the next one. */
const SOURCE_LINES_PER_SLIDE = 12;

const IMAGE_DATA = /^data:image\/(png|jpe?g|gif|svg\+xml);base64,/i;
const SVG_DATA = /^data:image\/svg\+xml;base64,/i;
const READING = '8A4A00';
const READING_SOFT = 'FBF1E4';

/** Text boxes without inner padding, so positions here are where the glyphs go. */
const box = (x: number, y: number, w: number, h: number) => ({
  x,
  y,
  w,
  h,
  margin: 0,
  fontFace: FONT
});

const paraList = (paras: number[]) =>
  [...new Set(paras)]
    .sort((a, b) => a - b)
    .map((p) => `¶${p}`)
    .join(', ');

/** Paragraphs cited per ref, in order of first citation. */
function citedParas(sources: { ref: string; para: number }[]): Map<string, number[]> {
  const byRef = new Map<string, number[]>();
  for (const { ref, para } of sources) byRef.set(ref, [...(byRef.get(ref) ?? []), para]);
  return byRef;
}

/** 'Sources: Trenin 2020 ¶3, ¶12; Notte 2025 ¶7'; refs without an article print as the ref. */
function sourcesLine(sources: PptxSlideInput['sources'], labels: Map<string, string>): string {
  const parts = [...citedParas(sources)].map(
    ([ref, paras]) => `${labels.get(ref) ?? ref} ${paraList(paras)}`
  );
  return `Sources: ${parts.length ? parts.join('; ') : 'none'}`;
}

function footer(slide: PptxGenJS.Slide, deckTitle: string) {
  const text = deckTitle.length > 110 ? `${deckTitle.slice(0, 109)}…` : deckTitle;
  const style = { color: MUTED, valign: 'middle' } as const;
  const left = box(MARGIN, FOOTER_Y, INNER_W - 1, 0.3);
  slide.addText(`Crosswinds · ${text}`, { ...left, ...style, fontSize: 10 });
  const corner = box(W - MARGIN - 0.8, FOOTER_Y, 0.8, 0.3);
  slide.slideNumber = { ...corner, ...style, fontSize: 11, align: 'right' };
}

/** A slide title with an accent rule under it; returns where the content area begins. */
function heading(slide: PptxGenJS.Slide, title: string): number {
  const pt = estimateLines(title, 32, INNER_W, true) === 1 ? 32 : 28;
  const h = Math.max(1, estimateLines(title, pt, INNER_W - 0.2, true)) * lineHeight(pt) + 0.15;
  // Anchored at the bottom: if the estimate runs short the text grows into the top margin, not
  // into the picture.
  const style = { fontSize: pt, bold: true, color: INK, valign: 'bottom' } as const;
  slide.addText(title, { ...box(MARGIN, 0.35, INNER_W, h), ...style });
  const rule = { x: MARGIN, y: 0.35 + h + 0.08, w: 1.2, h: 0.06 };
  slide.addShape('rect', { ...rule, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 } });
  return 0.35 + h + 0.3;
}

function titleSlide(pptx: PptxGenJS, input: PptxInput) {
  const slide = pptx.addSlide();
  const band = { x: 0, y: 0, w: 0.35, h: H };
  slide.addShape('rect', { ...band, fill: { color: ACCENT }, line: { width: 0 } });
  const titlePt = estimateLines(input.title, 40, W - 2.4, true) <= 2 ? 40 : 32;
  const titleH = estimateLines(input.title, titlePt, W - 2.4, true) * lineHeight(titlePt) + 0.2;
  const top = Math.max(0.8, 3.2 - titleH);
  const title = { fontSize: titlePt, bold: true, color: INK, valign: 'bottom' } as const;
  slide.addText(input.title, { ...box(1.2, top, W - 2.2, titleH), ...title });
  const subH = Math.min(2.2, estimateLines(input.subtitle, 22, W - 2.4) * lineHeight(22) + 0.1);
  const subtitle = { fontSize: 22, color: MUTED, valign: 'top' } as const;
  if (input.subtitle)
    slide.addText(input.subtitle, { ...box(1.2, top + titleH + 0.25, W - 2.2, subH), ...subtitle });
  const stamp = { ...box(1.2, H - 1.2, W - 2.2, 0.4), fontSize: 16, color: ACCENT };
  slide.addText(`Crosswinds · generated on ${input.generatedOn}`, stamp);
  const list = input.slides.map((s, i) => `${i + 2}. ${s.title}`).join('\n');
  slide.addNotes(
    `Briefing deck “${input.title}”, generated by Crosswinds on ${input.generatedOn}. ` +
      `${input.slides.length} slide${input.slides.length === 1 ? '' : 's'}, then the sources they cite.` +
      (list ? `\n\n${list}` : '')
  );
}

/** The caveat band under the title; returns where the content area begins. */
function caveatBand(slide: PptxGenJS.Slide, s: PptxSlideInput, top: number): number {
  const caveat = s.caveat?.trim();
  if (!caveat) return top;
  const pt = 15;
  const h =
    Math.min(3, estimateLines(caveat, pt, INNER_W - 0.3, !!s.hypothetical)) * lineHeight(pt) + 0.12;
  slide.addText(caveat, {
    ...box(MARGIN, top - 0.1, INNER_W, h),
    // Points, in pptxgenjs's order for text boxes: left, right, bottom, top.
    margin: [12, 8, 3, 3],
    fontSize: pt,
    bold: !!s.hypothetical,
    color: READING,
    fill: { color: READING_SOFT },
    valign: 'middle'
  });
  const edge = { x: MARGIN, y: top - 0.1, w: 0.05, h };
  slide.addShape('rect', { ...edge, fill: { color: READING }, line: { color: READING, width: 0 } });
  return top - 0.1 + h + 0.15;
}

/** A chart's picture, fitted to the box and centred; SVG with the PNG as its fallback. */
function picture(
  slide: PptxGenJS.Slide,
  s: PptxSlideInput,
  area: { top: number; bottom: number }
): boolean {
  const image = s.image!;
  if (!IMAGE_DATA.test(image.data))
    throw new Error(`slide “${s.title}”: image must be a base64 PNG, JPEG, GIF or SVG data URL`);
  if (image.svg !== undefined && !SVG_DATA.test(image.svg))
    throw new Error(`slide “${s.title}”: svg must be a base64 SVG data URL`);
  const boxW = INNER_W;
  const boxH = area.bottom - area.top;
  const { width, height } = image;
  const aspect = width > 0 && height > 0 ? width / height : boxW / boxH;
  const w = Math.min(boxW, boxH * aspect);
  const h = w / aspect;
  const x = MARGIN + (boxW - w) / 2;
  const data = image.svg ?? image.data;
  slide.addImage({ data, x, y: area.top, w, h, altText: s.altText ?? s.title });
  return image.svg !== undefined;
}

/** Adds one content slide; true when its picture is an SVG whose PNG fallback must be set. */
function contentSlide(
  pptx: PptxGenJS,
  input: PptxInput,
  s: PptxSlideInput,
  sources: string
): boolean {
  const slide = pptx.addSlide();
  const top = caveatBand(slide, s, heading(slide, s.title));
  footer(slide, input.title);
  const line = s.sourcesLine?.trim() || sources;
  const lineH = Math.min(2, estimateLines(line, 11, INNER_W - 1)) * lineHeight(11) + 0.04;
  const bottom = FOOTER_Y - 0.1 - lineH;
  slide.addText(line, {
    ...box(MARGIN, bottom + 0.05, INNER_W - 1, lineH),
    fontSize: 11,
    color: MUTED,
    valign: 'top'
  });
  let svg = false;
  if (s.table) addNativeTable(slide, s.table, { x: MARGIN, y: top, w: INNER_W, h: bottom - top });
  else if (s.image) svg = picture(slide, s, { top, bottom: bottom - 0.05 });
  else {
    // Without a picture the slide carries its words, so it is never blank.
    const boxH = bottom - top;
    const text = s.notes.trim();
    const pt = [24, 20, 18, 16].find((p) => linesFit(text, p, boxH, INNER_W)) ?? 16;
    const body = fitLines(text, pt, Math.floor(boxH / lineHeight(pt)), INNER_W);
    const style = { fontSize: pt, color: INK, valign: 'top' } as const;
    if (body) slide.addText(body, { ...box(MARGIN, top, INNER_W, boxH), ...style });
  }
  const notes = s.notes.trim();
  const hasSources = /^Sources:/m.test(notes);
  slide.addNotes(hasSources ? notes : notes ? `${notes}\n\n${sources}` : sources);
  return svg;
}

interface SourceEntry {
  label: string;
  title: string;
  detail: string;
  url?: string;
  lines: number;
}

function sourceEntries(input: PptxInput): SourceEntry[] {
  const cited = citedParas(input.slides.flatMap((s) => s.sources));
  const known = new Map<string, PptxArticle>();
  for (const a of input.articles) if (!known.has(a.ref)) known.set(a.ref, a);
  const refs = [
    ...[...known.keys()].filter((ref) => cited.has(ref)),
    ...[...cited.keys()].filter((ref) => !known.has(ref))
  ];
  return refs.map((ref) => {
    const a = known.get(ref);
    const [label, title] = a ? [a.label, ` — ${a.title}`] : [ref, ''];
    const detail = [a?.outlet, a?.published, `cited ${paraList(cited.get(ref)!)}`]
      .filter(Boolean)
      .join(' · ');
    const lines =
      estimateLines(label + title, 18, INNER_W, true) +
      estimateLines(`${detail} · ${a?.url ?? ''}`, 14, INNER_W);
    return { label, title, detail, ...(a?.url ? { url: a.url } : {}), lines };
  });
}

function sourcesSlides(pptx: PptxGenJS, input: PptxInput) {
  const entries = sourceEntries(input);
  const pages: SourceEntry[][] = [];
  let used = Infinity;
  for (const e of entries) {
    if (used + e.lines > SOURCE_LINES_PER_SLIDE) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(e);
    used += e.lines;
  }
  if (pages.length === 0) pages.push([]);
  pages.forEach((page, i) => {
    const slide = pptx.addSlide();
    const top = heading(slide, i === 0 ? 'Sources' : 'Sources (continued)');
    footer(slide, input.title);
    const detail = { color: MUTED, fontSize: 14, paraSpaceAfter: 10 };
    const runs: PptxGenJS.TextProps[] = page.flatMap((e) => [
      { text: e.label, options: { bold: true, color: ACCENT, fontSize: 18 } },
      { text: e.title, options: { bold: true, color: INK, fontSize: 18, breakLine: true } },
      { text: e.url ? `${e.detail} · ` : e.detail, options: { ...detail, breakLine: !e.url } },
      ...(e.url
        ? [
            {
              text: e.url,
              options: { ...detail, color: ACCENT, hyperlink: { url: e.url }, breakLine: true }
            }
          ]
        : [])
    ]);
    if (page.length === 0) runs.push({ text: 'No sources are cited in this deck.' });
    const area = box(MARGIN, top, INNER_W, FOOTER_Y - 0.15 - top);
    slide.addText(runs, { ...area, fontSize: 16, color: INK, valign: 'top' });
    const lines = page.map((e) => [e.label + e.title, e.detail, e.url].filter(Boolean).join('. '));
    slide.addNotes(lines.join('\n'));
  });
}

/** The deck as .pptx bytes: a title slide, one slide per input slide, then the sources. */
export async function buildPptx(input: PptxInput): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = input.title;
  pptx.subject = input.subtitle;
  pptx.author = 'Crosswinds';
  pptx.company = 'Crosswinds';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

  const labels = new Map<string, string>();
  for (const a of input.articles) if (!labels.has(a.ref)) labels.set(a.ref, a.label);
  titleSlide(pptx, input);
  const fallbacks = new Map<number, string>();
  input.slides.forEach((s, i) => {
    // Slide 1 is the title slide.
    if (contentSlide(pptx, input, s, sourcesLine(s.sources, labels)))
      fallbacks.set(i + 2, s.image!.data);
  });
  sourcesSlides(pptx, input);

  const out = await pptx.write({ outputType: 'uint8array' });
  // A Node Buffer or a Uint8Array from another realm is still a view over the same bytes.
  if (!ArrayBuffer.isView(out)) throw new Error('pptxgenjs did not return bytes');
  return replaceSvgFallbacks(new Uint8Array(out.buffer, out.byteOffset, out.byteLength), fallbacks);
}
