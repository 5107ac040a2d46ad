import { expect, test } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import { claimVerdict, rankScores, scorecard, type Catalog } from '../src/lib/engine';
import { formatViolations, runAxe } from './helpers/axe';
import { collectConsoleProblems } from './helpers/console';

const loaded = readCatalog().catalog;
if (!loaded) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');
const catalog: Catalog = loaded;

const share = (x: number) => `${Math.round(x * 100)}%`;
const fixed = (x: number | undefined, digits: number) =>
  x === undefined ? '—' : x.toFixed(digits);

test.describe('scorecard page', () => {
  test('shows every analyst in rank order with the scores the engine computes', async ({
    page
  }) => {
    await page.goto('/scorecard');
    const table = page.getByRole('table', { name: /Scores per analyst and run/ });
    const scores = rankScores(scorecard(catalog));
    await expect(table.locator('tbody tr')).toHaveCount(scores.length);
    const order = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-analyst')));
    expect(order).toEqual(scores.map((s) => s.scenario));
    let rank = 0;
    for (const s of scores) {
      const row = table.locator(`tbody tr[data-analyst="${s.scenario}"]`);
      await expect(row.locator('[data-metric="rank"]')).toHaveText(
        s.ranked ? String(++rank) : 'too few to rank'
      );
      for (const [key, r] of [
        ['a', s.runA],
        ['b', s.runB]
      ] as const) {
        await expect(row.locator(`[data-metric="${key}-n"]`)).toHaveText(String(r.n));
        await expect(row.locator(`[data-metric="${key}-reading"]`)).toHaveText(
          String(r.stated.length - r.n)
        );
        await expect(row.locator(`[data-metric="${key}-rps"]`)).toHaveText(fixed(r.rps, 3));
        await expect(row.locator(`[data-metric="${key}-within"]`)).toHaveText(
          r.withinOne === undefined ? '—' : share(r.withinOne)
        );
        await expect(row.locator(`[data-metric="${key}-mae"]`)).toHaveText(
          fixed(r.meanAbsoluteError, 2)
        );
        await expect(row.locator(`[data-metric="${key}-brier"]`)).toHaveText(fixed(r.brier, 3));
      }
      await expect(row).toContainText(`${s.from}–${s.to}`);
    }
    // A score on fewer than eight quarters is marked, not ranked.
    expect(scores.some((s) => !s.ranked)).toBe(true);
    await expect(table.getByText('too few to rank').first()).toBeVisible();
  });

  test('says what each number means and when they seem to disagree', async ({ page }) => {
    await page.goto('/scorecard');
    await expect(page.getByText(/a miss by three levels costs three times/)).toBeVisible();
    await expect(page.getByText(/share of scored quarters in which/)).toBeVisible();
    await expect(page.getByText(/how many levels, on average/)).toBeVisible();
    await expect(
      page.getByText(/0 is a sure, right forecast and 2 a sure, wrong one/)
    ).toBeVisible();
    await expect(page.getByText(/The scores can rank two analysts differently/)).toBeVisible();
    await expect(page.getByText(/counted apart as “model’s reading”/).first()).toBeVisible();
  });

  test('the table downloads as CSV with rank, quarters and the ranked score', async ({ page }) => {
    await page.goto('/scorecard');
    const section = page.locator('section', { has: page.locator('#scores-heading') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section
        .getByRole('button', { name: /as CSV/ })
        .first()
        .click()
    ]);
    const text = await (await import('node:fs')).promises.readFile(await download.path(), 'utf8');
    expect(text.split('\r\n')[0]).toContain('rank,analyst,from,to,run,quarters_scored');
    expect(text).toContain('too few to rank');
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
    const extension = page.locator('li.claim', {
      hasText: 'Whether Washington will do the work is left open'
    });
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
          `scored over ${s.verdictCounted.filter(Boolean).length} quarters of ${s.quarters.length}, ${s.from}–${s.to}: ${s.counts['both-held']} quarters where the reasoning and the assumptions held`
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
