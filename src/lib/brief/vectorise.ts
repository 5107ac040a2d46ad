/**
 * A rendered chart (HTML with SVG inside) as pure SVG: boxes become rects and lines, text becomes
 * <text> lines at the place the browser laid it out, and each inner <svg> is copied with its
 * styles inlined (elementToSvg). No foreignObject, so PowerPoint, LibreOffice and drawing programs
 * all draw it as vectors. Browser only; nothing runs on import.
 */
import { elementToSvg, isSkipped } from './rasterise';

const SVG_NS = 'http://www.w3.org/2000/svg';

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 'rgb(…)' or 'rgba(…)' as a hex colour and an opacity; undefined when fully transparent. */
export function paint(css: string): { color: string; opacity: number } | undefined {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(
    css
  );
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
  if (alpha === 0) return undefined;
  const hex = [m[1], m[2], m[3]]
    .map((v) => Math.round(Number(v)).toString(16).padStart(2, '0'))
    .join('');
  return { color: `#${hex}`, opacity: alpha };
}

const fillAttrs = (p: { color: string; opacity: number }, attr = 'fill') =>
  `${attr}="${p.color}"${p.opacity < 1 ? ` ${attr}-opacity="${p.opacity.toFixed(3)}"` : ''}`;

const num = (n: number) => String(Math.round(n * 100) / 100);

interface Origin {
  left: number;
  top: number;
}

function boxShapes(el: Element, style: CSSStyleDeclaration, o: Origin, out: string[]) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return;
  const [x, y] = [r.left - o.left, r.top - o.top];
  const bg = paint(style.backgroundColor);
  const radius = parseFloat(style.borderTopLeftRadius) || 0;
  if (bg)
    out.push(
      `<rect x="${num(x)}" y="${num(y)}" width="${num(r.width)}" height="${num(r.height)}"${radius ? ` rx="${num(radius)}"` : ''} ${fillAttrs(bg)}/>`
    );
  const sides = [
    ['top', x, y, x + r.width, y],
    ['right', x + r.width, y, x + r.width, y + r.height],
    ['bottom', x, y + r.height, x + r.width, y + r.height],
    ['left', x, y, x, y + r.height]
  ] as const;
  for (const [side, x1, y1, x2, y2] of sides) {
    const width = parseFloat(style.getPropertyValue(`border-${side}-width`)) || 0;
    const kind = style.getPropertyValue(`border-${side}-style`);
    const colour = paint(style.getPropertyValue(`border-${side}-color`));
    if (width === 0 || !colour || kind === 'none' || kind === 'hidden') continue;
    // Drawn inside the box, as CSS draws a border.
    const inset = width / 2;
    const [dx, dy] =
      side === 'top'
        ? [0, inset]
        : side === 'bottom'
          ? [0, -inset]
          : side === 'left'
            ? [inset, 0]
            : [-inset, 0];
    const dash = kind === 'dashed' ? ` stroke-dasharray="${num(width * 3)} ${num(width * 2)}"` : '';
    out.push(
      `<line x1="${num(x1 + dx)}" y1="${num(y1 + dy)}" x2="${num(x2 + dx)}" y2="${num(y2 + dy)}" stroke-width="${num(width)}" ${fillAttrs(colour, 'stroke')}${dash}/>`
    );
  }
  const outline = parseFloat(style.outlineWidth) || 0;
  const outlineColour = paint(style.outlineColor);
  if (outline > 0 && outlineColour && !/none|hidden/.test(style.outlineStyle)) {
    const off = (parseFloat(style.outlineOffset) || 0) + outline / 2;
    const dash =
      style.outlineStyle === 'dashed'
        ? ` stroke-dasharray="${num(outline * 3)} ${num(outline * 2)}"`
        : '';
    out.push(
      `<rect x="${num(x - off)}" y="${num(y - off)}" width="${num(r.width + 2 * off)}" height="${num(r.height + 2 * off)}" fill="none" stroke-width="${num(outline)}" ${fillAttrs(outlineColour, 'stroke')}${dash}/>`
    );
  }
}

function transformText(text: string, how: string) {
  if (how === 'uppercase') return text.toUpperCase();
  if (how === 'lowercase') return text.toLowerCase();
  return text;
}

/** A text node as one <text> per laid-out line, each at the place of its first word. */
function textLines(node: Text, style: CSSStyleDeclaration, o: Origin, out: string[]) {
  const colour = paint(style.color);
  if (!colour) return;
  const range = node.ownerDocument.createRange();
  const lines: Array<{ top: number; left: number; height: number; words: string[] }> = [];
  for (const m of node.data.matchAll(/\S+/g)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const line = lines.find((l) => Math.abs(l.top - r.top) < r.height / 2);
    if (line) line.words.push(m[0]);
    else lines.push({ top: r.top, left: r.left, height: r.height, words: [m[0]] });
  }
  const size = parseFloat(style.fontSize) || 16;
  const font = [
    `font-family="${escapeXml(style.fontFamily)}"`,
    `font-size="${num(size)}"`,
    style.fontWeight !== '400' ? `font-weight="${style.fontWeight}"` : '',
    style.fontStyle === 'italic' ? 'font-style="italic"' : ''
  ]
    .filter(Boolean)
    .join(' ');
  for (const l of lines) {
    // The glyphs' box is centred on the line; the baseline sits about 0.35 em below its middle.
    const baseline = l.top - o.top + l.height / 2 + size * 0.35;
    const text = escapeXml(transformText(l.words.join(' '), style.textTransform));
    out.push(
      `<text x="${num(l.left - o.left)}" y="${num(baseline)}" ${font} ${fillAttrs(colour)}>${text}</text>`
    );
  }
}

function walk(el: Element, o: Origin, out: string[]) {
  if (el.namespaceURI === SVG_NS) {
    // An inner chart: its own vectors, styles inlined, placed where it sits.
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const { svg } = elementToSvg(el, { background: 'none' });
    out.push(`<g transform="translate(${num(r.left - o.left)},${num(r.top - o.top)})">${svg}</g>`);
    return;
  }
  const style = getComputedStyle(el);
  if (style.visibility !== 'hidden') boxShapes(el, style, o, out);
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (style.visibility !== 'hidden') textLines(child as Text, style, o, out);
    } else if (child instanceof Element && !isSkipped(child)) walk(child, o, out);
  }
}

/** `element` as a standalone SVG document of shapes and text only, on a white ground. */
export function elementToVectorSvg(element: Element): {
  svg: string;
  width: number;
  height: number;
} {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) {
    throw new Error('elementToVectorSvg: the element has no size; is it rendered?');
  }
  const width = Math.ceil(box.width);
  const height = Math.ceil(box.height);
  const out: string[] = [];
  walk(element, box, out);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${out.join('')}</svg>`;
  return { svg, width, height };
}
