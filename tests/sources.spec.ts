import { expect, test } from '@playwright/test';
import { formatViolations, runAxe } from './helpers/axe';
import { collectConsoleProblems } from './helpers/console';
import { readCatalog } from '../src/cli/readCatalog';

const { catalog } = readCatalog();
const guardrails = catalog!.scenarios.find((s) => s.id === 'trenin-2020-guardrails')!;

test.describe('sources pages', () => {
  test('list every article and lead to each one', async ({ page }) => {
    const problems = collectConsoleProblems(page);
    await page.goto('/sources');
    const links = page.getByRole('main').getByRole('link');
    await expect(links).toHaveCount(catalog!.scenarios.length);
    await page.getByRole('link', { name: guardrails.source.title }).click();
    await expect(page).toHaveURL(/\/sources\/trenin-2020-guardrails$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(guardrails.source.title);
    expect(problems).toEqual([]);
  });

  test('list every state of the forecast under the paragraph it cites, with a deep link', async ({
    page
  }) => {
    const state = guardrails.states[guardrails.start.state]!;
    await page.goto(`/sources/trenin-2020-guardrails#p${state.source.para}`);
    const block = page.locator(`#p${state.source.para}`);
    await expect(block).toBeVisible();
    await expect(block).toContainText(state.label);
    await expect(block).toBeInViewport();
    for (const s of Object.values(guardrails.states)) {
      await expect(page.locator(`#p${s.source.para}`)).toContainText(s.label);
    }
  });

  test('have no WCAG 2.1 A/AA violations', async ({ page }) => {
    for (const path of ['/sources', '/sources/notte-2025-reset']) {
      await page.goto(path);
      expect(formatViolations(await runAxe(page))).toEqual([]);
    }
  });
});

test('the explanation panel on /explore links to the cited paragraph', async ({ page }) => {
  await page.goto('/explore?f=trenin-2020-guardrails&q=2022Q1');
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  const link = page.getByRole('link', { name: /^trenin-2020-guardrails ¶\d+$/ }).first();
  const para = (await link.textContent())!.match(/¶(\d+)/)![1];
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/sources/trenin-2020-guardrails#p${para}$`));
  await expect(page.locator(`#p${para}`)).toBeInViewport();
});
