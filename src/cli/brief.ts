/**
 * `crosswinds brief deck.json --out briefing.pptx|.pdf [--handout] [--site URL]`: the deck built
 * headlessly, the same way the app builds it. The built site is served locally and opened in the
 * system Chromium with the deck in its storage; the PDF is the print view (or the handout), the
 * PowerPoint is what the brief page's own "PowerPoint" button saves.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { parseDeck } from '../lib/brief/deckFile';
import { DECK_STORAGE_KEY } from '../lib/brief/storage';
import { SITE_OVERRIDE } from '../lib/brief/siteOverride';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { repoRoot } from './readCatalog';
import { serveStatic } from './staticServer';

export const BRIEF_USAGE =
  '  brief <deck.json> --out <file.pptx|file.pdf> [--handout] [--site URL]  build the deck headlessly\n' +
  '      --handout  a PDF of the slides with their notes, numbered and dated\n' +
  '      --site     the address the notes link back to (default http://localhost:4173)';

const DEFAULT_SITE = 'http://localhost:4173';

/** Reasons the command cannot run, as one line each; exit code 2 for usage, 1 otherwise. */
export class BriefError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2
  ) {
    super(message);
  }
}

export function parseBriefArgs(args: string[]): {
  deck: string;
  out: string;
  kind: 'pptx' | 'pdf';
  handout: boolean;
  site: string;
} {
  const valueOf = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? { at, value: args[at + 1] } : undefined;
  };
  const out = valueOf('--out');
  const site = valueOf('--site');
  const used = new Set([out?.at, out && out.at + 1, site?.at, site && site.at + 1]);
  const handout = args.includes('--handout');
  const rest = args.filter((a, i) => !used.has(i) && a !== '--handout');
  if (rest.length !== 1) throw new BriefError('brief needs exactly one deck file', 2);
  if (!out?.value) throw new BriefError('brief needs --out <file.pptx|file.pdf>', 2);
  if (site && !/^https?:\/\/\S+$/.test(site.value ?? ''))
    throw new BriefError('--site needs an http(s) address, e.g. https://example.org/crosswinds', 2);
  const kind = extname(out.value).toLowerCase().slice(1);
  if (kind !== 'pptx' && kind !== 'pdf')
    throw new BriefError(`--out must end in .pptx or .pdf; got "${basename(out.value)}"`, 2);
  if (handout && kind !== 'pdf') throw new BriefError('--handout makes a PDF: use --out x.pdf', 2);
  return { deck: rest[0]!, out: out.value, kind, handout, site: site?.value ?? DEFAULT_SITE };
}

/** The built site, building it first when it is missing. */
function builtSite(): string {
  const root = join(repoRoot, 'build');
  if (!existsSync(join(root, 'brief', 'print.html'))) {
    console.error('crosswinds: building the site first (npm run build)…');
    const built = spawnSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
    if (built.status !== 0) throw new BriefError('the site did not build', 1);
  }
  return root;
}

export async function brief(args: string[]): Promise<number> {
  const { deck: deckPath, out, kind, handout, site } = parseBriefArgs(args);
  if (!existsSync(deckPath)) throw new BriefError(`${deckPath}: no such file`, 1);
  const text = readFileSync(deckPath, 'utf8');
  const parsed = parseDeck(text, basename(deckPath));
  if (!parsed.ok) throw new BriefError(parsed.error, 1);
  const deck = parsed.deck;

  const { server, url } = await serveStatic(builtSite());
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      deviceScaleFactor: 2,
      acceptDownloads: true
    });
    await context.addInitScript(
      ([key, value, siteKey, siteValue]) => {
        window.localStorage.setItem(key, value);
        window.localStorage.setItem(siteKey, siteValue);
      },
      [DECK_STORAGE_KEY, JSON.stringify(deck), SITE_OVERRIDE, site] as const
    );
    const page = await context.newPage();
    if (kind === 'pdf') {
      await page.goto(`${url}/brief/${handout ? 'handout' : 'print'}`);
      await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    } else {
      // The brief page's own button: the same tables, vectors and notes as in the app.
      await page.goto(`${url}/brief`);
      await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
      const download = page.waitForEvent('download', { timeout: 120_000 });
      await page.getByRole('button', { name: 'PowerPoint (.pptx)' }).click();
      await (await download).saveAs(out);
    }
    console.log(`wrote ${out} from ${deck.slides.length} slide(s) of ${basename(deckPath)}`);
    return 0;
  } finally {
    await browser.close();
    server.close();
  }
}
