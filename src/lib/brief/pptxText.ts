/** How much room text takes on a slide, estimated from Arial's glyph widths (inches, points). */

/** Line height in inches for a font size in points (PowerPoint's single spacing is ~1.2 em). */
export const lineHeight = (pt: number) => (pt * 1.2) / 72;

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
export function estimateLines(text: string, pt: number, width: number, bold = false): number {
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

export const linesFit = (text: string, pt: number, height: number, width: number) =>
  estimateLines(text, pt, width) * lineHeight(pt) <= height;

/** The text, or as many of its words as fit in `maxLines` with a pointer to the rest. */
export function fitLines(text: string, pt: number, maxLines: number, width: number): string {
  if (estimateLines(text, pt, width) <= maxLines) return text;
  const tail = ' … (continued in the speaker notes)';
  const words = text.split(' ');
  let [lo, hi] = [0, words.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (estimateLines(words.slice(0, mid).join(' ') + tail, pt, width) <= maxLines) lo = mid;
    else hi = mid - 1;
  }
  return words.slice(0, lo).join(' ') + tail;
}
