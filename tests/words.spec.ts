/**
 * Clear words: signposts show how a transition's conditions combine ("any of 2: one holds"),
 * and direction words name the levels instead of "or higher".
 */
import { expect, test } from '@playwright/test';
import { readCatalog } from '../src/cli/readCatalog';
import {
  buildSchedule,
  framesOf,
  runPath,
  signposts,
  toIndex,
  type Catalog
} from '../src/lib/engine';

const loaded = readCatalog().catalog;
if (!loaded) throw new Error('the scenario files do not validate: npm run crosswinds -- validate');
const catalog: Catalog = loaded;

const KORTUNOV = 'kortunov-2025-thaw';
const QUARTER = '2026Q2';

test('signposts of an “any of” transition count the group, not the leaves', async ({ page }) => {
  const model = catalog.models.get(KORTUNOV)!;
  const schedule = buildSchedule(catalog, { kind: 'observed' });
  const state = runPath(model, schedule).steps.find((s) => s.quarter === QUARTER)!.state;
  const frame = framesOf(schedule, toIndex(QUARTER), toIndex(QUARTER))[0]!;
  const post = signposts(model, state, frame).find((p) => p.group.kind === 'any');
  expect(post, 'the thaw has a way out whose guard is an any-of').toBeDefined();
  const holding = post!.group.met;

  await page.goto(`/explore?p=observed&f=${KORTUNOV}&q=${QUARTER}`);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  const item = page
    .locator('section', { has: page.getByRole('heading', { name: /Signposts/ }) })
    .locator('ol.posts > li', { hasText: `conditions for ${post!.toLabel}` })
    .first();
  const words = holding === 0 ? 'none holds' : holding === 1 ? 'one holds' : `${holding} hold`;
  await expect(item.locator('.summary strong')).toHaveText(
    `Any of ${post!.group.items.length} conditions for ${post!.toLabel}: ${words}`
  );
  await expect(item.getByText(/^Any one of these/)).toBeVisible();
  // The ticks agree with the count: one tick per holding item of the top group.
  await expect(
    item.locator('.condition-group > ul > li > .visually-hidden', { hasText: /^Met:$/ })
  ).toHaveCount(holding);
  await expect(item).not.toContainText(/or higher|or lower/);
});

test('an override starts at the quarter chosen in “A change applies from”, the viewed one by default', async ({
  page
}) => {
  await page.goto('/explore?p=observed&q=2026Q1');
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  const from = page.getByLabel('A change applies from');
  await expect(from.locator('option:checked')).toHaveText('2026Q1 (the viewed quarter)');
  await expect(page.getByTestId('change-from')).toContainText('overrides it from 2026Q1 onward');

  await from.selectOption('2027Q3');
  await expect(page.getByTestId('change-from')).toContainText('overrides it from 2027Q3 onward');
  await page.getByLabel('Sanctions', { exact: true }).selectOption('easing');
  await expect(page).toHaveURL(/o=sanctions\.easing\.2027Q3/);
  // The viewed quarter keeps its level: the change starts later.
  await expect(page.getByLabel('Sanctions', { exact: true })).not.toHaveValue('easing');

  await from.selectOption('');
  await page.getByLabel('Arms control', { exact: true }).selectOption('new-framework');
  await expect(page).toHaveURL(/o=[^&]*armsControl\.new-framework\.2026Q1/);
});

test('the state diagram labels its edges and opens them; a visited state selects the quarter it was entered', async ({
  page
}) => {
  const model = catalog.models.get(KORTUNOV)!;
  const path = runPath(model, buildSchedule(catalog, { kind: 'observed' }));
  const stalled = path.steps.find((s) => s.state !== path.steps[0]!.state)!;

  await page.goto(`/explore?p=observed&f=${KORTUNOV}&q=2026Q2`);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  const diagram = page.locator('section.focus');
  const edge = model.scenario.transitions[0]!;
  const label = diagram.locator(`[data-transition="${edge.id}"]`);
  await expect(label.locator('text')).not.toBeEmpty();
  await label.click();
  const detail = page.getByTestId('transition-detail');
  const name = (id: string) => model.scenario.states[id]!.label;
  await expect(detail.getByRole('heading')).toContainText(name(edge.from));
  await expect(detail.getByRole('heading')).toContainText(name(edge.to));
  await expect(detail.getByRole('list', { name: 'Conditions of the transition' })).toBeVisible();

  // Enter on a state the path visited earlier views the quarter it was entered.
  const node = diagram.getByRole('listitem', { name: new RegExp(`^${stalled.label}:`) });
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('slider', { name: /selected quarter/ }).first()).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`^${stalled.quarter}`)
  );
});
