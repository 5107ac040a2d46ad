/**
 * A phone (390×844, touch): no page scrolls sideways as a whole, and a tap on the timeline shows
 * the quarter's details without moving the selected quarter.
 */
import { expect, test, type Locator } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import { readerPages } from './helpers/pages';

const catalog = readCatalog().catalog;
if (!catalog) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const PAGES = readerPages(catalog);

for (const path of PAGES) {
  test(`${path} has no page-level horizontal overflow at 390 px`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // With isMobile, Chromium widens the layout viewport to fit overflowing content, so
    // clientWidth would grow with the page; compare with the phone's real width instead.
    const width = page.viewportSize()!.width;
    const overflow = await page.evaluate(
      (width) => ({
        scroll: document.documentElement.scrollWidth,
        view: width,
        wide: [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .filter((el) => !el.parentElement?.closest('[data-scrolls]'))
          .slice(0, 8)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
      }),
      width
    );
    expect(
      overflow.scroll,
      `wider than the screen: ${overflow.wide.join(', ')}`
    ).toBeLessThanOrEqual(overflow.view);
  });
}

test('a tap on the timeline shows that quarter and leaves the selected quarter as it was', async ({
  page
}) => {
  await page.goto('/explore?q=2026Q1');
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  const slider = page.getByRole('slider', { name: /selected quarter/ }).first();
  await expect(slider).toHaveAttribute('aria-valuetext', /^2026Q1/);
  // The selected quarter is scrolled into view inside the timeline's own frame.
  await slider.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
  const selected = page.locator('.selected-column').first();
  await expect(selected).toBeInViewport();

  const box = (await selected.boundingBox())!;
  // Two columns to the left of the selected one.
  await page.touchscreen.tap(box.x - box.width * 1.5, box.y + box.height / 2);
  const tapped = page.getByTestId('timeline-tapped');
  await expect(tapped).toContainText('2025Q3');
  // The details are on screen, and the level names stay at the frame's left while it scrolls.
  const width = page.viewportSize()!.width;
  const tip = page.locator('.chart-tooltip').first();
  await expect(tip).toContainText('2025Q3');
  await expectOnScreen(tip, width);
  const frame = (await page.locator('.plot').first().boundingBox())!;
  expect(
    await page
      .locator('.plot')
      .first()
      .evaluate((el) => el.scrollLeft)
  ).toBeGreaterThan(0);
  const axis = page.locator('.level-axis').first();
  await expect(axis).toBeVisible();
  expect(Math.round((await axis.boundingBox())!.x)).toBe(Math.round(frame.x));
  await expect(slider).toHaveAttribute('aria-valuetext', /^2026Q1/);
  await expect(page).not.toHaveURL(/q=2025Q3/);

  await tapped.getByRole('button', { name: 'View 2025Q3' }).click();
  await expect(slider).toHaveAttribute('aria-valuetext', /^2025Q3/);
});

/** The element lies within the phone's width: readable without scrolling the page sideways. */
async function expectOnScreen(locator: Locator, width: number) {
  await locator.scrollIntoViewIfNeeded();
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x, `${await locator.textContent()} starts left of the screen`).toBeGreaterThanOrEqual(
    0
  );
  expect(
    box.x + box.width,
    `${await locator.textContent()} ends past the screen`
  ).toBeLessThanOrEqual(width);
}

/** The column's name a card shows beside a value (drawn from data-label, not in the text). */
function shownLabel(cell: Locator): Promise<string> {
  return cell.evaluate((el) => getComputedStyle(el, '::before').content.replace(/^"|"$/g, ''));
}

test('the scorecard shows every analyst’s rank and ranked scores on a phone', async ({ page }) => {
  await page.goto('/scorecard');
  const width = page.viewportSize()!.width;
  const table = page.getByRole('region', { name: 'Scores' });
  for (const scenario of catalog.scenarios) {
    const card = table.locator(`tr[data-analyst="${scenario.id}"]`);
    await expectOnScreen(card.getByRole('rowheader'), width);
    const rank = card.locator('[data-metric="rank"]');
    await expectOnScreen(rank, width);
    await expect(rank).toHaveText(/^\s*(\d+|too few to rank)\s*$/);
    expect(await shownLabel(rank)).toBe('Rank');
    for (const run of ['a', 'b']) {
      const score = card.locator(`[data-metric="${run}-rps"]`);
      await expectOnScreen(score, width);
      await expect(score).toHaveText(/^\s*(\d\.\d{3}|—)\s*$/);
      expect(await shownLabel(score)).toBe(`Run ${run.toUpperCase()}: ranked score`);
    }
  }
});

test('compare shows every analyst’s state in the selected quarter on a phone, and a tap there explains it', async ({
  page
}) => {
  await page.goto('/compare?q=2026Q1');
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  const width = page.viewportSize()!.width;
  const cards = page.getByTestId('matrix-cards');
  // Every analyst whose forecast has started by 2026Q1, and what happened.
  const started = catalog.scenarios.filter((s) => s.start.quarter <= '2026Q1');
  expect(started.length).toBeGreaterThan(1);
  for (const row of ['observed', ...started.map((s) => s.id)]) {
    const current = cards.locator(`[data-row="${row}"] [data-current="true"]`);
    await expect(current).toHaveCount(1);
    await expectOnScreen(current, width);
    await expect(current).toContainText(/→ .*\(level [−+]?\d\)/);
  }

  const other = started.at(-1)!;
  await cards.locator(`[data-row="${other.id}"] [data-current="true"]`).click();
  await expect(cards.locator(`[data-row="${other.id}"] [data-current="true"]`)).toHaveAttribute(
    'aria-pressed',
    'true'
  );
  const name = await cards.locator(`[data-row="${other.id}"] h3`).textContent();
  await expect(page.getByRole('heading', { name: `${name!.trim()} in 2026Q1` })).toBeVisible();
});

test('the state diagram keeps each analyst’s current state in view on a phone', async ({
  page
}) => {
  const width = page.viewportSize()!.width;
  for (const scenario of catalog.scenarios) {
    await page.goto(`/explore?q=2026Q1&f=${scenario.id}`);
    await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
    const now = page.locator('figure.diagram .now-tag').first();
    await expect(now).toHaveCount(1);
    const frame = now.locator('xpath=ancestor::div[contains(@class, "canvas")][1]');
    const box = (await now.boundingBox())!;
    const view = (await frame.boundingBox())!;
    expect(box.x, `${scenario.id}: NOW is left of the frame`).toBeGreaterThanOrEqual(view.x);
    expect(box.x + box.width, `${scenario.id}: NOW is right of the frame`).toBeLessThanOrEqual(
      Math.min(view.x + view.width, width)
    );
  }
});
