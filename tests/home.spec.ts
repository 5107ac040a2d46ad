import { expect, test } from '@playwright/test';
import { formatViolations, runAxe } from './helpers/axe';
import { collectConsoleProblems } from './helpers/console';

test.describe('home page', () => {
  test('has a title, a heading and a main landmark', async ({ page }) => {
    await page.goto('/');

    await expect(page).toHaveTitle(/Crosswinds/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Published forecasts, as models you can test'
    );
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('main')).toContainText('five published analysts');
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
