/**
 * Named scenarios: save the explore view under a name, find it again after a reload, open,
 * rename, delete with undo, share, and set two saved scenarios side by side on /compare.
 */
import { expect, test, type Page } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import { buildSchedule, quarterRange, runPath, type Override } from '../src/lib/engine';
import { analystsOf } from '../src/lib/state/views';
import { collectConsoleProblems } from './helpers/console';
import { formatViolations, runAxe } from './helpers/axe';

const catalog = readCatalog().catalog!;

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
}

/** Scrolls to the saved-scenarios panel, as a reader does; it loads when it comes into view. */
async function savedPanel(page: Page) {
  await page.getByRole('heading', { name: 'Saved scenarios' }).scrollIntoViewIfNeeded();
  const panel = page.getByRole('region', { name: 'Saved scenarios', exact: true });
  await expect(panel.getByLabel('Save as scenario')).toBeVisible();
  return panel;
}

async function saveAs(page: Page, name: string) {
  const panel = await savedPanel(page);
  await panel.getByLabel('Save as scenario').fill(name);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText(`Saved “${name}”.`);
  return panel;
}

const names = (page: Page) =>
  page.getByRole('list', { name: 'Saved scenarios' }).getByRole('link').allInnerTexts();

test.describe('named scenarios', () => {
  test('a saved view survives a reload, opens as it was, and can be renamed and deleted with undo', async ({
    page
  }) => {
    const problems = collectConsoleProblems(page);
    await open(page, '/explore');
    await page.locator('#quarter-range').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft'); // 2025Q3
    await page.getByLabel('Sanctions', { exact: true }).selectOption('lifted');
    await expect(page).toHaveURL(/o=sanctions\.lifted\.2025Q3/);
    await expect(page).toHaveURL(/q=2025Q3/);
    await saveAs(page, 'Sanctions lifted');
    await saveAs(page, 'Saved after it');

    // A fresh page load on the default view: the scenario is still listed, with what it holds.
    await open(page, '/explore');
    await expect(page.locator('#quarter-range')).toHaveAttribute('aria-valuetext', '2026Q1');
    const panel = await savedPanel(page);
    const item = panel.getByRole('listitem').filter({ hasText: 'Sanctions lifted' });
    await expect(item).toContainText('What happened · 1 driver change · every analyst · 2025Q3');

    await item.getByRole('link', { name: 'Sanctions lifted' }).click();
    await expect(page.locator('#quarter-range')).toHaveAttribute('aria-valuetext', '2025Q3');
    await expect(page.getByLabel('Sanctions', { exact: true })).toHaveValue('lifted');
    await expect(page.locator('#driver-sanctions-source')).toHaveText('your override');
    await expect(page).toHaveURL(/o=sanctions\.lifted\.2025Q3/);

    // Rename: Enter keeps the new name; it is kept across a reload.
    await item.getByRole('button', { name: 'Rename Sanctions lifted' }).click();
    const field = panel.getByLabel('New name for Sanctions lifted');
    await expect(field).toBeFocused();
    await field.fill('Relief from 2025Q3');
    await field.press('Enter');
    await expect(panel.getByRole('status')).toContainText(
      'Renamed “Sanctions lifted” to “Relief from 2025Q3”.'
    );
    await expect(panel.getByRole('button', { name: 'Rename Relief from 2025Q3' })).toBeFocused();
    // A renamed scenario keeps its place in the list after a reload.
    await open(page, '/explore');
    await savedPanel(page);
    expect(await names(page)).toEqual(['Relief from 2025Q3', 'Saved after it']);
    await page.getByRole('button', { name: 'Delete Saved after it' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toContainText(
      'Deleted “Saved after it”.'
    );
    expect(await names(page)).toEqual(['Relief from 2025Q3']);

    // Delete, undo, and the undone scenario is saved again.
    await page.getByRole('button', { name: 'Delete Relief from 2025Q3' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toContainText(
      'Deleted “Relief from 2025Q3”.'
    );
    await expect(page.getByRole('list', { name: 'Saved scenarios' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('“Relief from 2025Q3” is back.')).toBeVisible();
    await open(page, '/explore');
    await savedPanel(page);
    expect(await names(page)).toEqual(['Relief from 2025Q3']);

    // Deleted for good: gone after a reload too.
    await page.getByRole('button', { name: 'Delete Relief from 2025Q3' }).click();
    await open(page, '/explore');
    await savedPanel(page);
    await expect(page.getByRole('list', { name: 'Saved scenarios' })).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('a name is required, and saving under a used name replaces it with undo', async ({
    page
  }) => {
    await open(page, '/explore?q=2024Q1');
    const panel = await savedPanel(page);
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByText('Give the scenario a name')).toBeVisible();
    await expect(panel.getByLabel('Save as scenario')).toHaveAttribute('aria-invalid', 'true');

    await saveAs(page, 'Mine');
    await page.locator('#quarter-range').focus();
    await page.keyboard.press('ArrowRight'); // 2024Q2
    await panel.getByLabel('Save as scenario').fill('Mine');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByRole('status')).toContainText('Replaced the view saved as “Mine”');
    await expect(panel.getByRole('listitem')).toHaveCount(1);
    await expect(panel.getByRole('listitem')).toContainText('2024Q2');
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect(panel.getByRole('listitem')).toContainText('2024Q1');
  });

  test('a deleted scenario comes back in its place, now and after a reload', async ({ page }) => {
    await open(page, '/explore?q=2024Q1');
    await saveAs(page, 'First');
    await saveAs(page, 'Second');
    await expect.poll(() => names(page)).toEqual(['First', 'Second']);
    await page.getByRole('button', { name: 'Delete First' }).click();
    await expect.poll(() => names(page)).toEqual(['Second']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => names(page)).toEqual(['First', 'Second']);
    await open(page, '/explore');
    await savedPanel(page);
    await expect.poll(() => names(page)).toEqual(['First', 'Second']);
  });

  test('a scenario’s link is copied to share, and all of them go out and come back as a file', async ({
    page,
    context
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '/explore?q=2027Q1&o=ukraine.settlement.2026Q2');
    await saveAs(page, 'Settlement');
    const panel = page.getByRole('region', { name: 'Saved scenarios', exact: true });
    await panel.getByRole('button', { name: 'Copy link to Settlement' }).click();
    await expect(panel.getByRole('status')).toContainText('Copied the link to “Settlement”');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).pathname).toBe('/explore');
    expect(new URL(link).search).toBe('?o=ukraine.settlement.2026Q2&q=2027Q1');

    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download all (.json)' }).click();
    const file = await (await downloading).path();

    await panel.getByRole('button', { name: 'Delete Settlement' }).click();
    await expect(panel.getByRole('list', { name: 'Saved scenarios' })).toHaveCount(0);
    await panel.getByLabel('Import (.json)').setInputFiles(file);
    await expect(panel.getByRole('status')).toContainText('Imported 1 scenario');
    await expect(panel.getByRole('link', { name: 'Settlement' })).toHaveAttribute(
      'href',
      '/explore?o=ukraine.settlement.2026Q2&q=2027Q1'
    );

    // A file that is not a scenarios file changes nothing and says why.
    await panel.getByLabel('Import (.json)').setInputFiles({
      name: 'deck.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"slides": []}')
    });
    await expect(panel.getByRole('status')).toContainText(
      'deck.json is not a Crosswinds scenarios file'
    );
    await expect(panel.getByRole('listitem')).toHaveCount(1);
  });

  test('two saved scenarios side by side on /compare show where the drivers make a difference', async ({
    page
  }) => {
    const problems = collectConsoleProblems(page);
    const overrides: Override[] = [
      { driver: 'ukraine', level: 'settlement', from: '2026Q2' },
      { driver: 'sanctions', level: 'lifted', from: '2026Q2' }
    ];
    await open(page, '/explore');
    await saveAs(page, 'As it went');
    await open(page, '/explore?o=ukraine.settlement.2026Q2,sanctions.lifted.2026Q2&q=2026Q2');
    await saveAs(page, 'Settlement and relief');

    // Where the engine says the two differ: the first analyst and quarter that moved.
    const quarters = quarterRange(catalog.horizon.first, catalog.horizon.last);
    const base = buildSchedule(catalog, { kind: 'observed' });
    const changed = buildSchedule(catalog, { kind: 'observed' }, overrides);
    const differing = analystsOf(catalog).flatMap((a) => {
      const model = catalog.models.get(a.id)!;
      const before = new Map(runPath(model, base).steps.map((s) => [s.quarter, s]));
      return runPath(model, changed)
        .steps.filter((s) => before.get(s.quarter)?.state !== s.state)
        .map((s) => ({ analyst: a.label, quarter: s.quarter, a: before.get(s.quarter)!, b: s }));
    });
    expect(differing.length).toBeGreaterThan(0);
    const first = differing[0]!;

    await open(page, '/compare');
    await page.getByRole('heading', { name: 'Saved scenarios' }).scrollIntoViewIfNeeded();
    const side = page.getByRole('region', { name: 'Two saved scenarios side by side' });
    await expect(side.getByLabel('Scenario A')).toHaveValue(/.+/);
    await side.getByLabel('Scenario A').selectOption({ label: 'As it went' });
    await side.getByLabel('Scenario B').selectOption({ label: 'Settlement and relief' });
    await expect(side).toContainText('Under B (“Settlement and relief”) against A (“As it went”)');

    // The B row of the first analyst that moved marks that quarter as differing.
    const table = side.getByRole('table');
    const column = quarters.indexOf(first.quarter);
    const group = table.locator('tbody').filter({ hasText: first.analyst }).first();
    const bCell = group.locator('tr').nth(1).locator('td').nth(column);
    await expect(bCell).toContainText('differs from A');
    // The frame opens scrolled sideways to where the two first differ.
    const frame = side.getByRole('region', { name: /Levels under A and B/ });
    await expect
      .poll(async () => {
        const [f, c] = [(await frame.boundingBox())!, (await bCell.boundingBox())!];
        return c.x >= f.x && c.x + c.width <= f.x + f.width;
      })
      .toBe(true);
    await expect(bCell).toHaveAttribute(
      'title',
      new RegExp(`in ${first.quarter}: ${first.b.label}`)
    );
    const aCell = group.locator('tr').nth(0).locator('td').nth(column);
    await expect(aCell).toHaveAttribute(
      'title',
      new RegExp(`in ${first.quarter}: ${first.a.label}`)
    );
    // A quarter before the drivers changed is the same under both.
    await expect(group.locator('tr').nth(1).locator('td').nth(0)).not.toContainText('differs');

    // The text alternative says the same in words.
    await side.getByText('Each analyst in words').click();
    await expect(
      side.getByRole('listitem').filter({ hasText: first.analyst }).first()
    ).toContainText(first.quarter);

    // Only the differing quarters: fewer columns, each with a difference in it.
    await side.getByLabel(/Only the \d+ quarters where they differ/).check();
    const shown = await table.locator('thead th').count();
    expect(shown - 2).toBeLessThan(quarters.length);

    // The quarters scroll inside their frame, never the page, on a desktop or a phone.
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(page.viewportSize()!.width);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(pageWidth).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 720 });

    // The frame scrolls sideways from the keyboard.
    await side.getByLabel(/Only the/).uncheck();
    const before = await frame.evaluate((e) => e.scrollLeft);
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate((e) => e.scrollLeft)).toBeGreaterThan(before);

    // The same scenario on both sides: no difference, in words.
    await side.getByLabel('Scenario B').selectOption({ label: 'As it went' });
    await expect(side).toContainText(
      '“As it went” and “As it went” put every analyst in the same state in every quarter.'
    );
    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
