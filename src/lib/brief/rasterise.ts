/**
 * Turns a rendered chart (an <svg>, or HTML such as a table or a panel of several charts) into a
 * standalone SVG document and a PNG. Components style their elements through scoped classes
 * that a copy outside the page no longer matches, so every element gets the computed styles
 * it has on screen written into its `style` attribute. Browser only; nothing runs on import.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const list = (s: string) => s.trim().split(/\s+/);

const SVG_PROPS = list(`
  font-family font-size font-weight font-style font-variant-numeric letter-spacing word-spacing
  display visibility opacity color text-anchor dominant-baseline alignment-baseline baseline-shift
  text-decoration-line text-transform white-space fill fill-opacity fill-rule stroke stroke-width
  stroke-opacity stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin
  stroke-miterlimit paint-order vector-effect shape-rendering marker-start marker-mid marker-end
  stop-color stop-opacity clip-path mask filter mix-blend-mode overflow transform transform-origin
  transform-box`);

const BOX_PROPS = list(`
  display position top right bottom left z-index float box-sizing margin-top margin-right
  margin-bottom margin-left padding-top padding-right padding-bottom padding-left
  border-top-width border-right-width border-bottom-width border-left-width border-top-style
  border-right-style border-bottom-style border-left-style border-top-color border-right-color
  border-bottom-color border-left-color border-top-left-radius border-top-right-radius
  border-bottom-right-radius border-bottom-left-radius background-color background-image
  box-shadow vertical-align opacity visibility overflow-x overflow-y transform transform-origin`);

const HTML_PROPS = [
  ...list(`
    font-family font-size font-weight font-style font-variant-numeric font-feature-settings
    line-height letter-spacing word-spacing color text-align text-indent text-transform
    text-decoration-line text-decoration-color text-decoration-style text-overflow white-space
    word-break overflow-wrap`),
  ...BOX_PROPS,
  ...list(`
    row-gap column-gap flex-direction flex-wrap flex-grow flex-shrink flex-basis order
    align-items align-self align-content justify-content justify-items grid-template-columns
    grid-template-rows grid-auto-flow grid-column-start grid-column-end grid-row-start
    grid-row-end border-collapse border-spacing table-layout caption-side empty-cells
    list-style-type list-style-position object-fit accent-color`)
];

/**
 * Properties whose computed value the browser resolves from layout. Comparing them element by
 * element would lay the copies out again after every write, so they are compared in one batch
 * once everything else is written (none of them is inherited, so nothing else depends on them).
 */
const LAYOUT = new Set(
  list(`
    transform transform-origin top right bottom left margin-top margin-right margin-bottom
    margin-left padding-top padding-right padding-bottom padding-left grid-template-columns
    grid-template-rows`)
);

type Kind = 'svg' | 'svg-box' | 'html';

const PROPS: Record<Kind, string[]> = {
  svg: SVG_PROPS,
  // An <svg> inside HTML is also a CSS box: its size and margins come from the page's CSS.
  'svg-box': [...new Set([...SVG_PROPS, ...BOX_PROPS])],
  html: HTML_PROPS
};

/** A property and its value. */
type Style = [string, string];

/** A clone and the styles its live element (or pseudo-element) has on screen. */
interface Pair {
  copy: Element & ElementCSSInlineStyle;
  /** Written whatever the copy computes: they depend on descendants not styled yet. */
  sizes: Style[];
  /** Written where the copy computes something else, parents before children. */
  styled: Style[];
  /** Likewise, but compared after all else is written (see LAYOUT). */
  placed: Style[];
}

function kindOf(element: Element): Kind {
  if (element.namespaceURI !== SVG_NS) return 'html';
  const isOutermost = element.parentElement?.namespaceURI !== SVG_NS;
  return element.localName === 'svg' && isOutermost ? 'svg-box' : 'svg';
}

export function isSkipped(element: Element): boolean {
  if (element.hasAttribute('data-export-skip')) return true;
  // Screen-reader text and focus rings are for the live page, not a picture of it.
  if (element.classList.contains('visually-hidden')) return true;
  if (element.classList.contains('focus-ring')) return true;
  if (element.namespaceURI !== XHTML_NS) return false;
  if (['script', 'template', 'noscript'].includes(element.localName)) return true;
  // Options have no box of their own, nor has display: contents, yet both show.
  if (element.parentElement?.closest('select')) return false;
  if (getComputedStyle(element).display === 'contents') return false;
  // Also drops what a closed <details> hides, often a whole data table.
  return !element.checkVisibility();
}

