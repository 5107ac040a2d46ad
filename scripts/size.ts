/**
 * First-load JavaScript of every route of the built site, against its budget. Each route is
 * opened in headless Chromium (1440×900, cold cache) and every JavaScript file it fetches until it
 * settles (network idle, the page's ready marker, then no request for half a second) is counted at
 * its gzip size. `vite preview` serves files uncompressed, so the size is the body gzipped here at
 * level 9 — what a static host that compresses would send. The brief's routes are opened with the
 * example deck (examples/briefing.deck.json) saved in the browser, as a user with a brief sees them.
 *
 * It also fails when a file fetched at first load contains the YAML parser, or zod on a page that
 * reads no file of the user's: the built-in catalog is validated at build time, so only the brief's
 * pages, which read the brief saved in the browser (with zod's mini build), need zod at first.
 *
 *   npm run build && npm run size        (BASE_URL to use another port than 4173)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/chromium';
import { BASE_URL, withPreview } from './preview';

const KB = 1024;
const HOME_BUDGET = 60 * KB;
// 150 KB until every page began reading the user's own forecasts, record and scenarios from the
// browser's storage (the store, its notices and the saved-scenario panels: about 3 KB on /explore).
const ROUTE_BUDGET = 155 * KB;
const QUIET_MS = 500;

/** Strings only the YAML parser's and zod's code contain (class names they construct). */
const YAML = { library: 'yaml', signature: 'YAMLParseError' };
const ZOD = { library: 'zod', signature: '$ZodType' };

const firstSource = readdirSync('build/sources')
  .filter((n) => n.endsWith('.html'))
  .sort()[0]
  ?.replace(/\.html$/, '');
if (!firstSource) throw new Error('No source pages in build/sources: run `npm run build` first.');

interface Route {
  path: string;
  budget: number;
  /** Opened with a saved brief, which the page reads with zod. */
  withBrief?: boolean;
}

const ROUTES: Route[] = [
  { path: '/', budget: HOME_BUDGET },
  { path: '/explore', budget: ROUTE_BUDGET },
  { path: '/compare', budget: ROUTE_BUDGET },
  { path: '/scorecard', budget: ROUTE_BUDGET },
  { path: '/sources', budget: ROUTE_BUDGET },
  { path: `/sources/${firstSource}`, budget: ROUTE_BUDGET },
  { path: '/brief', budget: ROUTE_BUDGET, withBrief: true },
  { path: '/brief/present', budget: ROUTE_BUDGET, withBrief: true },
  { path: '/brief/print', budget: ROUTE_BUDGET, withBrief: true }
];

interface Measured {
  path: string;
  budget: number;
  bytes: number;
  files: number;
  /** Each file's path and gzip size, largest first (printed with --files). */
  sizes: Array<[string, number]>;
  forbidden: string[];
}

async function measure(browser: Browser, route: Route): Promise<Measured> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (route.withBrief) {
    const deck = readFileSync('examples/briefing.deck.json', 'utf8');
    await context.addInitScript((text) => localStorage.setItem('crosswinds.deck', text), deck);
  }
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer>>();
  let lastRequest = Date.now();
  page.on('request', () => (lastRequest = Date.now()));
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (response.ok() && (type.includes('javascript') || response.url().endsWith('.js'))) {
      bodies.set(response.url(), response.body());
    }
  });
  await page.goto(new URL(route.path, BASE_URL).href, { waitUntil: 'networkidle' });
  if (await page.locator('[data-ready]').count()) {
    await page.locator('[data-ready="true"]').first().waitFor({ state: 'attached' });
  }
  while (Date.now() - lastRequest < QUIET_MS) await page.waitForTimeout(100);
  await page.waitForLoadState('networkidle');

  const sizes: Array<[string, number]> = [];
  const forbidden = new Set<string>();
  for (const [url, body] of bodies) {
    const code = await body;
    sizes.push([new URL(url).pathname, gzipSync(code, { level: 9 }).length]);
    const text = code.toString('utf8');
    for (const { library, signature } of route.withBrief ? [YAML] : [YAML, ZOD]) {
      if (text.includes(signature)) forbidden.add(`${library} (${new URL(url).pathname})`);
    }
  }
  await context.close();
  sizes.sort((a, b) => b[1] - a[1]);
  const bytes = sizes.reduce((sum, [, n]) => sum + n, 0);
  return { ...route, bytes, files: bodies.size, sizes, forbidden: [...forbidden] };
}

async function main(): Promise<number> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const rows: Measured[] = [];
  try {
    for (const route of ROUTES) rows.push(await measure(browser, route));
  } finally {
    await browser.close();
  }
  const kb = (n: number) => (n / KB).toFixed(1);
  console.log('First-load JavaScript, gzip level 9 (headless Chromium, 1440×900, cold cache)\n');
  console.log('| route | files | KB gzip | budget KB | ok |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const ok = r.bytes <= r.budget && r.forbidden.length === 0;
    console.log(
      `| ${r.path} | ${r.files} | ${kb(r.bytes)} | ${kb(r.budget)} | ${ok ? 'yes' : 'NO'} |`
    );
  }
  if (process.argv.includes('--files')) {
    for (const r of rows) {
      console.log(`\n${r.path}`);
      for (const [file, n] of r.sizes) console.log(`  ${kb(n).padStart(6)} KB  ${file}`);
    }
  }
  const over = rows.filter((r) => r.bytes > r.budget);
  const leaks = rows.filter((r) => r.forbidden.length);
  for (const r of over)
    console.error(`${r.path}: ${kb(r.bytes)} KB is over its ${kb(r.budget)} KB budget`);
  for (const r of leaks) console.error(`${r.path}: first load fetches ${r.forbidden.join(', ')}`);
  return over.length || leaks.length ? 1 : 0;
}

withPreview(main)
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
