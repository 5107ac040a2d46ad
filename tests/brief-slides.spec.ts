/**
 * The deck as a briefer hands it over: table slides as native PowerPoint tables with every row,
 * a what-if that says so on its face, a presenter view with notes kept in step with the show,
 * swipes and taps that move slides, and a handout with numbered, dated pages.
 */
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { collectConsoleProblems } from './helpers/console';

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
}

/** Presses "Add to brief" under a chart and adds the slide with its suggested title. */
async function addSlide(page: Page, chart: RegExp) {
  const button = page.getByRole('button', { name: chart });
  const box = page.locator('.add-to-brief', { has: button });
  await button.click();
  const form = page.locator('form', { has: page.getByLabel('Slide title') });
  await expect(form.getByLabel('Speaker notes')).not.toHaveValue('');
  const title = await form.getByLabel('Slide title').inputValue();
  await form.getByRole('button', { name: 'Add slide' }).click();
  await expect(box.getByText(/Added as slide \d+ of the brief/)).toBeVisible();
  return title;
}

async function exportPptx(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PowerPoint (.pptx)' }).click();
  const file = test.info().outputPath('deck.pptx');
  await (await download).saveAs(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (n: number) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
}

const WHAT_IF = '/explore?o=whiteHouse.hawkish.2026Q3&q=2027Q4';

test.describe('briefing slides and exports', () => {
  test('a table slide goes into PowerPoint as a native table with every row', async ({ page }) => {
    await ready(page, '/compare?q=2026Q1');
    await addSlide(page, /Add to brief: Comparison matrix/);
    await ready(page, '/scorecard');
    await addSlide(page, /Add to brief: Scorecard$/);
    await ready(page, '/brief');
    const slide = await exportPptx(page);

    const matrix = await slide(2);
    expect(matrix).toContain('<a:tbl>');
    // Two header rows (years, quarters), what happened, then one row per analyst.
    const analysts = ['Kortunov 2025', 'Notte 2025', 'Trenin 2020 (common threat)'];
    expect(matrix.match(/<a:tr /g)).toHaveLength(2 + 1 + 5);
    for (const name of ['What happened', ...analysts]) expect(matrix).toContain(`>${name}<`);
    // Every quarter 2020Q1–2030Q4 is a column: a label column and 44 more.
    expect(matrix.match(/<a:gridCol /g)).toHaveLength(45);
    expect(matrix).not.toContain('<p:pic>');

    const scores = await slide(3);
    expect(scores).toContain('<a:tbl>');
    expect(scores.match(/<a:tr /g)).toHaveLength(2 + 5);
    expect(scores).toContain('Run B: observed drivers');
    expect(scores).toContain('Mean error');
    // One sources line on the face, naming the record's end.
    expect(scores.match(/Sources: /g)).toHaveLength(1);
    expect(scores).toContain('observed record to');
  });

  test('a what-if slide says it is hypothetical on its face and shows the baseline', async ({
    page
  }) => {
    await ready(page, WHAT_IF);
    const title = await addSlide(page, /Add to brief: Timeline/);
    // The suggested title states the finding under the what-if, in words.
    expect(title).toMatch(/^With White House stance hawkish from 2026Q3, \d of 5 analysts see/);
    await ready(page, '/brief');
    const card = page.locator('li.slide').first();
    await expect(card.getByTestId('slide-caveat')).toContainText(
      'Hypothetical: White House stance hawkish from 2026Q3'
    );
    await expect(card.getByTestId('before-after')).toBeVisible();
    await expect(card.getByTestId('slide-sources')).toContainText('observed record to');
    // The notes end with the link that reopens this exact view.
    await expect(card.getByLabel('Speaker notes')).toHaveValue(
      /Reopen this view: http:\/\/localhost:\d+\/explore\?.*o=whiteHouse\.hawkish\.2026Q3/
    );

    const slide = await exportPptx(page);
    const xml = await slide(2);
    expect(xml).toContain('Hypothetical: White House stance hawkish from 2026Q3');
    // The chart is vector art with a picture to fall back on.
    expect(xml).toContain('asvg:svgBlip');
  });

  test('the presenter view shows the notes and follows the show', async ({ page }) => {
    const problems = collectConsoleProblems(page);
    await ready(page, WHAT_IF);
    await addSlide(page, /Add to brief: Timeline/);
    await ready(page, '/brief');
    const notes = await page.locator('li.slide').first().getByLabel('Speaker notes').inputValue();

    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Present with notes' }).click();
    const presenter = await popup;
    await expect(presenter.locator('[data-ready="true"]')).toHaveCount(1);
    await expect(page).toHaveURL(/\/brief\/present/);
    await expect(presenter.getByTestId('presenter-notes')).toContainText('Title slide.');
    await expect(presenter.getByTestId('elapsed')).toHaveText(/^\d\d:\d\d$/);

    // The audience window moves; the presenter view follows with that slide's notes.
    await page.keyboard.press('ArrowRight');
    await expect(presenter.getByTestId('presenter-number')).toHaveText('2');
    await expect(presenter.getByTestId('presenter-notes')).toContainText(notes.split('\n')[0]!);
    await expect(presenter.getByRole('region', { name: 'Next slide' })).toContainText('Sources');

    // And the other way: Next in the presenter view moves the audience window.
    await presenter.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('3 / 3')).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('present mode moves by swipe and by tap', async ({ browser }) => {
    const context = await browser.newContext({
      hasTouch: true,
      viewport: { width: 1024, height: 640 }
    });
    const page = await context.newPage();
    await ready(page, '/scorecard');
    await addSlide(page, /Add to brief: Scorecard$/);
    await page.goto('/brief/present');
    await expect(page.getByText('1 / 3')).toBeVisible();

    const cdp = await context.newCDPSession(page);
    const swipe = async (from: number, to: number) => {
      const y = 320;
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [{ x: from, y }]
      });
      for (let k = 1; k <= 5; k++)
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: from + ((to - from) * k) / 5, y }]
        });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe(800, 200);
    await expect(page.getByText('2 / 3')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toContainText('scores best');
    await swipe(200, 800);
    await expect(page.getByText('1 / 3')).toBeVisible();
    // A tap moves on; a tap on the left edge goes back.
    await page.touchscreen.tap(700, 300);
    await expect(page.getByText('2 / 3')).toBeVisible();
    await page.touchscreen.tap(60, 300);
    await expect(page.getByText('1 / 3')).toBeVisible();
    await context.close();
  });

  test('the handout has every slide with its notes, page numbers and the date', async ({
    page
  }) => {
    await ready(page, '/scorecard');
    await addSlide(page, /Add to brief: Scorecard$/);
    await ready(page, '/brief/handout');
    const sheets = page.locator('[data-handout-page]');
    await expect(sheets).toHaveCount(3);
    const today = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < 3; i++) {
      await expect(sheets.nth(i)).toContainText(`Page ${i + 1} of 3`);
      await expect(sheets.nth(i)).toContainText(today);
    }
    await expect(sheets.nth(1).locator('.notes')).toContainText('Reopen this view:');
    await expect(sheets.nth(0).locator('.notes')).toContainText('Title slide.');
  });

  test('a table downloads whole: every column and row in its SVG', async ({ page }) => {
    await ready(page, '/scorecard');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the scorecard chart as SVG' }).click();
    const file = test.info().outputPath('scores.svg');
    await (await download).saveAs(file);
    const svg = readFileSync(file, 'utf8');
    expect(svg).not.toContain('foreignObject');
    // Every column heading, the last one included (it wraps onto two lines).
    for (const text of ['Run A: own assumptions', 'Run B: observed drivers', '>Rank<', '>Brier<'])
      expect(svg).toContain(text);
    expect(svg).toMatch(/>Mean<\/text><text[^>]*>error<\/text>(?![\s\S]*>Mean<)/);
    for (const name of ['Kortunov 2025', 'Notte 2025', 'Yu Sui 2021']) expect(svg).toContain(name);
  });
});
