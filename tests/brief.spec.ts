import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { formatViolations, runAxe } from './helpers/axe';
import { collectConsoleProblems } from './helpers/console';

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
}

/** Presses "Add to brief" under a chart, edits the title, and adds the slide. */
async function addSlide(page: Page, chart: RegExp, title: string) {
  const button = page.getByRole('button', { name: chart });
  const box = page.locator('.add-to-brief', { has: button });
  await button.click();
  const form = page.locator('form', { has: page.getByLabel('Slide title') });
  await expect(form.getByLabel('Speaker notes')).not.toHaveValue('');
  await form.getByLabel('Slide title').fill(title);
  await form.getByRole('button', { name: 'Add slide' }).click();
  await expect(box.getByText(/Added as slide \d+ of the brief/)).toBeVisible();
  return box;
}

const slideTitles = (page: Page) =>
  page
    .locator('li.slide')
    .getByLabel('Title')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

test.describe('briefing deck', () => {
  test('build three slides, reload, reorder, present and move by keyboard', async ({ page }) => {
    const problems = collectConsoleProblems(page);
    await ready(page, '/explore?q=2022Q1&f=trenin-2020-guardrails');
    await addSlide(page, /Add to brief: Timeline/, 'Where they stood when the war began');
    await addSlide(page, /Add to brief: State diagram/, 'The guardrails break');
    await ready(page, '/compare?q=2026Q1');
    await addSlide(page, /Add to brief: Where the analysts disagree/, 'Crux drivers today');

    await page
      .getByRole('navigation', { name: 'Primary' })
      .getByRole('link', { name: 'Brief' })
      .click();
    await expect(page.locator('li.slide')).toHaveCount(3);
    await page.reload();
    await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
    expect(await slideTitles(page)).toEqual([
      'Where they stood when the war began',
      'The guardrails break',
      'Crux drivers today'
    ]);
    // The notes were prefilled with what the view shows and the paragraphs it rests on.
    await expect(page.locator('li.slide').nth(1).getByLabel('Speaker notes')).toHaveValue(
      /Trenin 2020 \(guardrails\) at Rupture over Donbass[\s\S]*Sources: Trenin 2020 \(guardrails\) ¶/
    );

    // Reorder from the keyboard: the third slide's handle, arrow up twice.
    await page
      .locator('li.slide')
      .nth(2)
      .getByRole('button', { name: /^Slide 4:/ })
      .focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await slideTitles(page)).toEqual([
      'Crux drivers today',
      'Where they stood when the war began',
      'The guardrails break'
    ]);
    await expect(page.getByText('Moved “Crux drivers today” to slide 2 of 5.')).toBeVisible();

    // Retitle and delete persist too.
    await page.locator('li.slide').nth(2).getByLabel('Title').fill('Guardrails, broken');
    await page.reload();
    await expect(page.locator('li.slide').nth(2).getByLabel('Title')).toHaveValue(
      'Guardrails, broken'
    );

    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page).toHaveURL(/\/brief\/present/);
    await expect(page.locator('[data-kind="title"]')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: 'Crux drivers today' })).toBeVisible();
    await page.keyboard.press(' ');
    await expect(
      page.getByRole('heading', { name: 'Where they stood when the war began' })
    ).toBeVisible();
    await expect(page.getByText('3 / 5')).toBeVisible();
    await page.keyboard.press('PageUp');
    await expect(page.getByText('2 / 5')).toBeVisible();
    // A reload stays on the same slide and redraws it from the saved deck.
    await expect(page).toHaveURL(/\/brief\/present\?s=2$/);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Crux drivers today' })).toBeVisible();
    await expect(page.getByText('2 / 5')).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/brief$/);
    expect(problems).toEqual([]);
  });

  test('the deck exports to JSON and a broken file is refused without touching the deck', async ({
    page
  }, testInfo) => {
    await ready(page, '/scorecard');
    await addSlide(page, /Add to brief: Scorecard$/, 'Scores');
    await ready(page, '/brief');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export deck (.json)' }).click();
    const file = testInfo.outputPath('deck.json');
    await (await download).saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.slides.map((s: { title: string }) => s.title)).toEqual(['Scores']);

    await page.getByLabel('Import deck (.json)').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 1, "title": "x", "slides": [{"view": "nope"}]}')
    });
    await expect(page.getByRole('alert')).toContainText('broken.json');
    await expect(page.getByRole('alert')).toContainText('The current brief is unchanged.');
    expect(await slideTitles(page)).toEqual(['Scores']);

    // A good file replaces the deck, and the import can be undone.
    saved.slides[0].title = 'Scores, imported';
    await page.getByLabel('Import deck (.json)').setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(saved))
    });
    // The file is read and checked asynchronously: wait for the deck to show it.
    await expect.poll(() => slideTitles(page)).toEqual(['Scores, imported']);
    await page.getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(() => slideTitles(page)).toEqual(['Scores']);
  });

  test('PowerPoint export: a package with every slide, its title and its notes', async ({
    page
  }, testInfo) => {
    await ready(page, '/compare?q=2026Q1');
    await addSlide(page, /Add to brief: Comparison matrix/, 'Every analyst, every quarter');
    await ready(page, '/brief');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PowerPoint (.pptx)' }).click();
    const file = testInfo.outputPath('deck.pptx');
    await (await download).saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBeGreaterThanOrEqual(3);
    const all = await Promise.all(slides.map((f) => zip.file(f)!.async('string')));
    expect(all.some((x) => x.includes('Every analyst, every quarter'))).toBe(true);
    // The matrix is a table: it goes in as one, not as a picture of one.
    expect(
      all.some((x) => x.includes('Every analyst, every quarter') && x.includes('<a:tbl>'))
    ).toBe(true);
  });

  test('storage that is full is reported and the slide stays for this visit', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await ready(page, '/scorecard');
    const box = await addSlide(page, /Add to brief: Scorecard$/, 'Scores');
    await expect(box.getByText(/storage is full/)).toBeVisible();
    await box.getByRole('link', { name: 'Open the brief' }).click();
    await expect(page.getByRole('alert')).toContainText(/storage is full/);
    await expect(page.locator('li.slide')).toHaveCount(1);
  });

  test('a chart downloads from its page as PNG, SVG and CSV', async ({ page }) => {
    await ready(page, '/explore?q=2022Q1');
    const save = async (kind: string) => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: `Download the timeline chart as ${kind}` }).click();
      const file = test.info().outputPath(`chart.${kind.toLowerCase()}`);
      await (await download).saveAs(file);
      return readFileSync(file);
    };
    const png = await save('PNG');
    // A PNG, drawn at twice the chart's size: wider than the 1,168 px stage.
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(2000);
    const svg = (await save('SVG')).toString('utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('Trenin 2020 (guardrails)');
    const csv = (await save('CSV')).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'quarter,observed_level,observed_by,analyst,state,level,probability_of_state'
    );
  });

  test('the printed deck says it is ready only once every chart is drawn, the state diagram included', async ({
    page
  }) => {
    // The state diagram loads on demand in slides; printing must wait for it.
    const deck = JSON.parse(readFileSync('examples/briefing.deck.json', 'utf8'));
    deck.slides.push({
      ...deck.slides[0],
      id: 'diagram',
      view: 'explore-diagram',
      title: 'States'
    });
    await page.addInitScript(
      (text) => localStorage.setItem('crosswinds.deck', text),
      JSON.stringify(deck)
    );
    // The diagram's code arrives late, as on a slow network: the page must wait for it.
    await page.route(/\.js$/, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('Diagram as text')) await new Promise((r) => setTimeout(r, 1500));
      await route.fulfill({ response, body });
    });
    await page.goto('/brief/print');
    // Read at the first frame in which the page says it is ready, not retried.
    // A function, not a string: the page's policy refuses eval, and a string predicate is eval'd.
    const whenReady = await page.waitForFunction(
      () =>
        document.querySelector('[data-ready="true"]')
          ? { drawn: document.querySelectorAll('.diagram svg *').length }
          : null,
      undefined,
      { polling: 'raf' }
    );
    expect(((await whenReady.jsonValue()) as { drawn: number }).drawn).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: 'States' })).toBeVisible();
  });

  test('the deck page has no WCAG 2.1 A/AA violations, with slides', async ({ page }) => {
    await ready(page, '/scorecard');
    await addSlide(page, /Add to brief: Events against forecasts/, 'Events');
    await ready(page, '/brief');
    expect(formatViolations(await runAxe(page))).toEqual([]);
  });
});
