/**
 * Full-page screenshots of the running site at a desktop and a phone size.
 *
 *   npm start                                  # in another terminal: build + preview on :4173
 *   npx tsx scripts/screenshots.ts [paths...]  # default: /
 *
 * Writes screenshots/<route>-<w>x<h>.png, where <route> is the path with slashes turned
 * into dashes ("/" is "home"). Uses the system Chromium via playwright-core.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/chromium';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:4173';
const OUT_DIR = 'screenshots';
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 }
] as const;

/** "/" → "home", "/explore/" → "explore", "/a/b" → "a-b". */
export function routeName(path: string): string {
  const name = path
    .split(/[?#]/)[0]!
    .split('/')
    .filter(Boolean)
    .join('-')
    .replace(/[^\w.-]+/g, '_');
  return name || 'home';
}

async function serverIsUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const paths = process.argv.slice(2).map((p) => (p.startsWith('/') ? p : `/${p}`));
  if (paths.length === 0) paths.push('/');

  if (!(await serverIsUp(BASE_URL))) {
    console.error(
      `No server answered at ${BASE_URL}.\n` +
        'Start the built site first with `npm start` (it builds, then serves on port 4173),\n' +
        'then run this script again in another terminal.'
    );
    process.exit(1);
  }

  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  let failed = false;
  try {
    await mkdir(OUT_DIR, { recursive: true });
    for (const viewport of VIEWPORTS) {
      const isMobile = viewport.width < 600;
      const context = await browser.newContext({
        viewport,
        deviceScaleFactor: 1,
        isMobile,
        hasTouch: isMobile
      });
      const page = await context.newPage();
      for (const path of paths) {
        const url = new URL(path, BASE_URL).href;
        const response = await page.goto(url, { waitUntil: 'networkidle' });
        if (!response?.ok()) {
          console.error(`${url} answered ${response?.status() ?? 'nothing'}; skipped.`);
          failed = true;
          continue;
        }
        await page.evaluate(() => document.fonts.ready);
        const file = join(OUT_DIR, `${routeName(path)}-${viewport.width}x${viewport.height}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`saved ${file}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
