import { expect, test } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import { claimVerdict, scorecard, type Catalog } from '../src/lib/engine';
import { analystLabel } from '../src/lib/state/exploration';
import { formatViolations, runAxe } from './helpers/axe';
import { collectConsoleProblems } from './helpers/console';

const loaded = readCatalog().catalog;
if (!loaded) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');
const catalog: Catalog = loaded;

const share = (x: number) => `${Math.round(x * 100)}%`;
const fixed = (x: number | undefined, digits: number) =>
  x === undefined ? '—' : x.toFixed(digits);

test.describe('scorecard page', () => {
  test('shows all five analysts with the scores the engine computes', async ({ page }) => {
    await page.goto('/scorecard');
    const table = page.getByRole('table', { name: 'Scores per analyst and run' });
    const scores = scorecard(catalog);
    expect(scores).toHaveLength(5);
    await expect(table.locator('tbody tr')).toHaveCount(5);
    for (const s of scores) {
      const scenario = catalog.scenarios.find((x) => x.id === s.scenario)!;
      const row = table.getByRole('row', {
        name: new RegExp(analystLabel(scenario, catalog.scenarios).replace(/[()]/g, '\\$&'))
      });
      await expect(row.locator('[data-metric="a-within"]')).toHaveText(share(s.runA.withinOne));
      await expect(row.locator('[data-metric="a-mae"]')).toHaveText(
        fixed(s.runA.meanAbsoluteError, 2)
      );
      await expect(row.locator('[data-metric="a-brier"]')).toHaveText(fixed(s.runA.brier, 3));
      await expect(row.locator('[data-metric="b-within"]')).toHaveText(share(s.runB.withinOne));
      await expect(row.locator('[data-metric="b-mae"]')).toHaveText(
        fixed(s.runB.meanAbsoluteError, 2)
      );
      await expect(row.locator('[data-metric="b-brier"]')).toHaveText(fixed(s.runB.brier, 3));
      await expect(row).toContainText(`${s.from}–${s.to} (${s.quarters.length})`);
    }
  });

  test('says what each number means', async ({ page }) => {
    await page.goto('/scorecard');
    await expect(page.getByText(/share of scored quarters in which/)).toBeVisible();
    await expect(page.getByText(/how many levels, on average/)).toBeVisible();
    await expect(
      page.getByText(/0 is a sure, right forecast and 2 a sure, wrong one/)
    ).toBeVisible();
  });

  test('each claim shows its verdict, links to its paragraph and its events link out', async ({
    page
  }) => {
    await page.goto('/scorecard');
    const claims = catalog.scenarios.flatMap((s) =>
      s.claims.map((c) => ({
        scenario: s,
        verdict: claimVerdict(c, catalog.history, catalog.vocabulary)
      }))
    );
    await expect(page.locator('li.claim')).toHaveCount(claims.length);
    const words = { held: 'Held', 'did-not-hold': 'Did not hold', open: 'Open' };
    for (const { verdict } of claims) {
      const item = page.locator('li.claim', { hasText: verdict.claim.claim });
      await expect(item.locator('.badge')).toHaveText(new RegExp(words[verdict.verdict]));
    }
    // A claim's paragraph link opens the source page at that paragraph.
    const detente = page.locator('li.claim', { hasText: 'Signs of détente appear' });
    await detente.getByRole('link', { name: '¶29' }).click();
    await expect(page).toHaveURL(/\/sources\/yusui-2021-stalemate#p29$/);
    await expect(page.locator('#p29')).toBeVisible();
    await page.goBack();
    // Its observed events carry their sources as external links.
    const extension = page.locator('li.claim', { hasText: 'New START' });
    await extension.getByText(/observed events? on Arms control/).click();
    const source = extension.getByRole('link', { name: /^source/ }).first();
    await expect(source).toBeVisible();
    await expect(source).toHaveAttribute('href', /^https:\/\//);
    await expect(source).toHaveAttribute('rel', /external/);
  });

  test('the decomposition names the quarters where each run held', async ({ page }) => {
    await page.goto('/scorecard');
    const s = scorecard(catalog).find((x) => x.scenario === 'trenin-2020-guardrails')!;
    await expect(
      page.getByText(
        new RegExp(
          `scored over ${s.quarters.length} quarters, ${s.from}–${s.to}: ${s.counts['both-held']} quarters where the reasoning and the assumptions held`
        )
      )
    ).toBeVisible();
  });

  test('has no WCAG 2.1 A/AA violations, no console problems, and fits a phone', async ({
    page
  }) => {
    const problems = collectConsoleProblems(page);
    await page.goto('/scorecard');
    await page.waitForLoadState('networkidle');
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth
    ]);
    expect(scroll).toBeLessThanOrEqual(client!);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
