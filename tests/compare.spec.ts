import { expect, test, type Page } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import {
  buildSchedule,
  horizonCrux,
  driverLabel,
  runPath,
  type Catalog,
  type Override
} from '../src/lib/engine';
import { formatViolations, runAxe } from './helpers/axe';
import { collectConsoleProblems } from './helpers/console';

const loaded = readCatalog().catalog;
if (!loaded) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');
const catalog: Catalog = loaded;

const KORTUNOV = 'kortunov-2025-thaw';

/** The state and level the engine gives an analyst in a quarter under observed drivers. */
function expected(analyst: string, quarter: string, overrides: Override[] = []) {
  const path = runPath(
    catalog.models.get(analyst)!,
    buildSchedule(catalog, { kind: 'observed' }, overrides)
  );
  return path.steps.find((s) => s.quarter === quarter)!;
}

const minus = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
/** A cell the model reached through its own reading says so in its name. */
const readingNote = (s: { readings: unknown[] }) =>
  s.readings.length > 0 ? ' (model’s reading)' : '';

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
}

const cell = (page: Page, label: string, quarter: string) =>
  page.getByRole('gridcell', {
    name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}, ${quarter}:`)
  });

test.describe('compare page', () => {
  test('the matrix shows the engine’s states and follows a driver change', async ({ page }) => {
    await open(page, '/compare');
    const before = expected(KORTUNOV, '2026Q1');
    await expect(cell(page, 'Kortunov 2025', '2026Q1')).toHaveAccessibleName(
      `Kortunov 2025, 2026Q1: ${before.label}, level ${minus(before.level)}${readingNote(before)}`
    );

    await page.getByLabel('White House stance', { exact: true }).selectOption('hawkish');
    const after = expected(KORTUNOV, '2026Q1', [
      { driver: 'whiteHouse', level: 'hawkish', from: '2026Q1' }
    ]);
    expect(after.state).not.toBe(before.state);
    await expect(cell(page, 'Kortunov 2025', '2026Q1')).toHaveAccessibleName(
      `Kortunov 2025, 2026Q1: ${after.label}, level ${minus(after.level)}${readingNote(after)}`
    );
    // The quarter before the override is untouched.
    const earlier = expected(KORTUNOV, '2025Q4');
    await expect(cell(page, 'Kortunov 2025', '2025Q4')).toHaveAccessibleName(
      `Kortunov 2025, 2025Q4: ${earlier.label}, level ${minus(earlier.level)}${readingNote(earlier)}`
    );
    await expect(page).toHaveURL(/o=whiteHouse\.hawkish\.2026Q1/);
  });

  test('a cell leads to its explanation, by mouse and by keyboard', async ({ page }) => {
    await open(page, '/compare');
    await cell(page, 'Trenin 2020 (guardrails)', '2022Q1').click();
    const step = expected('trenin-2020-guardrails', '2022Q1');
    await expect(
      page.getByRole('heading', { name: 'Trenin 2020 (guardrails) in 2022Q1' })
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: new RegExp(`${step.label}$`) })).toBeVisible();
    await expect(page).toHaveURL(/q=2022Q1/);

    // Arrow keys move the selection: right one quarter, then up one analyst.
    await page.keyboard.press('ArrowRight');
    await expect(cell(page, 'Trenin 2020 (guardrails)', '2022Q2')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(
      page.getByRole('heading', { name: 'Trenin 2020 (common threat) in 2022Q2' })
    ).toBeVisible();
    await page.keyboard.press('Home');
    await expect(cell(page, 'Trenin 2020 (common threat)', '2020Q1')).toBeFocused();
    // The matrix is one tab stop: Tab leaves it.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('gridcell').filter({ has: page.locator(':focus') })).toHaveCount(0);
  });

  test('ranks the crux drivers the engine finds over the horizon, with who moves where', async ({
    page
  }) => {
    await open(page, '/compare?q=2026Q1');
    const ranked = horizonCrux(
      [...catalog.models.values()],
      buildSchedule(catalog, { kind: 'observed' }),
      catalog.vocabulary
    ).filter((r) => r.changed.length > 0);
    const table = page.getByRole('table', { name: 'Who each crux driver moves, and where' });
    await expect(table.locator('tbody th')).toHaveText(
      ranked.map((r) => driverLabel(catalog.vocabulary, r.driver))
    );
    const top = ranked[0]!;
    await expect(
      page.getByText(
        `${driverLabel(catalog.vocabulary, top.driver)} moves ${top.changed.length} of ${catalog.scenarios.length}`
      )
    ).toBeVisible();
  });

  test('a copied link reproduces the view', async ({ page }) => {
    await open(
      page,
      '/compare?q=2023Q1&f=yusui-2021-stalemate&a=yusui-2021-stalemate,notte-2025-reset'
    );
    await expect(page.getByRole('heading', { name: 'Yu Sui 2021 in 2023Q1' })).toBeVisible();
    await expect(page.getByRole('row')).not.toHaveCount(0);
    await expect(cell(page, 'Trenin 2020 (guardrails)', '2023Q1')).toHaveCount(0);
    await expect(
      page.getByRole('heading', { name: 'Where they disagree in 2023Q1' })
    ).toBeVisible();
  });

  test('side by side: assumptions that differ from the drivers in force are marked', async ({
    page
  }) => {
    await open(page, '/compare');
    const table = page.getByRole('table', { name: /Drivers in force in 2026Q1/ });
    // Yu Sui assumed escalating sanctions; in 2026Q1 they were steady.
    const row = table.getByRole('row', { name: /^Sanctions/ });
    await expect(row).toContainText(/differs:\s*Escalating/);
  });

  test('has no WCAG 2.1 A/AA violations and logs no console problems', async ({ page }) => {
    const problems = collectConsoleProblems(page);
    await open(page, `/compare?o=sanctions.lifted.2022Q1&q=2023Q1&f=${KORTUNOV}`);
    await page.waitForLoadState('networkidle');
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await page.getByLabel('Sanctions', { exact: true }).selectOption('easing');
    expect(problems).toEqual([]);
  });

  test('fits a phone screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, '/compare');
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth
    ]);
    expect(scroll).toBeLessThanOrEqual(client!);
    expect(formatViolations(await runAxe(page))).toEqual([]);
  });
});
