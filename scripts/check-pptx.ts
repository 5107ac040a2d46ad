/**
 * A look at the PowerPoint export with real pictures, run by hand (not in CI):
 *
 *   npx tsx scripts/check-pptx.ts out.pptx
 *
 * Renders chart-like SVGs to PNG in the system Chromium, builds a sample deck with buildPptx and
 * writes it. When LibreOffice is installed it also converts the deck to PDF and to one PNG per
 * page (50 dpi) in /tmp/pptx-check, so the layout can be checked by eye.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildPptx, type PptxArticle, type PptxSlideInput } from '../src/lib/brief/pptx';
import { CHROMIUM_ARGS, findChromium } from '../src/cli/chromium';

const CHECK_DIR = '/tmp/pptx-check';

/** A line chart drawn the way the app's timeline looks: axes, gridlines, three series, labels. */
function chartSvg(width: number, height: number, seed: number): string {
  const pad = { l: 56, r: 110, t: 24, b: 40 };
  const n = 24;
  const x = (i: number) => pad.l + (i / (n - 1)) * (width - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - v) * (height - pad.t - pad.b);
  const series = ['#1f5fa8', '#c2571a', '#4d7c0f'].map((color, k) => {
    const values = Array.from(
      { length: n },
      (_, i) => 0.5 + 0.35 * Math.sin((i + seed * 3 + k * 5) / 4) * Math.cos((i * (k + 1)) / 13)
    );
    const d = values.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    const label = `<text x="${x(n - 1) + 8}" y="${y(values[n - 1]!) + 4}" fill="${color}" font-size="14">Analyst ${'ABC'[k]}</text>`;
    return `<path d="${d.join('')}" fill="none" stroke="${color}" stroke-width="2.5"/>${label}`;
  });
  const grid = [0, 0.25, 0.5, 0.75, 1].map(
    (v) =>
      `<line x1="${pad.l}" x2="${width - pad.r}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>` +
      `<text x="${pad.l - 8}" y="${y(v) + 4}" text-anchor="end" font-size="12">${v * 100}%</text>`
  );
  const years = [0, 4, 8, 12, 16, 20].map(
    (i) =>
      `<text x="${x(i)}" y="${height - pad.b + 20}" text-anchor="middle" font-size="12">${2024 + i / 4}</text>`
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="Arial, sans-serif" fill="#333">
<rect width="100%" height="100%" fill="#fff"/>${grid.join('')}${years.join('')}${series.join('')}
<line x1="${pad.l}" x2="${pad.l}" y1="${pad.t}" y2="${height - pad.b}" stroke="#333"/></svg>`;
}

async function renderPngs(sizes: [number, number][]): Promise<PptxSlideInput['image'][]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    const images: PptxSlideInput['image'][] = [];
    for (const [i, [width, height]] of sizes.entries()) {
      await page.setContent(`<body style="margin:0">${chartSvg(width, height, i)}</body>`);
      const png = await page.locator('svg').screenshot({ type: 'png' });
      images.push({ data: `data:image/png;base64,${png.toString('base64')}`, width, height });
    }
    return images;
  } finally {
    await browser.close();
  }
}

const articles: PptxArticle[] = Array.from({ length: 9 }, (_, i) => ({
  ref: `a${i}`,
  label: ['Trenin 2020', 'Notte 2025', 'Kendall-Taylor 2023', 'Charap 2024', 'Stent 2019'][i % 5]!,
  title: [
    'Russia and the West: the long game of mutual containment',
    'After the reset: what a thaw in U.S.–Russia relations would take',
    'Sanctions & their discontents'
  ][i % 3]!,
  outlet: ['Carnegie Endowment', 'War on the Rocks', 'Foreign Affairs'][i % 3]!,
  published: `202${i % 6}-0${(i % 9) + 1}-15`,
  ...(i % 2 ? {} : { url: `https://example.org/articles/${i}?from=crosswinds&lang=en` })
}));

async function main() {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: npx tsx scripts/check-pptx.ts <out.pptx>');
    return 2;
  }
  const [wide, tall, square] = await renderPngs([
    [1200, 520],
    [520, 640],
    [800, 700]
  ]);
  const cite = (...refs: number[]) => refs.map((r, k) => ({ ref: `a${r}`, para: 3 + k * 4 }));
  const bytes = await buildPptx({
    title: 'U.S.–Russia relations: briefing for the desk & the team',
    subtitle: 'Where four published forecasts agree, and the drivers that split them',
    generatedOn: new Date().toISOString().slice(0, 10),
    articles,
    slides: [
      {
        title: 'Where the reset leads',
        notes: 'The reset holds until 2027, then frays.',
        sources: cite(0, 1, 0),
        image: wide,
        caveat: 'Hypothetical: Sanctions easing from 2027Q1',
        hypothetical: true
      },
      {
        title:
          'A long title that runs to two lines to see how the heading and the picture share the slide when the words go on',
        notes: 'Tall chart.',
        sources: cite(2, 3, 4, 5, 6, 7, 8),
        image: tall
      },
      { title: 'The crux: sanctions', notes: 'Square chart.', sources: cite(1), image: square },
      {
        title: 'What it would take (no chart)',
        notes: 'A verbal slide. '.repeat(40).trim(),
        sources: cite(8)
      }
    ]
  });
  writeFileSync(out, bytes);
  console.log(`wrote ${out} (${bytes.length} bytes)`);

  const office = ['libreoffice', 'soffice'].find(
    (cmd) => spawnSync('which', [cmd], { stdio: 'ignore' }).status === 0
  );
  if (!office) {
    console.log('LibreOffice not found; skipping the PDF preview');
    return 0;
  }
  rmSync(CHECK_DIR, { recursive: true, force: true });
  mkdirSync(CHECK_DIR, { recursive: true });
  const converted = spawnSync(
    office,
    ['--headless', '--convert-to', 'pdf', '--outdir', CHECK_DIR, resolve(out)],
    { stdio: 'inherit', timeout: 180_000 }
  );
  const pdf = join(CHECK_DIR, basename(out).replace(/\.pptx$/i, '') + '.pdf');
  if (converted.status !== 0) throw new Error(`${office} failed to convert ${out}`);
  spawnSync('pdftoppm', ['-png', '-r', '50', pdf, join(CHECK_DIR, 'page')], { stdio: 'inherit' });
  const pages = readdirSync(CHECK_DIR).filter((f) => f.startsWith('page'));
  console.log(`${pdf}: ${pages.length} pages → ${pages.map((p) => join(CHECK_DIR, p)).join(' ')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
);
