import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { collectConsoleProblems } from './helpers/console';

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]').first()).toBeAttached();
}

/** The analysts' names in the explore picker, in order. */
const pickerNames = (page: Page) => page.locator('fieldset.analysts label .name').allInnerTexts();

/** A compare matrix row's levels, quarter by quarter. */
const rowLevels = (page: Page, id: string) =>
  page
    .locator(`td[data-row="${id}"]`)
    .evaluateAll((cells) => cells.map((c) => `${c.dataset.quarter}:${c.dataset.level}`));

test.describe('author a forecast', () => {
  test('write one from scratch in the form, save it, and find it on explore and compare after a reload', async ({
    page
  }) => {
    test.setTimeout(90_000);
    const problems = collectConsoleProblems(page);
    await ready(page, '/author');
    await page.getByRole('button', { name: 'New forecast' }).click();
    const form = page.locator('#panel-form');

    await form.getByLabel('Forecast id').fill('tester-2026-ice');
    await form.getByLabel('Author', { exact: true }).fill('Jane Tester');
    await form.getByLabel('Title', { exact: true }).fill('Ice before the thaw');
    await form.getByLabel('Outlet').fill('Test Review');
    await form.getByLabel('Published').fill('2026-02-01');

    const states = form.getByTestId('state-card');
    await expect(states).toHaveCount(2);
    await states.nth(0).getByLabel('Label', { exact: true }).fill('Frozen');
    await states.nth(0).getByLabel('Level on the shared scale').selectOption('-2');
    await states.nth(1).getByLabel('Label', { exact: true }).fill('Thaw');
    await states.nth(1).getByLabel('Level on the shared scale').selectOption('1');

    // The transition's condition: sanctions at least easing, stated in the article.
    const transition = form.getByTestId('transition-card').first();
    await transition.getByLabel('Condition', { exact: true }).selectOption('driverAtLeast');
    await transition.getByLabel('Driver', { exact: true }).selectOption('sanctions');
    await transition.getByLabel('Level', { exact: true }).selectOption('easing');
    const citation = transition.locator('fieldset', { hasText: 'Condition’s citation' });
    await citation.getByLabel('Basis').selectOption('stated');
    // A stated condition needs its quote: the problem shows beside the quote field.
    await expect(citation.getByTestId('field-problem')).toContainText('stated element needs');
    await expect(page.getByRole('button', { name: 'Save forecast' })).toBeDisabled();
    await citation.getByLabel('Quote').fill('if sanctions ease, the ice breaks');

    await expect(page.getByTestId('check-summary')).toContainText('No problems');
    // The preview lays out the diagram of a forecast the build has not seen.
    await expect(page.getByTestId('preview').locator('figure.diagram svg.chart-svg')).toContainText(
      'Frozen'
    );
    await page.getByRole('button', { name: 'Save forecast' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Saved “Ice before the thaw”' })
    ).toBeVisible();
    await expect(page.getByTestId('your-forecasts')).toContainText('Ice before the thaw');

    await ready(page, '/explore');
    await expect.poll(() => pickerNames(page)).toContain('Tester 2026 (yours)');
    await ready(page, '/explore?f=tester-2026-ice');
    await expect(page.locator('figure.diagram svg.chart-svg')).toContainText('Thaw');
    await ready(page, '/compare');
    await expect(page.locator('td[data-row="tester-2026-ice"]').first()).toBeAttached();

    await page.reload();
    await expect(page.locator('[data-ready="true"]').first()).toBeAttached();
    await expect(page.locator('th.row-label', { hasText: 'Tester 2026 (yours)' })).toBeVisible();
    const levels = await rowLevels(page, 'tester-2026-ice');
    expect(levels.some((l) => l.endsWith(':-2'))).toBe(true);
    expect(problems).toEqual([]);
  });

  test('a file with a planted error is refused with its path, and nothing changes', async ({
    page
  }) => {
    await ready(page, '/explore');
    const before = await pickerNames(page);
    await ready(page, '/author');
    await expect(page.getByText('None yet')).toBeVisible();

    const planted = readFileSync('scenarios/forecasts/yusui-2021-stalemate.yaml', 'utf8')
      .replace(/^id: yusui-2021-stalemate$/m, 'id: planted-error')
      .replace(/^(\s+to: )(\S+)$/m, '$1nowhere');
    await page.getByLabel('A YAML file').setInputFiles({
      name: 'planted.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(planted)
    });
    const table = page.getByTestId('import-problems');
    await expect(table).toContainText('Nothing was saved or changed');
    const row = table.locator('tr', { hasText: 'unknown state "nowhere"' });
    await expect(row.locator('td').nth(0)).toHaveText('planted.yaml');
    await expect(row.locator('td').nth(1)).toHaveText(/^transitions\[\d+\]\.to$/);

    await expect(page.getByText('None yet')).toBeVisible();
    await ready(page, '/explore');
    expect(await pickerNames(page)).toEqual(before);
  });

  test('a built-in forecast exported as YAML and imported under a new id takes the same paths', async ({
    page
  }, testInfo) => {
    test.setTimeout(90_000);
    await ready(page, '/author');
    await page.getByLabel('Forecast', { exact: true }).selectOption('notte-2025-reset');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download YAML' }).click();
    const file = testInfo.outputPath('notte-2025-reset.yaml');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('notte-2025-reset.yaml');
    await saved.saveAs(file);
    expect(readFileSync(file, 'utf8')).toMatch(/^id: notte-2025-reset\nsource:/);

    await page.getByLabel('A YAML file').setInputFiles(file);
    await expect(page.getByRole('alert')).toContainText('notte-2025-reset exists already');
    await page.getByLabel('New id').fill('notte-copy');
    await page.getByRole('button', { name: 'Import under the new id' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'as notte-copy' })).toBeVisible();

    await ready(page, '/compare');
    const original = await rowLevels(page, 'notte-2025-reset');
    const copy = await rowLevels(page, 'notte-copy');
    expect(original.length).toBeGreaterThan(0);
    expect(copy).toEqual(original);
    // Under other drivers too: the assumed preset of the original.
    await ready(page, '/compare?p=notte-2025-reset');
    expect(await rowLevels(page, 'notte-copy')).toEqual(await rowLevels(page, 'notte-2025-reset'));
  });

  test('share a forecast as a link, open it in another browser, add it; delete it and undo', async ({
    page,
    browser
  }) => {
    test.setTimeout(90_000);
    await ready(page, '/author');
    const text = readFileSync('scenarios/forecasts/yusui-2021-stalemate.yaml', 'utf8').replace(
      /^id: yusui-2021-stalemate$/m,
      'id: shared-view'
    );
    await page.getByLabel('Or paste the file’s text').fill(text);
    await page.getByRole('button', { name: 'Import the pasted text' }).click();
    const card = page.getByTestId('your-forecasts').locator('li[data-id="shared-view"]');
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: 'Share as link' }).click();
    const link = await card.getByLabel('Link that opens this forecast for import').inputValue();
    expect(link).toMatch(/\/author\?import=g[A-Za-z0-9_-]+$/);

    const other = await browser.newContext();
    const theirs = await other.newPage();
    await theirs.goto(link);
    const shared = theirs.getByTestId('shared-forecast');
    await expect(shared).toContainText('Yu Sui');
    await shared.getByRole('button', { name: 'Add to my forecasts' }).click();
    await expect(theirs.getByRole('status').filter({ hasText: 'as shared-view' })).toBeVisible();
    await expect(theirs.getByTestId('your-forecasts')).toContainText('shared-view.yaml');
    await other.close();

    await card.getByRole('button', { name: 'Delete' }).click();
    await expect(card).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(card).toBeVisible();
  });

  test('an edit in the form keeps the comments the file had, in the YAML tab and the saved file', async ({
    page
  }, testInfo) => {
    test.setTimeout(90_000);
    const text = readFileSync('examples/forecasts/tkachenko-2025-gamble.yaml', 'utf8');
    const comment = '# The fork the article names and leaves open: both answers, weighted.';
    expect(text).toContain(comment);
    await ready(page, '/author');
    await page.getByLabel('Or paste the file’s text').fill(text);
    await page.getByRole('button', { name: 'Import the pasted text' }).click();
    const card = page.getByTestId('your-forecasts').locator('li[data-id="tkachenko-2025-gamble"]');
    await card.getByRole('button', { name: 'Edit' }).click();

    const form = page.locator('#panel-form');
    await form.getByLabel('Thesis, in your words').fill('A thaw whose intent is still unknown.');
    await page.getByRole('tab', { name: 'YAML' }).click();
    const yaml = page.getByLabel(/The forecast’s file/);
    await expect(yaml).toHaveValue(/thesis: A thaw whose intent is still unknown\./);
    expect(await yaml.inputValue()).toContain(comment);

    await expect(page.getByTestId('check-summary')).toContainText('No problems');
    await page.getByRole('button', { name: 'Save forecast' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved “' })).toBeVisible();
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Download YAML' }).click();
    const file = testInfo.outputPath('saved.yaml');
    await (await download).saveAs(file);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('A thaw whose intent is still unknown.');
    for (const line of text.split('\n').filter((l) => l.trim().startsWith('#')))
      expect(saved).toContain(line.trim());
  });

  test('each source page downloads its forecast’s file', async ({ page }) => {
    await page.goto('/sources/notte-2025-reset');
    await page.waitForLoadState('networkidle');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download YAML' }).click();
    expect((await download).suggestedFilename()).toBe('notte-2025-reset.yaml');
  });
});
