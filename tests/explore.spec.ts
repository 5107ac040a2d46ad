import { expect, test, type Page } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import {
  buildSchedule,
  runPath,
  toIndex,
  type Catalog,
  type Override,
  type PathStep,
  type Preset
} from '../src/lib/engine';
import { formatViolations, runAxe } from './helpers/axe';
import { collectConsoleProblems } from './helpers/console';

const loaded = readCatalog().catalog;
if (!loaded) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');
const catalog: Catalog = loaded;

const GUARDRAILS = 'trenin-2020-guardrails';
const GUARDRAILS_LABEL = 'Trenin 2020 (guardrails)';

/** The path the engine computes for one analyst under a preset and overrides. */
function expectedPath(analyst: string, preset: Preset, overrides: Override[] = []): PathStep[] {
  const model = catalog.models.get(analyst)!;
  return runPath(model, buildSchedule(catalog, preset, overrides)).steps;
}

const observed: Preset = { kind: 'observed' };
const assumed = (id: string): Preset => ({
  kind: 'assumed',
  scenario: catalog.scenarios.find((s) => s.id === id)!
});

/** Opens /explore and waits until it has read the link and its controls respond. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
}

const driver = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Opens the timeline's data table (its text alternative) and returns it. */
async function dataTable(page: Page) {
  const summary = page.getByText('Data table', { exact: true });
  const details = page.locator('details', { has: summary });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
  return page.getByRole('table', { name: /Relationship level by quarter/ });
}

/** Quarter → the text of one analyst's cell in the data table. */
async function column(page: Page, label: string): Promise<Map<string, string>> {
  const table = await dataTable(page);
  const headers = await table.locator('thead th').allInnerTexts();
  const col = headers.findIndex((h) => h.trim() === label);
  expect(col, `a column for ${label} in ${headers.join(' | ')}`).toBeGreaterThan(0);
  const rows = await table
    .locator('tbody tr')
    .evaluateAll(
      (trs, col) =>
        trs.map((tr) => [tr.children[0]!.textContent!.trim(), tr.children[col]!.textContent!]),
      col
    );
  return new Map(rows.map(([q, text]) => [q!, text!.replace(/\s+/g, ' ').trim()]));
}

/** Every step of the engine's path is in the table: its state's name in its quarter's row. */
async function expectTableToShow(page: Page, label: string, steps: PathStep[]) {
  await expect
    .poll(async () => {
      const cells = await column(page, label);
      return steps
        .filter((s) => !(cells.get(s.quarter) ?? '').startsWith(s.label))
        .map((s) => `${s.quarter}: expected ${s.label}, table says "${cells.get(s.quarter)}"`);
    })
    .toEqual([]);
}

