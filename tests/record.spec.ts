import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectConsoleProblems } from './helpers/console';

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]').first()).toBeAttached();
}

/** Each analyst's row of the score table as text: what a reader compares. */
const scoreRows = (page: Page) =>
  page
    .locator('tr[data-analyst]')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ')));

const yourQuarter = (page: Page, quarter: string) =>
  page.locator(`fieldset[data-quarter="${quarter}"]`);

test('a quarter added to the record is scored, kept, exported and imported back', async ({
  page
}) => {
  const problems = collectConsoleProblems(page);
  await ready(page, '/scorecard');
  await expect(page.getByTestId('scored-to')).toHaveAttribute('data-scored-to', '2026Q1');
  const before = await scoreRows(page);

  await page
    .getByRole('navigation', { name: 'Primary' })
    .getByRole('link', { name: 'Record' })
    .click();
  await expect(page.locator('[data-ready="true"]')).toBeAttached();
  await page.getByRole('button', { name: 'Add 2026Q2' }).click();
  const q = yourQuarter(page, '2026Q2');
  // Prefilled from 2026Q1: transactional (0). A rupture is what no forecast has for 2026Q2.
  await expect(q.getByLabel('Relationship level')).toHaveValue('0');
  await q.getByLabel('Relationship level').selectOption('-3');
  await q.getByLabel('Sanctions').selectOption({ label: 'Not recorded' });
  await q.getByLabel('Note (optional)').fill('Talks collapsed.');
  await page.getByRole('button', { name: 'Add an event' }).click();
  const event = page.locator('fieldset', { hasText: 'Your event 1' });
  await event.getByLabel('Date (YYYY-MM-DD)').fill('2026-05-04');
  await event.getByLabel('Topic').selectOption({ label: 'Ukraine' });
  await event.getByLabel('Direction').selectOption('cooling');
  await event.getByLabel('What happened (one line)').fill('Talks on Ukraine broke off.');
  await event.getByLabel('Source (address)').fill('not an address');
  await page.getByRole('button', { name: 'Save my additions' }).click();
  // A bad field is named beside it and nothing is saved.
  await expect(event.locator('[data-path="events[0].source"]')).toBeVisible();
  await expect(page.getByTestId('record-status')).toContainText('Nothing was saved');
  await event.getByLabel('Source (address)').fill('https://example.org/talks');
  await expect(event.locator('[data-path="events[0].source"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save my additions' }).click();
  await expect(page.getByTestId('record-status')).toContainText('Saved: your quarters 2026Q2');
  await expect(page.getByTestId('record-table').locator('tr[data-quarter="2026Q2"]')).toContainText(
    'yours'
  );

  await page
    .getByRole('navigation', { name: 'Primary' })
    .getByRole('link', { name: 'Scorecard' })
    .click();
  await expect(page.getByTestId('scored-to')).toHaveText(
    'Scored to 2026Q2; 2026Q2 is your addition to the record.'
  );
  await expect.poll(() => scoreRows(page)).not.toEqual(before);
  const after = await scoreRows(page);
  expect(after.some((row) => row.includes('2026Q2'))).toBe(true);
  await expect(page.locator('.record-end').first()).toContainText('2026Q2 is your addition');
  const yourEvent = page.locator('tr', { hasText: 'Talks on Ukraine broke off.' });
  expect(await yourEvent.locator('td').first().textContent()).toContain('(yours)');
  // The events chart's level strip marks the added quarter, with a legend entry.
  await expect(page.locator('svg.chart rect.yours-band')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Legend' }).getByText('Your quarters')).toBeVisible();

  // Marked as the user's on the timelines and the matrix.
  await ready(page, '/explore');
  await expect(page.locator('g.yours').first()).toHaveAttribute('data-yours', '2026Q2');
  await ready(page, '/compare');
  await expect(page.locator('td[data-row="observed"][data-quarter="2026Q2"]')).toHaveAttribute(
    'aria-label',
    /\(yours\), 2026Q2: .*level −3|\(yours\), 2026Q2: .*level -3/
  );

  // Kept across a reload.
  await ready(page, '/record');
  await expect(yourQuarter(page, '2026Q2').getByLabel('Relationship level')).toHaveValue('-3');
  await expect(yourQuarter(page, '2026Q2').getByLabel('Sanctions')).toHaveValue('');

  // Export, remove, import back: the same record.
  const tableBefore = await page.getByTestId('record-table').innerText();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export record as JSON' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.quarters.at(-1)).toEqual({
    quarter: '2026Q2',
    level: -3,
    drivers: expect.not.objectContaining({ sanctions: expect.anything() }),
    note: 'Talks collapsed.'
  });
  await page.getByRole('button', { name: 'Remove all my additions' }).click();
  await expect(page.getByTestId('record-table').locator('tr[data-quarter="2026Q2"]')).toHaveCount(
    0
  );
  await page.getByLabel('Import a record file…').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    '1 quarter(s) and 1 event(s)'
  );
  await expect.poll(() => page.getByTestId('record-table').innerText()).toBe(tableBefore);

  // A file with a planted error: its problem by path, and nothing changes.
  const bad = structuredClone(exported);
  bad.quarters.at(-1).level = 5;
  await page.getByLabel('Import a record file…').setInputFiles({
    name: 'bad-record.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad))
  });
  const alert = page.getByRole('alert').filter({ hasText: 'bad-record.json was not imported' });
  await expect(
    alert.locator(`[data-path="quarters[${bad.quarters.length - 1}].level"]`)
  ).toBeVisible();
  await expect.poll(() => page.getByTestId('record-table').innerText()).toBe(tableBefore);
  await ready(page, '/record');
  await expect(yourQuarter(page, '2026Q2').getByLabel('Relationship level')).toHaveValue('-3');
  expect(problems).toEqual([]);
});
