/**
 * Every page's HTML links the stylesheets of what it shows at first paint. A stylesheet that
 * arrives later, with the JavaScript, may only style what the page draws later (a panel loaded on
 * use); if it styled something already on screen, the page would jump as it loads.
 */
import { expect, test } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import { readerPages } from './helpers/pages';

const catalog = readCatalog().catalog;
if (!catalog) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');

for (const path of readerPages(catalog)) {
  test(`${path}: no stylesheet that arrives after the HTML styles what the HTML shows`, async ({
    page
  }) => {
    const html = await (await page.request.get(path)).text();
    const linked = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)].map((m) =>
      /href="([^"]+)"/
        .exec(m[0])![1]!
        .replace(/^\.?\.?\//, '')
        .replace(/^(\.\.\/)+/, '')
    );
    expect(linked.length).toBeGreaterThan(0);
    await page.goto(path);
    await page.waitForLoadState('networkidle');

    const late = await page.evaluate((linked) => {
      const sheets = [...document.styleSheets].filter(
        (s) => s.href && !linked.some((l) => s.href!.endsWith(l))
      );
      return sheets.map((s) => ({
        href: s.href!.replace(/^.*\/assets\//, ''),
        scopes: [
          ...new Set(
            [...s.cssRules].flatMap((r) =>
              r instanceof CSSStyleRule ? (r.selectorText.match(/svelte-[a-z0-9]+/g) ?? []) : []
            )
          )
        ]
      }));
    }, linked);

    // Each Svelte component scopes its styles with a class of its own; the HTML has that class
    // on every element the component drew.
    const styledTooLate = late.flatMap((s) =>
      s.scopes.filter((scope) => html.includes(scope)).map((scope) => `${s.href} (${scope})`)
    );
    expect(styledTooLate, `linked: ${linked.join(', ')}`).toEqual([]);
  });
}