test.describe('explore page', () => {
  test('changing drivers shows the path the engine computes, in the table and the diagram', async ({
    page
  }) => {
    await open(page, `/explore?f=${GUARDRAILS}&q=2023Q1`);
    await expect(page.locator('#quarter-range')).toHaveAttribute('aria-valuetext', '2023Q1');
    await expect(page.getByLabel('Diagram and explanation for')).toHaveValue(GUARDRAILS);

    await driver(page, 'Ukraine').selectOption({ label: 'Settlement' });
    await driver(page, 'Sanctions').selectOption({ label: 'Lifted' });

    const overrides: Override[] = [
      { driver: 'ukraine', level: 'settlement', from: '2023Q1' },
      { driver: 'sanctions', level: 'lifted', from: '2023Q1' }
    ];
    const steps = expectedPath(GUARDRAILS, observed, overrides);
    // The overrides change this forecast: otherwise the test would prove nothing.
    expect(steps.map((s) => s.state)).not.toEqual(
      expectedPath(GUARDRAILS, observed).map((s) => s.state)
    );

    await expect(driver(page, 'Ukraine')).toHaveValue('settlement');
    await expect(page.locator('#driver-ukraine-source')).toHaveText('your override');
    await expectTableToShow(page, GUARDRAILS_LABEL, steps);

    const now = steps.find((s) => s.quarter === '2023Q1')!;
    const focus = page.getByRole('region', { name: `${GUARDRAILS_LABEL} in 2023Q1` });
    await expect(focus).toContainText(now.label);
    await expectDiagramToShow(page, GUARDRAILS, steps, '2023Q1');
  });

  test("a preset applies an analyst's assumptions to every model", async ({ page }) => {
    await open(page, '/explore?q=2027Q1');
    await page.getByLabel('Drivers follow').selectOption({ label: 'Notte 2025’s assumptions' });

    await expect(driver(page, 'White House stance')).toHaveValue('dealmaking');
    await expect(page.locator('#driver-whiteHouse-source')).toHaveText('Notte 2025’s assumption');
    await expect(page).toHaveURL(/[?&]p=notte-2025-reset/);

    const preset = assumed('notte-2025-reset');
    await expectTableToShow(page, GUARDRAILS_LABEL, expectedPath(GUARDRAILS, preset));
    await expectTableToShow(page, 'Kortunov 2025', expectedPath('kortunov-2025-thaw', preset));
  });

  test('an override applies from the selected quarter on and leaves earlier quarters alone', async ({
    page
  }) => {
    await open(page, `/explore?q=2024Q1&f=${GUARDRAILS}`);
    const before = await column(page, GUARDRAILS_LABEL);

    await driver(page, 'Ukraine').selectOption('settlement');
    await driver(page, 'Arms control').selectOption('new-framework');
    await expect(page).toHaveURL(
      /o=ukraine\.settlement\.2024Q1,armsControl\.new-framework\.2024Q1/
    );

    const steps = expectedPath(GUARDRAILS, observed, [
      { driver: 'ukraine', level: 'settlement', from: '2024Q1' },
      { driver: 'armsControl', level: 'new-framework', from: '2024Q1' }
    ]);
    await expectTableToShow(page, GUARDRAILS_LABEL, steps);
    const after = await column(page, GUARDRAILS_LABEL);
    for (const [quarter, text] of before) {
      if (toIndex(quarter) < toIndex('2024Q1')) expect(after.get(quarter), quarter).toBe(text);
    }

    // Earlier quarters still show what was observed; reset puts the driver back.
    await page.getByRole('button', { name: 'Previous quarter' }).click();
    await expect(page.locator('#quarter-range')).toHaveAttribute('aria-valuetext', '2023Q4');
    await expect(page.locator('#driver-ukraine-source')).toHaveText('observed');
    await expect(driver(page, 'Ukraine')).toHaveValue('war');
    await page.getByRole('button', { name: 'Reset Ukraine' }).click();
    await expect(page).toHaveURL(/o=armsControl\.new-framework\.2024Q1(&|$)/);
    await page.getByRole('button', { name: 'Reset all overrides' }).click();
    await expect(page).not.toHaveURL(/o=/);
  });

  test('a copied link reproduces the view', async ({ page, browser }) => {
    await open(page, '/explore');
    await page.getByLabel('Drivers follow').selectOption(GUARDRAILS);
    await page.locator('#quarter-range').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft'); // 2024Q3
    await driver(page, 'China factor').selectOption('wedge');
    await page.getByRole('checkbox', { name: /Yu Sui 2021/ }).uncheck();
    await page.getByLabel('Diagram and explanation for').selectOption('notte-2025-reset');
    // The link is written a frame after each change: wait for the last one to be in it.
    await expect(page).toHaveURL(/q=2024Q3/);
    await expect(page).toHaveURL(/f=notte-2025-reset/);

    const url = page.url();
    const selects = page.locator('.controls select');
    const values = await selects.evaluateAll((els) =>
      els.map((e) => `${e.id}=${(e as HTMLSelectElement).value}`)
    );
    const table = await (await dataTable(page)).innerText();

    const other = await browser.newPage();
    await open(other, url);
    await expect(other.locator('#quarter-range')).toHaveAttribute('aria-valuetext', '2024Q3');
    await expect
      .poll(() =>
        other
          .locator('.controls select')
          .evaluateAll((els) => els.map((e) => `${e.id}=${(e as HTMLSelectElement).value}`))
      )
      .toEqual(values);
    await expect(other.getByRole('checkbox', { name: /Yu Sui 2021/ })).not.toBeChecked();
    expect(await (await dataTable(other)).innerText()).toBe(table);
    expect(other.url()).toBe(url);
    await other.close();
  });

  test('a tampered link says what it ignored and still shows the default view', async ({
    page
  }) => {
    const problems = collectConsoleProblems(page);
    await open(page, '/explore?q=2099Q9&a=nobody&o=zzz');

    const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
    await expect(notice).toContainText('"2099Q9" is not a quarter');
    await expect(notice).toContainText('unknown analyst "nobody"');
    await expect(notice).toContainText('"zzz"');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore the forecasts');
    await expect(page.locator('#quarter-range')).toHaveAttribute('aria-valuetext', '2026Q1');
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(
      catalog.scenarios.length
    );
    await expect(page).toHaveURL(/\/explore$/);
    await expectTableToShow(page, 'Notte 2025', expectedPath('notte-2025-reset', observed));

    expect(formatViolations(await runAxe(page))).toEqual([]);
    await page.getByRole('button', { name: /Dismiss/ }).click();
    await expect(notice).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('works from the keyboard alone, with visible focus', async ({ page }) => {
    await open(page, '/explore');
    const preset = page.getByLabel('Drivers follow');
    for (let i = 0; i < 15 && !(await preset.evaluate((e) => e === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(preset).toBeFocused();
    await expectFocusRing(page);

    // Tab past "A change applies from" to Sanctions and pick the next level with the arrow key.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('A change applies from')).toBeFocused();
    await page.keyboard.press('Tab');
    const sanctions = driver(page, 'Sanctions');
    await expect(sanctions).toBeFocused();
    await expectFocusRing(page);
    const before = await sanctions.inputValue();
    await page.keyboard.press('ArrowDown');
    await expect(sanctions).not.toHaveValue(before);
    await expect(page.locator('#driver-sanctions-source')).toHaveText('your override');

    // Reach the scrubber by tabbing and move it with the arrow keys.
    const range = page.locator('#quarter-range');
    for (let i = 0; i < 40 && !(await range.evaluate((e) => e === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(range).toBeFocused();
    await expectFocusRing(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(range).toHaveAttribute('aria-valuetext', '2025Q3');
    await page.keyboard.press('End');
    await expect(range).toHaveAttribute('aria-valuetext', '2030Q4');
    await expect(page).toHaveURL(/q=2030Q4/);
  });

  test('has no WCAG 2.1 A/AA violations, with overrides and a focused analyst', async ({
    page
  }) => {
    await open(page, `/explore?o=sanctions.lifted.2022Q1&f=${GUARDRAILS}&q=2023Q1`);
    await expect(page.locator('#driver-sanctions-source')).toHaveText('your override');
    await dataTable(page);
    expect(formatViolations(await runAxe(page))).toEqual([]);
  });

  test('logs no console errors or warnings while it is used', async ({ page }) => {
    const problems = collectConsoleProblems(page);
    await open(page, '/explore');
    await page.waitForLoadState('networkidle');
    await driver(page, 'Sanctions').selectOption('lifted');
    await page.getByLabel('Drivers follow').selectOption('kortunov-2025-thaw');
    await page.getByRole('button', { name: 'None', exact: true }).click();
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.getByRole('button', { name: 'Next quarter' }).click();
    await page.getByRole('checkbox', { name: /Kortunov/ }).uncheck();
    await expect(page).toHaveURL(/a=/);
    expect(problems).toEqual([]);
  });

  test('keeps at least one analyst shown and says so', async ({ page }) => {
    await open(page, '/explore?a=notte-2025-reset,yusui-2021-stalemate&f=yusui-2021-stalemate');
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(2);
    await page.getByRole('checkbox', { name: /Yu Sui 2021/ }).uncheck();
    // The focused analyst was hidden: the focus moves to the one still shown.
    await expect(page.getByLabel('Diagram and explanation for')).toHaveValue('notte-2025-reset');
    await page.getByRole('checkbox', { name: /Notte 2025/ }).click();
    await expect(page.getByRole('checkbox', { name: /Notte 2025/ })).toBeChecked();
    await expect(page.getByText('At least one analyst stays shown')).toBeVisible();
    await expect(page).toHaveURL(/a=notte-2025-reset(&|$)/);
    const table = await dataTable(page);
    await expect(table.locator('thead th')).toHaveText(['Quarter', 'Observed', 'Notte 2025']);
  });

  test('fits a phone screen without sideways scrolling and passes axe there', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, '/explore');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    expect(formatViolations(await runAxe(page))).toEqual([]);
  });

  test('the home page and the nav lead to it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Explore the forecasts' }).click();
    await expect(page).toHaveURL(/\/explore$/);
    await expect(
      page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Explore' })
    ).toHaveAttribute('aria-current', 'page');
  });
});

/** The focused element draws an outline (the site's focus ring). */
async function expectFocusRing(page: Page) {
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

/**
 * The state diagram's text alternative: its summary names the state the engine has in the quarter,
 * and its table of visits lists, in order, every state the engine's path entered up to then.
 */
async function expectDiagramToShow(
  page: Page,
  analyst: string,
  steps: PathStep[],
  quarter: string
) {
  const upTo = steps.filter((s) => toIndex(s.quarter) <= toIndex(quarter));
  const now = upTo.at(-1)!;
  const model = catalog.models.get(analyst)!;
  const visited = [
    model.scenario.start.state,
    ...upTo.flatMap((s) => s.transitions.map((t) => t.to))
  ].map((id) => model.scenario.states[id]!.label);

  const figure = page.locator('figure', { hasText: 'Diagram as text' });
  await expect(figure).toContainText(`In ${quarter}: ${now.label}`);
  const summary = figure.getByText('Diagram as text', { exact: true });
  await summary.click();
  const table = figure.getByRole('table', { name: `States visited up to ${quarter}` });
  await expect(table.locator('tbody th')).toHaveText(visited);
  await expect(table.locator('tbody tr').last()).toContainText(
    new RegExp(`still there in ${quarter}`, 'i')
  );
}
