import { expect, test } from '@playwright/test';
import { formatViolations, runAxe } from './helpers/axe';
import { collectConsoleProblems } from './helpers/console';
import { readCatalog } from '../src/cli/readCatalog';

const catalog = readCatalog().catalog!;

test.describe('home page', () => {
  test('has a title, a heading and a main landmark', async ({ page }) => {
    await page.goto('/');

    await expect(page).toHaveTitle(/Crosswinds/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Published forecasts, as models you can test'
    );
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('main')).toContainText(
      `It encodes ${catalog.scenarios.length} published analysts’ forecasts`
    );
    await expect(page.getByTestId('record-covers')).toContainText(
      `from ${catalog.history.quarters[0]!.quarter} to ${catalog.history.quarters.at(-1)!.quarter}`
    );
  });

  test('three starting questions open their prepared views, with nothing in the link refused', async ({
    page
  }) => {
    await page.goto('/');
    const questions = page.getByRole('list', { name: 'Start with a question' }).getByRole('link');
    await expect(questions).toHaveCount(3);

    await questions.filter({ hasText: 'sanctions ease' }).click();
    await expect(page).toHaveURL(/\/explore\?.*o=sanctions\.easing\.2027Q1/);
    await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
    await expect(page.getByText('your override').first()).toBeVisible();
    await expect(page.getByRole('slider', { name: /selected quarter/ }).first()).toHaveAttribute(
      'aria-valuetext',
      /^2027Q4/
    );

    await page.goto('/');
    await questions.filter({ hasText: 'disagree' }).click();
    await expect(page).toHaveURL(/\/compare\?.*q=2028Q1/);
    await expect(page.locator('[data-ready="true"]')).toHaveCount(1);

    await page.goto('/');
    await questions.filter({ hasText: 'best' }).click();
    await expect(page).toHaveURL(/\/scorecard/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('the header names the site and marks the current page', async ({ page }) => {
    await page.goto('/');

    const nav = page.getByRole('navigation', { name: 'Primary' });
    await expect(page.getByRole('banner')).toContainText('Crosswinds');
    await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page'
    );
  });

  test('the skip link is the first tab stop and moves focus to main', async ({ page }) => {
    await page.goto('/');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();

    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('has no WCAG 2.1 A/AA violations', async ({ page }) => {
    await page.goto('/');

    const violations = await runAxe(page);
    expect(formatViolations(violations)).toEqual([]);
  });

  test('logs no console errors or warnings', async ({ page }) => {
    const problems = collectConsoleProblems(page);
    await page.goto('/');
    await page.waitForLoadState('networkidle');

    expect(problems).toEqual([]);
  });
});
