import { expect, test, type Page } from '@playwright/test';
import { collectConsoleProblems } from './helpers/console';

const KEY = 'crosswinds.deck';

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]').first()).toBeAttached();
}

async function addSlide(page: Page, title: string) {
  await page.getByRole('button', { name: /Add to brief: Scorecard$/ }).click();
  const form = page.locator('form', { has: page.getByLabel('Slide title') });
  await form.getByLabel('Slide title').fill(title);
  await form.getByRole('button', { name: 'Add slide' }).click();
}

const keptCopies = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('crosswinds.deck.corrupt-'))
      .map((k) => [k, localStorage.getItem(k)])
  );

const titles = (page: Page) =>
  page
    .locator('li.slide')
    .getByLabel('Title')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

test.describe('storage faults', () => {
  test('storage blocked by the browser: every page works and says the brief is not kept', async ({
    page
  }) => {
    const problems = collectConsoleProblems(page);
    // What a browser that blocks site data does: merely touching localStorage throws.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        }
      });
    });
    await ready(page, '/explore');
    await ready(page, '/scorecard');
    await addSlide(page, 'Scores');
    await expect(page.getByText(/not letting Crosswinds store the brief/)).toBeVisible();
    await page.getByRole('link', { name: 'Open the brief' }).click();
    await expect(page.locator('li.slide')).toHaveCount(1);
    await expect(page.getByRole('alert')).toContainText(/not letting Crosswinds store the brief/);
    expect(problems).toEqual([]);
  });

  test('a store that throws on write: the change stays for this visit, the saved brief stays saved', async ({
    page
  }) => {
    await ready(page, '/scorecard');
    await addSlide(page, 'Saved before the fault');
    await expect(page.getByText(/Added as slide 1 of the brief\./)).toBeVisible();

    await ready(page, '/brief');
    // The store breaks mid-visit (not a full store: some other refusal).
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new TypeError('storage went away');
      };
    });
    await page.locator('li.slide').getByLabel('Title').fill('Changed during the fault');
    await expect(page.getByRole('alert')).toContainText(
      'The browser would not save the brief (TypeError: storage went away), so the last change was not saved.'
    );
    expect(await titles(page)).toEqual(['Changed during the fault']);

    // A new visit: the fault is gone, and what was saved before it is all there.
    await ready(page, '/brief');
    expect(await titles(page)).toEqual(['Saved before the fault']);
    await expect(page.getByRole('alert')).toBeEmpty();
  });

  test('a corrupt saved brief is kept aside, named, and the page carries on', async ({ page }) => {
    const corrupt = '{"version": 1, "title": "Half a brief", "slides": [{"id": "a", "view":';
    await page.goto('/');
    await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [KEY, corrupt]);

    await ready(page, '/brief');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('could not be read, so Crosswinds started an empty one');
    await expect(alert).toContainText('not valid JSON');
    const kept = await keptCopies(page);
    expect(kept).toHaveLength(1);
    expect(kept[0]![1]).toBe(corrupt);
    await expect(alert).toContainText(`under the key "${kept[0]![0]}"`);

    // New work saves normally, and the kept copy is left alone.
    await ready(page, '/scorecard');
    await addSlide(page, 'A fresh start');
    await ready(page, '/brief');
    expect(await titles(page)).toEqual(['A fresh start']);
    // One copy, though every page load before the new slide read the broken brief again.
    expect(await keptCopies(page)).toEqual(kept);
  });
});
