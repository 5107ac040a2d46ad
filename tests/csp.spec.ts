import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalog } from '../src/cli/readCatalog';
import { collectCspViolations, metaPolicy } from './helpers/csp';
import { readerPages } from './helpers/pages';

const catalog = readCatalog().catalog;
if (!catalog) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');
// The brief's show and print views too: each carries the policy and must keep to it.
const ROUTES = [...readerPages(catalog), '/brief/present', '/brief/print'];

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]').first()).toBeAttached();
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

test.describe('content security policy', () => {
  test('every built page carries the strict policy', () => {
    // The browser tests' web server has built the site before any test runs.
    const files = htmlFiles('build');
    expect(files.length).toBeGreaterThanOrEqual(ROUTES.length);
    for (const file of files) {
      const policy = metaPolicy(readFileSync(file, 'utf8'));
      expect(policy, file).toBeDefined();
      expect(policy, file).toContain("default-src 'self'");
      expect(policy, file).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
      expect(policy, file).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    }
  });

  test('no route breaks the policy', async ({ page }) => {
    test.setTimeout(120_000);
    const violations = await collectCspViolations(page);
    for (const route of ROUTES) {
      await page.goto(route);
      await page.waitForLoadState('networkidle');
    }
    expect(violations).toEqual([]);
  });

  test('the main flows break no rule: explore, compare, brief, present, export, import', async ({
    page
  }, testInfo) => {
    test.setTimeout(120_000);
    const violations = await collectCspViolations(page);

    // Explore: change a driver, download the timeline as PNG and SVG.
    await ready(page, '/explore?q=2024Q1');
    await page.getByLabel('Ukraine', { exact: true }).selectOption('settlement');
    await expect(page).toHaveURL(/o=ukraine\.settlement\.2024Q1/);
    for (const kind of ['PNG', 'SVG']) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: `Download the timeline chart as ${kind}` }).click();
      await (await download).saveAs(testInfo.outputPath(`timeline.${kind.toLowerCase()}`));
    }
    await addSlide(page, /Add to brief: Timeline/, 'Settlement from 2024');

    // Compare: a cell opens its explanation.
    await ready(page, '/compare');
    await page.getByRole('gridcell', { name: /^Kortunov 2025, 2026Q1:/ }).click();
    await expect(page.getByRole('heading', { name: 'Kortunov 2025 in 2026Q1' })).toBeVisible();
    await addSlide(page, /Add to brief: Comparison matrix/, 'Every analyst');

    // Brief: export PowerPoint and JSON, import the JSON back.
    await ready(page, '/brief');
    const pptx = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PowerPoint (.pptx)' }).click();
    await (await pptx).saveAs(testInfo.outputPath('deck.pptx'));
    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export deck (.json)' }).click();
    const file = testInfo.outputPath('deck.json');
    await (await json).saveAs(file);
    await page.getByLabel('Import deck (.json)').setInputFiles(file);
    await expect(page.getByRole('status').first()).toContainText('Imported deck.json: 2 slides.');

    // Present and step through, then the print view.
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page).toHaveURL(/\/brief\/present/);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    await ready(page, '/brief/print');
    await expect(page.locator('.page')).toHaveCount(4);

    expect(violations).toEqual([]);
  });
});

/** Presses "Add to brief" under a chart, sets the title, and adds the slide. */
async function addSlide(page: Page, chart: RegExp, title: string) {
  await page.getByRole('button', { name: chart }).click();
  const form = page.locator('form', { has: page.getByLabel('Slide title') });
  await form.getByLabel('Slide title').fill(title);
  await form.getByRole('button', { name: 'Add slide' }).click();
  await expect(page.getByText(/Added as slide \d+ of the brief/)).toBeVisible();
}
