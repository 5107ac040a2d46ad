/**
 * `crosswinds brief deck.json --out briefing.pptx|.pdf`: the deck built headlessly, the same way
 * the app builds it. The built site is served locally and opened in the system Chromium with
 * the deck in its storage; the PDF is the print view, the PowerPoint uses each chart's picture.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { parseDeck } from '../lib/brief/deckFile';
import { DECK_STORAGE_KEY } from '../lib/brief/storage';
import { pptxInputOf, type SlideImage } from '../lib/brief/articles';
import { buildPptx } from '../lib/brief/pptx';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { readCatalog, repoRoot } from './readCatalog';
import { serveStatic } from './staticServer';

export const BRIEF_USAGE =
  '  brief <deck.json> --out <file.pptx|file.pdf>  build the deck headlessly';

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
} {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const rest = args.filter((_, i) => i !== outAt && i !== outAt + 1);
  if (rest.length !== 1) throw new BriefError('brief needs exactly one deck file', 2);
  if (!out) throw new BriefError('brief needs --out <file.pptx|file.pdf>', 2);
  const kind = extname(out).toLowerCase().slice(1);
  if (kind !== 'pptx' && kind !== 'pdf')
    throw new BriefError(`--out must end in .pptx or .pdf; got "${basename(out)}"`, 2);
  return { deck: rest[0]!, out, kind };
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
  const { deck: deckPath, out, kind } = parseBriefArgs(args);
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
      deviceScaleFactor: 2
    });
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      DECK_STORAGE_KEY,
      JSON.stringify(deck)
    ] as const);
    const page = await context.newPage();
    await page.goto(`${url}/brief/print`);
    await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });

    if (kind === 'pdf') {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    } else {
      const images: Record<string, SlideImage> = {};
      for (const slide of deck.slides) {
        const chart = page.locator(`[data-slide-id="${slide.id}"] [data-slide-chart]`);
        const box = (await chart.boundingBox())!;
        const png = await chart.screenshot({ type: 'png' });
        images[slide.id] = {
          data: `data:image/png;base64,${png.toString('base64')}`,
          width: Math.round(box.width),
          height: Math.round(box.height)
        };
      }
      const { catalog } = readCatalog();
      if (!catalog)
        throw new BriefError(
          'the scenario files do not validate: npm run crosswinds -- validate',
          1
        );
      const bytes = await buildPptx(pptxInputOf(catalog, deck, images));
      writeFileSync(out, bytes);
    }
    console.log(`wrote ${out} from ${deck.slides.length} slide(s) of ${basename(deckPath)}`);
    return 0;
  } finally {
    await browser.close();
    server.close();
  }
}