/**
 * Reads the styles to reproduce, all before any copy is styled: a read of a live element after a
 * write to the copies in the same document would lay the whole page out again.
 */
function snapshot(style: CSSStyleDeclaration, kind: Kind, isRoot: boolean) {
  const read = (prop: string) => style.getPropertyValue(prop);
  const sizes = kind === 'svg' ? [] : ['width', 'height'].map((p): Style => [p, read(p)]);
  const transformed = read('transform') !== 'none';
  const values = new Map(PROPS[kind].map((prop): Style => [prop, want(prop)]));
  // The colours of lines that aren't drawn would only bloat the file.
  for (const side of ['top', 'right', 'bottom', 'left']) {
    if (/none|hidden/.test(values.get(`border-${side}-style`) ?? '')) {
      values.delete(`border-${side}-color`);
    }
  }
  if (values.get('text-decoration-line') === 'none') {
    values.delete('text-decoration-color');
    values.delete('text-decoration-style');
  }
  const wanted = [...values].filter(([, value]) => value);
  return {
    // An inline box reports 'auto', which is also what its copy gets.
    sizes: sizes.filter(([, value]) => value.endsWith('px')),
    styled: wanted.filter(([prop]) => !LAYOUT.has(prop)),
    placed: wanted.filter(([prop]) => LAYOUT.has(prop))
  };

  /** What the page shows, minus what a standalone file can't hold. */
  function want(prop: string): string {
    // Meaningless without a transform, and it would be written on nearly every box.
    if (prop.startsWith('transform') && !transformed) return '';
    if (isRoot && kind !== 'svg') {
      // The root is placed by the foreignObject, so its own offsets would count twice.
      if (prop.startsWith('margin-')) return '0px';
      if (prop === 'position') return 'static';
      if (prop === 'float') return 'none';
    }
    const value = read(prop);
    // A sticky header shows the table as scrolled; the picture shows it unscrolled.
    if (prop === 'position' && value === 'sticky') return 'static';
    // An external image would not load in an <img>-drawn SVG (and could taint the canvas).
    if (prop === 'background-image' && value.includes('url(')) return 'none';
    // References must point inside the file, not at the page's address.
    return value.replace(/url\("?[^")#]*(#[^")]+)"?\)/g, 'url("$1")');
  }
}

/** Materialises ::before/::after with literal text (icons, swatches, colons) as spans. */
function pseudo(live: Element, copy: Element, which: '::before' | '::after', out: Pair[]) {
  const style = getComputedStyle(live, which);
  const text = /^"((?:[^"\\]|\\.)*)"$/.exec(style.getPropertyValue('content'));
  if (!text || style.getPropertyValue('display') === 'none') return;
  // Replaced and void elements report a pseudo-element's style without drawing it.
  if (/^(input|img|select|textarea|br|video|canvas|iframe)$/.test(live.localName)) return;
  const span = copy.ownerDocument.createElementNS(XHTML_NS, 'span') as HTMLSpanElement;
  span.textContent = text[1]!.replace(/\\(.)/g, '$1');
  if (which === '::before') copy.prepend(span);
  else copy.append(span);
  out.push({ copy: span, ...snapshot(style, 'html', false) });
}

/** Copies the state of form controls, which the serialiser (reading attributes) would miss. */
function keepState(live: Element, copy: Element) {
  if (live instanceof HTMLInputElement) {
    copy.setAttribute('value', live.value);
    if (live.checked) copy.setAttribute('checked', '');
    else copy.removeAttribute('checked');
  } else if (live instanceof HTMLSelectElement) {
    Array.from(copy.querySelectorAll('option')).forEach((o, i) => {
      o.toggleAttribute('selected', live.options[i]?.selected ?? false);
    });
  } else if (live instanceof HTMLTextAreaElement) {
    copy.textContent = live.value;
  }
}

