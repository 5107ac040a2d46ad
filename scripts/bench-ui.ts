/**
 * UI speed of /explore: how long a driver change takes to reach the screen, with every built-in analyst
 * shown, at 1440×900 — unthrottled, then with the CPU slowed 4× (Chrome DevTools Protocol,
 * Emulation.setCPUThrottlingRate).
 *
 * Method: each change starts at the beginning of a frame, inside a requestAnimationFrame callback,
 * as input the browser delivers with a frame. The select's change event is dispatched there; Svelte
 * updates the page in a microtask before the frame's style, layout and paint; a zero timeout posted
 * from the same callback runs once that frame has been painted. "Change → painted" is the time
 * from dispatching the event to that timeout: the main-thread work of the frame that shows the new
 * charts. At most 16.7 ms means the charts repaint within one 60 Hz frame. Each change is checked
 * to have altered the page in that frame. "Change → DOM updated" is the script part alone.
 *
 * Baseline, measured in the same run and the same way: a frame that repaints the same page with no
 * script work (the page's background colour toggles between two near-whites). The ratio to it
 * shows what a change costs beyond painting the page, which varies with the machine and the load
 * other programs put on it.
 *
 *   npm run build && npm run bench:ui        (BASE_URL to use another port than 4173)
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/chromium';
import { BASE_URL, quantile, withPreview } from './preview';

const CHANGES = 60;
const WARM_UP = 5;

interface Timing {
  painted: number;
  work: number;
  changed: boolean;
}

/** `idle`: the page is only repainted, not changed: the baseline. */
async function timeChanges(page: Page, idle = false): Promise<Timing[]> {
  return page.evaluate(
    async ({ changes, warmUp, idle }) => {
      const select = document.getElementById('driver-sanctions') as HTMLSelectElement | null;
      const charts = document.querySelector('main');
      if (!select || !charts) throw new Error('no select for the Sanctions driver, or no <main>');
      const values = ['easing', 'lifted'];
      const out: Array<{ painted: number; work: number; changed: boolean }> = [];
      // No named helper functions in here: tsx would wrap them in a __name() the page lacks.
      for (let i = 0; i < warmUp + changes; i++) {
        const before = charts.innerHTML;
        const timing = await new Promise<{ painted: number; work: number }>((resolve) =>
          requestAnimationFrame(() => {
            const start = performance.now();
            let work = NaN;
            if (idle) {
              charts.style.backgroundColor = i % 2 ? '#fefefe' : '#fdfdfd';
            } else {
              select.value = values[i % 2]!;
              select.dispatchEvent(new Event('change', { bubbles: true }));
            }
            // Queued after Svelte's own update, so it runs once the DOM has changed.
            queueMicrotask(() => (work = performance.now() - start));
            setTimeout(() => resolve({ painted: performance.now() - start, work }), 0);
          })
        );
        const changed = charts.innerHTML !== before;
        if (idle) charts.style.backgroundColor = '';
        // Let the page settle for two frames before the next change.
        await new Promise<void>((r) =>
          requestAnimationFrame(() => requestAnimationFrame(() => r()))
        );
        if (i >= warmUp) out.push({ ...timing, changed });
      }
      return out;
    },
    { changes: CHANGES, warmUp: WARM_UP, idle }
  );
}

const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5
  );

function report(label: string, timings: Timing[], baseline: Timing[]): void {
  const line = (what: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const ms = (q: number) => `${quantile(sorted, q).toFixed(1)} ms`;
    console.log(`    ${what}: median ${ms(0.5)}, p95 ${ms(0.95)}, max ${ms(1)}`);
  };
  const unchanged = timings.filter((t) => !t.changed).length;
  const painted = timings.map((t) => t.painted);
  const idle = baseline.map((t) => t.painted);
  console.log(`  ${label} (${timings.length} changes)`);
  line('change → painted    ', painted);
  line(
    'change → DOM updated',
    timings.map((t) => t.work)
  );
  line('baseline: repaint    ', idle);
  console.log(`    median change / baseline: ${(median(painted) / median(idle)).toFixed(1)}×`);
  if (unchanged) console.log(`    warning: ${unchanged} change(s) left the page as it was`);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(new URL('/explore', BASE_URL).href, { waitUntil: 'networkidle' });
    await page.locator('[data-ready="true"]').first().waitFor({ state: 'attached' });
    const shown = await page.locator('input[type="checkbox"][id^="analyst-"]:checked').count();
    const total = await page.locator('input[type="checkbox"][id^="analyst-"]').count();
    if (shown !== total) throw new Error(`expected all ${total} analysts shown, found ${shown}`);

    console.log('/explore, a driver change with every analyst shown (headless Chromium, 1440×900)');
    report('unthrottled', await timeChanges(page), await timeChanges(page, true));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    report('4× CPU throttling', await timeChanges(page), await timeChanges(page, true));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  } finally {
    await browser.close();
  }
}

withPreview(main).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
