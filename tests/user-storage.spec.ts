/**
 * The user's storage (IndexedDB) failing: blocked, full, or holding a value of the wrong shape.
 * Every page keeps working, a saved scenario stays for the tab, and the notice at the top says
 * what was not kept.
 */
import { expect, test, type Page } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import { collectConsoleProblems } from './helpers/console';
import { readerPages } from './helpers/pages';

const catalog = readCatalog().catalog!;

/** The notice the layout shows for what storage did not keep. */
const notice = (page: Page) => page.locator('main > .notice[role="status"]');

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]').first()).toBeAttached();
}

async function saveScenario(page: Page, name: string) {
  await page.getByRole('heading', { name: 'Saved scenarios' }).scrollIntoViewIfNeeded();
  const panel = page.getByRole('region', { name: 'Saved scenarios', exact: true });
  await panel.getByLabel('Save as scenario').fill(name);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText(`Saved “${name}”.`);
  return panel;
}

test.describe('user storage faults', () => {
  test('IndexedDB that throws when touched: every page works, and a scenario is kept for the tab only', async ({
    page
  }) => {
    const problems = collectConsoleProblems(page);
    // What a browser that blocks site data does: merely reading `indexedDB` throws.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        }
      });
    });
    for (const path of readerPages(catalog)) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
      await expect(notice(page), path).toContainText('not letting Crosswinds keep');
    }
    await ready(page, '/explore?q=2025Q1');
    const panel = await saveScenario(page, 'Tab only');
    await expect(panel).toContainText('This browser is not keeping it beyond this tab');
    await expect(notice(page)).toContainText('they last only until you close this tab');
    // Kept for the tab: on another page of this visit it is still listed.
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
    await page.getByRole('heading', { name: 'Saved scenarios' }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('link', { name: 'Tab only' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('IndexedDB whose open throws: the page is ready and says why nothing is kept', async ({
    page
  }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('Access denied', 'UnknownError');
      };
    });
    await ready(page, '/explore');
    await expect(notice(page)).toContainText('UnknownError: Access denied');
    await saveScenario(page, 'Kept here');
    await expect(page.getByRole('link', { name: 'Kept here' })).toBeVisible();
  });

  test('full storage: the scenario stays in the list for the tab and the notice says storage is full', async ({
    page
  }) => {
    const problems = collectConsoleProblems(page);
    await ready(page, '/explore');
    await saveScenario(page, 'Saved before');
    await page.addInitScript(() => {
      const w = window as unknown as { realPut: typeof IDBObjectStore.prototype.put };
      w.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await ready(page, '/explore?q=2024Q4');
    const panel = await saveScenario(page, 'No room');
    await expect(notice(page)).toContainText(
      'storage is full, so the scenario was not saved; it stays until you close this tab'
    );
    await expect(panel.getByRole('link', { name: 'No room' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Saved before' })).toBeVisible();
    // Room again: the next save works, and the notice still names the one kept for the tab only.
    await page.evaluate(() => {
      const w = window as unknown as { realPut: typeof IDBObjectStore.prototype.put };
      IDBObjectStore.prototype.put = w.realPut;
    });
    await saveScenario(page, 'With room');
    await expect(notice(page)).toContainText(
      'One earlier change could not be saved in this browser and is kept only until you close this tab'
    );
    // A reload shows what storage kept: not the one saved while it was full.
    await ready(page, '/explore');
    await page.getByRole('heading', { name: 'Saved scenarios' }).scrollIntoViewIfNeeded();
    await expect(panel.getByRole('link', { name: 'Saved before' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'With room' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'No room' })).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('a value of the wrong shape in the store is named and skipped; the rest still loads', async ({
    page
  }) => {
    const problems = collectConsoleProblems(page);
    await ready(page, '/explore');
    await saveScenario(page, 'Good one');
    // Another program (or version) left values this one cannot read.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('crosswinds');
          req.onsuccess = () => {
            const tx = req.result.transaction(['scenarios', 'forecasts'], 'readwrite');
            tx.objectStore('scenarios').put({ id: 'broken-entry', name: 42 });
            tx.objectStore('forecasts').put({ id: 'odd-forecast', yaml: { not: 'text' } });
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        })
    );
    for (const path of ['/explore', '/compare', '/scorecard', '/']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
      await expect(notice(page), path).toContainText(
        'One of your saved scenarios kept in this browser is unreadable and was left out (“broken-entry”).'
      );
      await expect(notice(page), path).toContainText('(“odd-forecast”)');
    }
    await ready(page, '/compare');
    await page.getByRole('heading', { name: 'Saved scenarios' }).scrollIntoViewIfNeeded();
    await expect(
      page.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem')
    ).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Good one' })).toBeVisible();
    expect(problems).toEqual([]);
  });
});
