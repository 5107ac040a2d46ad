/**
 * A forecast kept in the browser joins every page the built-in ones are on, marked as the user's;
 * one that no longer validates is named and left out while everything else still loads. The
 * forecast here is the worked example of an article outside the five (examples/forecasts), put
 * into the browser's storage as the app keeps it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectConsoleProblems } from './helpers/console';
import { catalogFiles, readCatalog } from '../src/cli/readCatalog';
import { searchChanges } from '../src/lib/engine';

const ID = 'tkachenko-2025-gamble';
const YAML = readFileSync(new URL(`../examples/forecasts/${ID}.yaml`, import.meta.url), 'utf8');
const LABEL = 'Tkachenko 2025 (yours)';

/**
 * Opens the app, then writes forecasts straight into its database. Whichever of the page and this
 * script opens the database first creates it at the app's version with its stores (migration
 * 0 → 1), so the two never race into a database without them.
 */
async function keep(page: Page, forecasts: Array<{ id: string; yaml: string }>) {
  await page.goto('/');
  await page.evaluate(async (items) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('crosswinds', 1);
      req.onupgradeneeded = () => {
        for (const name of ['forecasts', 'record', 'scenarios'])
          if (!req.result.objectStoreNames.contains(name))
            req.result.createObjectStore(name, { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('forecasts', 'readwrite');
    for (const f of items)
      tx.objectStore('forecasts').put({
        ...f,
        origin: 'imported',
        updated: '2026-12-07T00:00:00Z'
      });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, forecasts);
}

test.describe('a forecast of the user’s own', () => {
  test('appears on explore, compare, the scorecard and sources, marked as theirs', async ({
    page
  }) => {
    const problems = collectConsoleProblems(page);
    await keep(page, [{ id: ID, yaml: YAML }]);

    await page.goto('/explore');
    const box = page.getByRole('checkbox', { name: LABEL });
    await expect(box).toBeChecked();
    // The timeline's legend names it too.
    await expect(page.getByRole('listitem').filter({ hasText: LABEL }).first()).toBeVisible();

    await page.goto('/compare');
    await expect(
      page.getByRole('rowheader', { name: new RegExp(LABEL.replace(/[()]/g, '\\$&')) }).first()
    ).toBeVisible();

    // Its own driver has no level in the record: the drivers panel says so, not a made-up level.
    await expect(page.getByRole('main')).toContainText('Intent behind the U.S. thaw');
    await expect(page.getByText('not recorded').first()).toBeVisible();

    await page.goto('/scorecard');
    const row = page.locator(`tr[data-analyst="${ID}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(LABEL);
    // On the observed drivers its state is unknown, and unscored, not blamed.
    await expect(row.locator('[data-metric="b-n"]')).toContainText(/^0\+ \d+ unknown/);
    await expect(row.locator('[data-metric="b-rps"]')).toHaveText('—');

    await page.goto('/sources');
    await page.getByRole('link', { name: /Diplomatic gamble/ }).click();
    await expect(page).toHaveURL(new RegExp(`/sources/yours\\?id=${ID}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Diplomatic gamble');
    await expect(page.getByTestId('yours')).toBeVisible();
    await expect(page.locator('#p2')).toContainText('Intent behind the U.S. thaw');
    expect(problems).toEqual([]);
  });

  test('that no longer validates is named, and every other forecast still loads', async ({
    page
  }) => {
    const broken = YAML.replace('to: back-to-confrontation', 'to: nowhere-state');
    expect(broken).not.toBe(YAML);
    await keep(page, [{ id: ID, yaml: broken }]);
    await page.goto('/explore');
    const notice = page.getByRole('status').filter({ hasText: `${ID}.yaml did not load` });
    await expect(notice).toBeVisible();
    await notice.locator('summary').click();
    await expect(notice).toContainText('nowhere-state');
    await expect(page.getByRole('checkbox', { name: LABEL })).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: 'Notte 2025' })).toBeChecked();
  });

  test('is asked what it would take, and goes into the brief, like any other analyst', async ({
    page
  }) => {
    // The engine's answer for the same catalog: the built-in files plus this one.
    const builtIn = catalogFiles().forecasts.map((f) => f.path);
    const withIt = readCatalog([...builtIn, `examples/forecasts/${ID}.yaml`]).catalog!;
    const expected = searchChanges({
      models: [withIt.models.get(ID)!],
      target: { kind: 'levelAtLeast', level: 2 },
      by: '2028Q4',
      from: '2026Q1',
      sources: withIt,
      preset: { kind: 'observed' }
    });
    expect(expected.alternatives.length).toBeGreaterThan(0);

    await keep(page, [{ id: ID, yaml: YAML }]);
    await page.goto(`/explore?p=observed&a=${ID}&f=${ID}&q=2026Q1`);
    await expect(page.getByRole('checkbox', { name: LABEL })).toBeChecked();
    await page.getByText('What would it take?', { exact: true }).first().click();
    const panel = page.getByTestId('what-it-takes');
    await panel.getByLabel('Who', { exact: true }).selectOption(ID);
    await panel.getByLabel('Target', { exact: true }).selectOption('levelAtLeast');
    await panel.getByLabel('Level', { exact: true }).selectOption('2');
    await panel.getByLabel('By', { exact: true }).selectOption('2028Q4');
    await panel.getByRole('button', { name: 'Find the smallest changes' }).click();
    await expect(panel.getByTestId('reach-alternative')).toHaveCount(expected.alternatives.length, {
      timeout: 30_000
    });

    const button = page.getByRole('button', { name: 'Add to brief: Timeline' });
    await button.click();
    const form = page.locator('form', { has: page.getByLabel('Slide title') });
    await form.getByLabel('Slide title').fill('Your forecast');
    await form.getByRole('button', { name: 'Add slide' }).click();
    await page.goto('/brief');
    await expect(page.getByRole('main')).toContainText(LABEL);
  });

  test('that runs past 2030 lengthens the charts while it is shown', async ({ page }) => {
    const later = YAML.replace(/^states:/m, 'until: 2034Q4\nstates:');
    expect(later).toContain('until: 2034Q4');
    await keep(page, [{ id: ID, yaml: later }]);
    await page.goto('/explore?q=2026Q1');
    const box = page.getByRole('checkbox', { name: LABEL });
    await expect(box).toBeChecked();
    const scrubber = page.locator('#quarter-range');
    await scrubber.focus();
    await page.keyboard.press('End');
    await expect(scrubber).toHaveAttribute('aria-valuetext', '2034Q4');
    // Hidden, it no longer stretches the charts; the quarter moves to the last one shown.
    await box.uncheck();
    await expect(scrubber).toHaveAttribute('aria-valuetext', '2030Q4');
    await scrubber.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    await expect(scrubber).toHaveAttribute('aria-valuetext', '2030Q4');
  });
});
