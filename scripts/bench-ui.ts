/**
 * UI speed of /explore: how long a driver change takes to reach the screen, with all five analysts
 * shown. Each change is timed in the page from dispatching the select's change event to the second
 * requestAnimationFrame callback after it (the frame that shows the new state has been painted);
 * it also reports the time to the first callback and to a zero timeout (engine and DOM update done).
 *
 *   npm run build && npm run bench:ui
 *
 * Uses the built site at http://localhost:4173 (BASE_URL to change it); starts
 * `vite preview` itself when nothing answers there, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/chromium';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:4173';
const CHANGES = 60;
const WARM_UP = 5;

async function serverIsUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function startPreview(): Promise<ChildProcess> {
  if (!existsSync('build/explore.html')) {
    throw new Error('No built site with /explore in build/: run `npm run build` first.');
  }
  const port = new URL(BASE_URL).port || '4173';
  const server = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true
  });
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; i < 120; i++) {
    if (await serverIsUp(BASE_URL)) return server;
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  stopPreview(server);
  throw new Error(`vite preview did not answer at ${BASE_URL} within 60 s.\n${stderr}`);
}

function stopPreview(server: ChildProcess): void {
  // npx starts vite as a child: end the whole process group we started, nothing else.
  if (server.pid !== undefined) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

async function main(): Promise<void> {
  const server = (await serverIsUp(BASE_URL)) ? undefined : await startPreview();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(new URL('/explore', BASE_URL).href, { waitUntil: 'networkidle' });
    await page.locator('.explore[data-ready="true"]').waitFor({ state: 'attached' });
    const shown = await page.locator('input[type="checkbox"][id^="analyst-"]:checked').count();
    if (shown !== 5) throw new Error(`expected all five analysts shown, found ${shown}`);

    const durations = await page.evaluate(
      async ({ changes, warmUp }) => {
        const select = document.getElementById('driver-sanctions') as HTMLSelectElement | null;
        if (!select) throw new Error('no select for the Sanctions driver');
        const values = ['easing', 'lifted'];
        const out: Array<{ painted: number; frame: number; work: number }> = [];
        // No named helper functions in here: tsx would wrap them in a __name() the page lacks.
        for (let i = 0; i < warmUp + changes; i++) {
          select.value = values[i % 2]!;
          const start = performance.mark('change-start').startTime;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          // Svelte applies the change in a microtask; a zero timeout runs once it is done.
          await new Promise<void>((r) => setTimeout(r, 0));
          const work = performance.now() - start;
          await new Promise<void>((r) => requestAnimationFrame(() => r()));
          const frame = performance.now() - start;
          await new Promise<void>((r) => requestAnimationFrame(() => r()));
          performance.mark('change-end');
          const painted = performance.measure('driver-change', 'change-start', 'change-end');
          if (i >= warmUp) out.push({ painted: painted.duration, frame, work });
        }
        return out;
      },
      { changes: CHANGES, warmUp: WARM_UP }
    );

    const selected = await page.locator('#driver-sanctions').inputValue();
    const report = (label: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const ms = (q: number) => `${quantile(sorted, q).toFixed(1)} ms`;
      console.log(`  ${label}: median ${ms(0.5)}, p95 ${ms(0.95)}, max ${ms(1)}`);
    };
    console.log(`/explore, all five analysts shown, ${durations.length} driver changes`);
    console.log('(headless Chromium, 1280×800; frames are paced at 60 Hz, so ~16.7 ms each)');
    report(
      'change → second requestAnimationFrame',
      durations.map((d) => d.painted)
    );
    report(
      'change → first requestAnimationFrame ',
      durations.map((d) => d.frame)
    );
    report(
      'change → DOM updated (script work)   ',
      durations.map((d) => d.work)
    );
    console.log(`  (last value set: sanctions = ${selected}; the URL is ${page.url()})`);
  } finally {
    await browser.close();
    if (server) stopPreview(server);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
