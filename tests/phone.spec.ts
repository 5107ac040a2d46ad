/**
 * A phone (390×844, touch): no page scrolls sideways as a whole, and a tap on the timeline shows
 * the quarter's details without moving the selected quarter.
 */
import { expect, test } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';

const catalog = readCatalog().catalog;
if (!catalog) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const PAGES = [
  '/',
  '/explore',
  '/compare',
  '/scorecard',
  '/sources',
  ...catalog.scenarios.map((s) => `/sources/${s.source.ref}`),
  '/brief'
];

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
  await expect(slider).toHaveAttribute('aria-valuetext', /^2026Q1/);
  await expect(page).not.toHaveURL(/q=2025Q3/);

  await tapped.getByRole('button', { name: 'View 2025Q3' }).click();
  await expect(slider).toHaveAttribute('aria-valuetext', /^2025Q3/);
});
