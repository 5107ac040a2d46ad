/**
 * On a laptop (1440×900) no table is cut: every table, the ones folded in a <details> too, fits
 * the box that would scroll it.
 */
import { expect, test } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import { readerPages } from './helpers/pages';

const catalog = readCatalog().catalog;
if (!catalog) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');

test.use({ viewport: { width: 1440, height: 900 } });

const PAGES = readerPages(catalog);

for (const path of PAGES) {
  test(`no table on ${path} is clipped at 1440×900`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // The text alternatives fold their tables away; open them so that those are measured too.
    for (const summary of await page.locator('details:not([open]) > summary').all()) {
      if (await summary.isVisible()) await summary.click();
    }
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('table')]
        .filter((table) => table.checkVisibility())
        .flatMap((table) => {
          let box = table.parentElement;
          while (box && box !== document.body) {
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(box).overflowX))
              break;
            box = box.parentElement;
          }
          const frame = box && box !== document.body ? box : document.documentElement;
          const width = frame === document.documentElement ? window.innerWidth : frame.clientWidth;
          return frame.scrollWidth > width + 1
            ? [`table.${table.className.split(' ')[0]}: ${frame.scrollWidth} px in ${width} px`]
            : [];
        })
    );
    expect(clipped).toEqual([]);
  });
}
