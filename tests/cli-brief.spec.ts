/**
 * `crosswinds brief`: the deck built headlessly from a JSON file, as a user who scripts their
 * briefings would run it. Runs with the browser tests because it drives the built site in the
 * system Chromium.
 */
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const DECK = 'examples/briefing.deck.json';

function crosswinds(...args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/crosswinds.ts', ...args], { encoding: 'utf8' });
}

test.describe('crosswinds brief', () => {
  test.setTimeout(120_000);

  test('writes a PowerPoint with the title slide, every slide and the sources', async () => {
    const info = test.info();
    const out = info.outputPath('briefing.pptx');
    const run = crosswinds('brief', DECK, '--out', out);
    expect(run.stderr + run.stdout).toContain(`wrote ${out}`);
    expect(run.status).toBe(0);

    const deck = JSON.parse(readFileSync(DECK, 'utf8'));
    const zip = await JSZip.loadAsync(readFileSync(out));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBeGreaterThanOrEqual(deck.slides.length + 2);
    const xml = (n: number) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
    expect(await xml(1)).toContain(deck.title.replace('&', '&amp;'));
    for (const [i, slide] of deck.slides.entries()) {
      expect(await xml(i + 2)).toContain(slide.title);
    }
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string'))
    );
    expect(notes.some((n) => n.includes('Sources:'))).toBe(true);
    // Notes link back to the site given (by default the one `npm start` serves), not to the
    // temporary server the command drew the deck on.
    expect(notes.some((n) => n.includes('Reopen this view: http://localhost:4173/'))).toBe(true);
    // Tables go in as tables; each chart as an SVG with its PNG fallback.
    const tables = ['compare-matrix', 'scorecard-table'];
    for (const [i, slide] of deck.slides.entries()) {
      const x = await xml(i + 2);
      if (tables.includes(slide.view)) expect(x, slide.title).toContain('<a:tbl>');
      else expect(x, slide.title).toContain('asvg:svgBlip');
    }
    const media = Object.keys(zip.files).filter((f) => f.startsWith('ppt/media/'));
    const charts = deck.slides.filter((s: { view: string }) => !tables.includes(s.view)).length;
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(charts);
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(charts);
  });

  test('writes a PDF with one 16:9 page per slide', async () => {
    const info = test.info();
    const out = info.outputPath('briefing.pdf');
    const run = crosswinds('brief', DECK, '--out', out);
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(out).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    const deck = JSON.parse(readFileSync(DECK, 'utf8'));
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(deck.slides.length + 2);
    // 13.333 × 7.5 in is 960 × 540 points.
    expect(pdf).toMatch(/\/MediaBox\s*\[0 0 960 540\]/);
  });

  test('writes a handout: one A4 page per slide with its notes', async () => {
    const info = test.info();
    const out = info.outputPath('handout.pdf');
    const run = crosswinds('brief', DECK, '--out', out, '--handout');
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(out).toString('latin1');
    const deck = JSON.parse(readFileSync(DECK, 'utf8'));
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(deck.slides.length + 2);
    // A4 is 595 × 842 points.
    expect(pdf).toMatch(/\/MediaBox\s*\[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
  });

  test('refuses a broken deck file with its name and the path inside it', async () => {
    const info = test.info();
    const broken = info.outputPath('broken.json');
    writeFileSync(broken, JSON.stringify({ version: 1, title: 't', subtitle: '', slides: [{}] }));
    const run = crosswinds('brief', broken, '--out', info.outputPath('x.pdf'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.json: slides\[0\]/);
  });

  test('explains its arguments when they are wrong', () => {
    const run = crosswinds('brief', DECK, '--out', 'briefing.docx');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out must end in .pptx or .pdf');
  });
});
