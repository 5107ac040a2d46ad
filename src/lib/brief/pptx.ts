/**
 * The briefing deck as a PowerPoint file. The same module serves the brief page's download and
 * the CLI: pptxgenjs loads Node built-ins lazily inside write(), and nothing here touches the DOM
 * or Node when imported.
 */
import PptxGenJS from 'pptxgenjs';

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
  notes: string;
  sources: { ref: string; para: number }[];
  /**
   * A data URL ('data:image/png;base64,…' or 'data:image/svg+xml;base64,…'); width and height in
   * pixels give its aspect ratio. Prefer PNG in Node: pptxgenjs rasterises an SVG's PNG fallback
   * (for readers without SVG support) only in a browser.
   */
  image?: { data: string; width: number; height: number };
  /** A one-line text alternative shown under the image. */
  caption?: string;
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

/** Text boxes without inner padding, so positions here are where the glyphs go. */
const box = (x: number, y: number, w: number, h: number) => ({
  x,
  y,
  w,
  h,
  margin: 0,
  fontFace: FONT
});

/** Line height in inches for a font size in points (PowerPoint's single spacing is ~1.2 em). */
const lineHeight = (pt: number) => (pt * 1.2) / 72;

/** Arial's advance widths in em, by class of glyph; bold runs about 8% wider. */
function widthEm(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text) {
    if (/[ijlI.,;:'!|]/.test(ch)) em += 0.24;
    else if (/[\sftr()[\]/-]/.test(ch)) em += 0.31;
    else if (/[mwMW@%—]/.test(ch)) em += 0.9;
    else if (/[A-Z&]/.test(ch)) em += 0.7;
    else em += 0.56;
  }
  return bold ? em * 1.08 : em;
}

/** Lines the text takes when word-wrapped at `width` inches; errs long by a few per cent. */
function estimateLines(text: string, pt: number, width: number, bold = false): number {
  const lineEm = (width * 72) / pt / 1.05;
  const space = widthEm(' ', bold);
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = widthEm(word, bold);
      if (used > 0 && used + space + w > lineEm) {
        lines++;
        used = 0;
      }
      used += (used > 0 ? space : 0) + w;
      for (; used > lineEm; used -= lineEm) lines++;
    }
  }
  return lines;
}

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

const linesFit = (text: string, pt: number, height: number) =>
  estimateLines(text, pt, INNER_W) * lineHeight(pt) <= height;

/** The text, or as many of its words as fit in `maxLines` with a pointer to the rest. */
function fitLines(text: string, pt: number, maxLines: number): string {
  if (estimateLines(text, pt, INNER_W) <= maxLines) return text;
  const tail = ' … (continued in the speaker notes)';
  const words = text.split(' ');
  let [lo, hi] = [0, words.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (estimateLines(words.slice(0, mid).join(' ') + tail, pt, INNER_W) <= maxLines) lo = mid;
    else hi = mid - 1;
  }
  return words.slice(0, lo).join(' ') + tail;
}

function contentSlide(pptx: PptxGenJS, input: PptxInput, s: PptxSlideInput, sources: string) {
  const slide = pptx.addSlide();
  const top = heading(slide, s.title);
  footer(slide, input.title);
  const bottom = FOOTER_Y - 0.15;
  const caption = s.caption?.trim();
  const captionH = caption ? 0.4 : 0;
  if (s.image) {
    if (!IMAGE_DATA.test(s.image.data))
      throw new Error(`slide “${s.title}”: image must be a base64 PNG, JPEG, GIF or SVG data URL`);
    const boxW = INNER_W;
    const boxH = bottom - top - captionH;
    const { width, height } = s.image;
    const aspect = width > 0 && height > 0 ? width / height : boxW / boxH;
    const w = Math.min(boxW, boxH * aspect);
    const h = w / aspect;
    const x = MARGIN + (boxW - w) / 2;
    slide.addImage({ data: s.image.data, x, y: top, w, h, altText: caption ?? s.title });
    if (caption) {
      const style = { fontSize: 12, color: MUTED, align: 'center', valign: 'top' } as const;
      slide.addText(caption, { ...box(MARGIN, top + h + 0.08, INNER_W, 0.32), ...style });
    }
  } else {
    // Without a picture the slide carries its words, so it is never blank.
    const boxH = bottom - top;
    const text = caption || s.notes.trim();
    const pt = [24, 20, 18, 16].find((p) => linesFit(text, p, boxH)) ?? 16;
    const body = fitLines(text, pt, Math.floor(boxH / lineHeight(pt)));
    const style = { fontSize: pt, color: INK, valign: 'top' } as const;
    if (body) slide.addText(body, { ...box(MARGIN, top, INNER_W, boxH), ...style });
  }
  const notes = s.notes.trim();
  slide.addNotes(notes ? `${notes}\n\n${sources}` : sources);
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
  for (const s of input.slides) contentSlide(pptx, input, s, sourcesLine(s.sources, labels));
  sourcesSlides(pptx, input);

  const out = await pptx.write({ outputType: 'uint8array' });
  // A Node Buffer or a Uint8Array from another realm is still a view over the same bytes.
  if (!ArrayBuffer.isView(out)) throw new Error('pptxgenjs did not return bytes');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
