/**
 * The chart rasteriser in a real browser, on a page of its own: no server and no build, so the
 * module is bundled here with esbuild and injected into a page made with setContent.
 * RASTERISE_DEBUG=1 writes the PNGs, one SVG and a screenshot of the page to /tmp/rasterise-*
 * for a look by eye.
 */
import { expect, test, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Rasterise = typeof import('../src/lib/brief/rasterise');
type Rgba = [number, number, number, number];

const DEBUG = process.env.RASTERISE_DEBUG === '1';

const bundle = buildSync({
  entryPoints: [fileURLToPath(new URL('../src/lib/brief/rasterise.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  globalName: 'rasterise',
  target: 'es2022',
  write: false
}).outputFiles[0]!.text;

// Scoped-class styling as Svelte emits it: rules in <head>, none inside the exported elements.
const PAGE = `<!doctype html>
<html><head><style>
  body { margin: 0; padding: 16px; font: 14px/1.4 'DejaVu Sans', sans-serif; color: #222; }
  .panel { display: flex; gap: 16px; align-items: flex-start; padding: 8px; width: max-content; }
  .chart { display: block; width: 240px; height: 120px; overflow: visible; }
  .axis { stroke: #c00; stroke-width: 3; fill: none; }
  .bar { fill: rgb(0, 96, 160); }
  .label { fill: #080; font-size: 13px; font-weight: 700; text-anchor: middle; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; }
  .focus-ring { fill: none; stroke: magenta; stroke-width: 6; }
  table { border-collapse: collapse; }
  th { font-weight: 400; text-align: left; }
  th, td { padding: 6px 10px; border: 1px solid #333; }
  .hot { background-color: rgb(255, 200, 0); }
  .swatch::before { content: ''; display: inline-block; width: 10px; height: 10px;
    margin-right: 4px; background: rgb(0, 0, 255); }
  .dot { fill: rgb(0, 160, 0); }
</style></head><body>
<div class="panel" id="panel">
  <svg class="chart" id="chart" viewBox="0 0 240 120">
    <title>Test chart</title>
    <rect class="bar" x="20" y="70" width="40" height="50" />
    <path class="axis" d="M0 60 L240 60" />
    <text class="label" x="120" y="30">Label</text>
    <text class="visually-hidden" x="0" y="0">for screen readers</text>
    <g data-export-skip><rect x="200" y="80" width="30" height="30" fill="black" /></g>
    <rect class="focus-ring" x="0" y="0" width="240" height="120" />
  </svg>
  <div>
    <table id="table">
      <thead><tr><th>Quarter</th><th>Level</th></tr></thead>
      <tbody>
        <tr><td>2022Q1</td><td class="hot" id="hot">Hostile</td></tr>
        <tr><td><span class="swatch" id="swatch">Key</span></td><td>Cold peace</td></tr>
      </tbody>
    </table>
    <svg width="40" height="40"><circle class="dot" id="dot" cx="20" cy="20" r="16" /></svg>
    <button data-export-skip>Download</button>
  </div>
</div>
</body></html>`;

async function open(page: Page) {
  await page.setContent(PAGE);
  await page.addScriptTag({ content: bundle });
}

/** Exports `selector` to SVG and PNG in the page; `at` lists points (in CSS px of the element). */
async function exportAndSample(page: Page, selector: string, at: [number, number][]) {
  return page.evaluate(
    async ([selector, at]) => {
      const { elementToSvg, svgToPng } = (window as unknown as { rasterise: Rasterise }).rasterise;
      const { svg, width, height } = elementToSvg(document.querySelector(selector)!);
      const png = await svgToPng(svg, width, height);
      const img = new Image();
      img.src = png;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      const pixels = at.map(([x, y]) => [...context.getImageData(x * 2, y * 2, 1, 1).data]);
      return { svg, width, height, png, size: [img.naturalWidth, img.naturalHeight], pixels };
    },
    [selector, at] as const
  );
}

/** Where an element lies inside another, in CSS px: a point `dx`, `dy` from its top left. */
async function offset(page: Page, outer: string, inner: string, dx: number, dy: number) {
  return page.evaluate(
    ([outer, inner, dx, dy]) => {
      const a = document.querySelector(outer)!.getBoundingClientRect();
      const b = document.querySelector(inner)!.getBoundingClientRect();
      return [b.left - a.left + dx, b.top - a.top + dy] as [number, number];
    },
    [outer, inner, dx, dy] as const
  );
}

function expectColour(actual: number[] | undefined, [r, g, b]: Rgba, what: string) {
  const close = actual!.slice(0, 3).every((v, i) => Math.abs(v - [r, g, b][i]!) <= 24);
  expect(close, `${what}: rgba(${actual!.join(', ')}) is near rgb(${r}, ${g}, ${b})`).toBe(true);
}

function debugPng(file: string, dataUrl: string) {
  if (DEBUG) writeFileSync(file, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
}

test.describe('rasterise', () => {
  test('elementToSvg(svg) inlines class styles and svgToPng draws them at twice the size', async ({
    page
  }) => {
    await open(page);
    const white: Rgba = [255, 255, 255, 255];
    const out = await exportAndSample(page, '#chart', [
      [120, 60], // on the red axis
      [40, 100], // inside the bar
      [140, 100], // empty chart area: the background
      [215, 95] // where the data-export-skip square was
    ]);
    debugPng('/tmp/rasterise-check-svg.png', out.png);

    expect([out.width, out.height]).toEqual([240, 120]);
    expect(out.size).toEqual([480, 240]);
    expect(out.svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="240" height="120"/
    );
    expect(out.svg).toContain('viewBox="0 0 240 120"');
    const axis = /<path class="axis"[^>]*style="([^"]*)"/.exec(out.svg)?.[1] ?? '';
    expect(axis).toContain('stroke: rgb(204, 0, 0)');
    expect(axis).toContain('fill: none');
    expect(axis).toContain('stroke-width: 3px');
    expect(out.svg).toMatch(/<text class="label"[^>]*style="[^"]*fill: rgb\(0, 136, 0\)/);
    expect(out.svg).toContain('<title>Test chart</title>');
    expect(out.svg).not.toContain('for screen readers');
    expect(out.svg).not.toContain('focus-ring');
    expect(out.svg).not.toContain('data-export-skip');

    expectColour(out.pixels[0], [204, 0, 0, 255], 'the axis line');
    expectColour(out.pixels[1], [0, 96, 160, 255], 'the bar');
    expectColour(out.pixels[2], white, 'the background');
    expectColour(out.pixels[3], white, 'the skipped square');
  });

  test('elementToSvg(html) draws a table and a nested svg through a foreignObject', async ({
    page
  }) => {
    await open(page);
    const points = [
      await offset(page, '#panel', '#hot', 3, 3), // the cell's background, inside its padding
      await offset(page, '#panel', '#swatch', 5, 5), // the ::before swatch
      await offset(page, '#panel', '#dot', 16, 16), // the circle of the nested svg
      await offset(page, '#panel', '#chart', 120, 60) // the red axis of the chart svg
    ];
    const out = await exportAndSample(page, '#panel', points);
    debugPng('/tmp/rasterise-check.png', out.png);
    if (DEBUG) writeFileSync('/tmp/rasterise-check.svg', out.svg);
    if (DEBUG) await page.locator('#panel').screenshot({ path: '/tmp/rasterise-screen.png' });

    const box = await page.locator('#panel').boundingBox();
    expect([out.width, out.height]).toEqual([Math.ceil(box!.width), Math.ceil(box!.height)]);
    expect(out.size).toEqual([out.width * 2, out.height * 2]);
    expect(out.svg).toContain('<foreignObject');
    expect(out.svg).toContain('<div xmlns="http://www.w3.org/1999/xhtml">');
    expect(out.svg).toMatch(/<td class="hot"[^>]*style="[^"]*background-color: rgb\(255, 200, 0\)/);
    expect(out.svg).not.toContain('Download');

    expectColour(out.pixels[0], [255, 200, 0, 255], 'the table cell');
    expectColour(out.pixels[1], [0, 0, 255, 255], 'the swatch');
    expectColour(out.pixels[2], [0, 160, 0, 255], 'the nested circle');
    expectColour(out.pixels[3], [204, 0, 0, 255], 'the axis line');
  });

  test('elementToSvg adds padding and a chosen background', async ({ page }) => {
    await open(page);
    const out = await page.evaluate(() => {
      const { elementToSvg } = (window as unknown as { rasterise: Rasterise }).rasterise;
      return elementToSvg(document.querySelector('#table')!, { padding: 10, background: '#000' });
    });
    const box = await page.locator('#table').boundingBox();
    expect(out.width).toBe(Math.ceil(box!.width + 20));
    expect(out.svg).toContain('<rect width="100%" height="100%" fill="#000"');
    expect(out.svg).toMatch(/<foreignObject x="10" y="10"/);
  });
});
