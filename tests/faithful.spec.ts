/**
 * Faithful models, as a reader meets them: what the model reads in looks different from what the
 * article states, on /explore and /sources; a citation links to the original at its quote; the
 * record's end date is on every page with observed data.
 */
import { expect, test } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import { recordEndSentence, textFragmentUrl, type Catalog } from '../src/lib/engine';

const loaded = readCatalog().catalog;
if (!loaded) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');
const catalog: Catalog = loaded;
const guardrails = catalog.scenarios.find((s) => s.id === 'trenin-2020-guardrails')!;

test('a reading is marked on /explore: dashed in the diagram, named in the explanation', async ({
  page
}) => {
  // Under the observed drivers the guardrails model breaks into rupture with the war in 2022:
  // a state and a transition the article does not state.
  expect(guardrails.states.rupture!.source.basis).toBe('reading');
  await page.goto('/explore?f=trenin-2020-guardrails&q=2022Q2');
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  const focus = page.locator('section.focus');
  const node = focus.getByRole('listitem', { name: /^Rupture over Donbass:/ });
  await expect(node).toHaveAttribute('aria-label', /model’s reading/);
  await expect(node.locator('rect[data-basis="reading"]')).toHaveAttribute(
    'stroke-dasharray',
    /\d/
  );
  const stated = focus.getByRole('listitem', { name: /^Guardrailed confrontation:/ });
  await expect(stated.locator('rect[data-basis="stated"]')).not.toHaveAttribute(
    'stroke-dasharray',
    /./
  );
  await expect(
    focus.getByText('Dashed: the model’s reading, not stated in the article')
  ).toBeVisible();
  const readings = focus.getByTestId('position-readings');
  await expect(readings).toContainText('Model’s reading');
  await expect(readings).toContainText('State rupture');
  await expect(readings).toContainText(guardrails.states.rupture!.source.why!);
});

test('a reading is marked on /sources, and each citation leads back to its element in /explore', async ({
  page
}) => {
  await page.goto('/sources/trenin-2020-guardrails');
  const rupture = guardrails.states.rupture!;
  const block = page.locator(`#p${rupture.source.para}`);
  const citation = block.locator('li.citation[data-kind="state"]', { hasText: rupture.label });
  await expect(citation).toHaveAttribute('data-basis', 'reading');
  await expect(citation.locator('.reading-mark')).toHaveText('Model’s reading');
  await expect(citation).toContainText(rupture.source.why!);
  await expect(citation).toContainText(`In our words: ${rupture.description}`);
  const stated = page.locator('li.citation[data-basis="stated"]').first();
  await expect(stated.locator('.stated-mark')).toHaveText('Stated');
  await expect(stated.locator('q')).not.toBeEmpty();

  await citation.getByRole('link', { name: 'Show in Explore' }).click();
  await expect(page).toHaveURL(/\/explore\?f=trenin-2020-guardrails/);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  await expect(page.getByTestId('highlight-note')).toContainText('the state Rupture over Donbass');
  await expect(
    page.getByRole('listitem', { name: /^Rupture over Donbass:/ }).locator('[data-highlighted]')
  ).toHaveCount(1);
});

test('a source link carries a text fragment of its quote; an article without an address says so', async ({
  page
}) => {
  await page.goto('/sources/trenin-2020-guardrails');
  const stated = page.locator('li.citation[data-basis="stated"]').filter({
    has: page.locator('a.original')
  });
  expect(await stated.count()).toBeGreaterThan(5);
  const first = stated.first();
  const quote = (await first.locator('q').textContent())!;
  await expect(first.locator('a.original')).toHaveAttribute(
    'href',
    textFragmentUrl(guardrails.source.url, quote)!
  );
  expect(textFragmentUrl(guardrails.source.url, quote)).toContain('#:~:text=');

  const yusui = catalog.scenarios.find((s) => s.id === 'yusui-2021-stalemate')!;
  expect(yusui.source.url).toBeUndefined();
  await page.goto('/sources/yusui-2021-stalemate');
  await expect(page.getByTestId('no-url')).toContainText('names no web address');
  await expect(page.locator('a.original')).toHaveCount(0);
});

test('a descriptive title is shown as a description, not as the author’s title', async ({
  page
}) => {
  await page.goto('/sources/notte-2025-reset');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'our description: the capture gives no title'
  );
});

test('the record’s end date is on home, explore, compare and the scorecard', async ({ page }) => {
  const sentence = recordEndSentence(catalog.history);
  expect(sentence).toBe(
    'The record ends 3 March 2026; later quarters carry its last levels forward.'
  );
  for (const path of ['/', '/explore', '/compare', '/scorecard']) {
    await page.goto(path);
    await expect(page.getByText(sentence), path).toBeVisible();
  }
});

test('the compare matrix frames quarters reached through a reading', async ({ page }) => {
  await page.goto('/compare?q=2022Q2');
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  const cell = page
    .locator('tr', { hasText: 'Trenin 2020 (guardrails)' })
    .locator('td[data-quarter="2022Q2"]');
  await expect(cell).toHaveAttribute('data-basis', 'reading');
  await expect(cell).toHaveAttribute('aria-label', /model’s reading/);
  await expect(page.getByText(/A dashed frame marks a quarter the model/)).toBeVisible();
});