/** Pairs each kept live element with its clone, parents before children; drops skipped ones. */
function pairUp(live: Element, copy: Element, out: Pair[], isRoot: boolean) {
  copy.removeAttribute('style');
  keepState(live, copy);
  // The root <svg> of a chart is placed by attributes, which CSS sizes would override.
  const kind = isRoot && live.namespaceURI === SVG_NS ? 'svg' : kindOf(live);
  out.push({ copy: copy as Pair['copy'], ...snapshot(getComputedStyle(live), kind, isRoot) });
  const liveChildren = Array.from(live.children);
  const copyChildren = Array.from(copy.children);
  if (kind === 'html') pseudo(live, copy, '::before', out);
  liveChildren.forEach((child, i) => {
    const twin = copyChildren[i]!;
    if (isSkipped(child)) twin.remove();
    else pairUp(child, twin, out, false);
  });
  if (kind === 'html') pseudo(live, copy, '::after', out);
}

/**
 * Writes into each copy the styles that differ from what the copy computes by itself. The copies
 * sit in a shadow root, which page styles don't reach but the browser's defaults and inheritance
 * do, as in the standalone file; so what isn't written already matches.
 */
function inline(pairs: Pair[]) {
  const differ = (copy: Pair['copy'], wanted: Style[]) => {
    const computed = getComputedStyle(copy);
    return wanted.filter(([prop, value]) => computed.getPropertyValue(prop) !== value);
  };
  const write = (copy: Pair['copy'], styles: Style[]) => {
    for (const [prop, value] of styles) copy.style.setProperty(prop, value);
  };
  for (const { copy, sizes, styled } of pairs) {
    write(copy, sizes);
    // Read all, then write: a read after a write costs a style recalculation.
    write(copy, differ(copy, styled));
  }
  const placed = pairs.map(({ copy, placed }) => differ(copy, placed));
  pairs.forEach(({ copy }, i) => write(copy, placed[i]!));
}

/** A standalone SVG document string that renders `element` as it looks on screen (computed styles inlined). */
export function elementToSvg(
  element: Element,
  options: { background?: string; padding?: number } = {}
): { svg: string; width: number; height: number } {
  const { background = '#ffffff', padding = 0 } = options;
  const doc = element.ownerDocument;
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) {
    throw new Error('elementToSvg: the element has no size; is it rendered?');
  }
  const width = Math.ceil(box.width + 2 * padding);
  const height = Math.ceil(box.height + 2 * padding);

  const copy = element.cloneNode(true) as Element;
  const pairs: Pair[] = [];
  pairUp(element, copy, pairs, true);
  const isSvg = copy.namespaceURI === SVG_NS;

  const host = doc.createElement('div');
  host.style.cssText = 'all: initial; position: fixed; left: -100000px; top: 0; contain: strict';
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.append(copy);
  doc.body.append(host);
  try {
    inline(pairs);
  } finally {
    host.remove();
  }

  const make = (name: string, values: Record<string, string | number>) => {
    const el = doc.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(values)) el.setAttribute(key, String(value));
    return el;
  };
  const root = make('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
  const frame = { x: padding, y: padding, width: box.width, height: box.height };
  if (background && !/^(transparent|none)$/.test(background)) {
    root.append(make('rect', { width: '100%', height: '100%', fill: background }));
  }
  if (isSvg) {
    // The <svg>'s own CSS background is a box property that the nested copy no longer has.
    const own = getComputedStyle(element).backgroundColor;
    if (own !== 'rgba(0, 0, 0, 0)') root.append(make('rect', { ...frame, fill: own }));
    // Nested, the chart keeps its own viewBox and aspect ratio inside the padded frame.
    const viewBox = copy.getAttribute('viewBox') ?? `0 0 ${box.width} ${box.height}`;
    for (const [key, value] of Object.entries({ ...frame, viewBox })) {
      copy.setAttribute(key, String(value));
    }
    root.append(copy);
  } else {
    const foreign = make('foreignObject', frame);
    foreign.append(doc.createElementNS(XHTML_NS, 'div'));
    foreign.firstChild!.appendChild(copy);
    root.append(foreign);
  }
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Renders an SVG string to a PNG data URL at `scale` × its size (default 2), via an <img> + <canvas>. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2
): Promise<string> {
  const img = new Image();
  // A data URL (not a blob URL) keeps the canvas untainted when the SVG holds a foreignObject.
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('svgToPng: the browser could not load the SVG'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('svgToPng: no 2D canvas context');
  context.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** Triggers a download of text or a data URL with a file name (creates a temporary <a download>). */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  downloadDataUrl(fileName, url);
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadDataUrl(fileName: string, dataUrl: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
