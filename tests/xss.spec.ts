import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';

// The policy would block an injected script anyway; this test switches it off to prove the text
// itself is inert, so escaping does not depend on the policy.
test.use({ bypassCSP: true });

/** Each payload would set window.__xss if it ever became markup. */
const SCRIPT = '<script>window.__xss = 1</script>';
const IMG = '"><img src=x onerror="window.__xss = 2">';
const SVG = '<svg onload="window.__xss = 3"></svg>';

/** Fails the test on any sign that a payload ran or became an element. */
async function expectInert(page: Page) {
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
  ).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], [onerror]')).toHaveCount(0);
  const scripts = await page
    .locator('script')
    .evaluateAll((els) =>
      els.filter((e) => e.textContent?.includes('__xss')).map((e) => e.outerHTML)
    );
  expect(scripts).toEqual([]);
}

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-ready="true"]').first()).toBeAttached();
}

/** A deck file whose every piece of user text is a payload. */
const DECK = {
  version: 1,
  title: `Deck ${SCRIPT}`,
  subtitle: `Sub ${IMG}`,
  slides: [
    {
      id: 'x1',
      view: 'compare-matrix',
      query: `?f=${encodeURIComponent(IMG)}&a=${encodeURIComponent(SCRIPT)}`,
      title: `Slide ${IMG}`,
      notes: `Notes ${SCRIPT} ${SVG}`,
      sources: [{ ref: 'trenin-2020-guardrails', para: 8 }],
      addedAt: '2026-01-15T10:00:00.000Z'
    }
  ]
};

test.describe('user text stays text', () => {
  test.beforeEach(({ page }) => {
    page.on('dialog', (dialog) => {
      throw new Error(`a payload opened a dialog: ${dialog.message()}`);
    });
  });

  test('titles and notes typed in the brief, on every page that shows them', async ({ page }) => {
    await ready(page, '/scorecard');
    await page.getByRole('button', { name: /Add to brief: Scorecard$/ }).click();
    const form = page.locator('form', { has: page.getByLabel('Slide title') });
    await form.getByLabel('Slide title').fill(`Typed ${IMG}`);
    await form.getByLabel('Speaker notes').fill(`Typed notes ${SCRIPT}`);
    await form.getByRole('button', { name: 'Add slide' }).click();
    await expectInert(page);

    await ready(page, '/brief');
    await page.getByLabel('Deck title').fill(`Typed deck ${SVG}`);
    await expect(page.locator('li.slide').getByLabel('Title')).toHaveValue(`Typed ${IMG}`);
    await expect(page.getByRole('button', { name: `Slide 2: Typed ${IMG}` })).toBeVisible();
    await expectInert(page);

    await page.goto('/brief/present?s=2');
    await expect(page.getByRole('heading', { name: `Typed ${IMG}` })).toBeVisible();
    await expectInert(page);
    await ready(page, '/brief/print');
    await expect(page.getByText(`Typed deck ${SVG}`).first()).toBeVisible();
    await expect(page).toHaveTitle(`Typed deck ${SVG} · Crosswinds`);
    await expectInert(page);
  });

  test('an imported deck file, and its PowerPoint and SVG exports', async ({ page }, testInfo) => {
    await ready(page, '/brief');
    await page.getByLabel('Import deck (.json)').setInputFiles({
      name: `${IMG}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(DECK))
    });
    await expect(page.getByRole('status').first()).toContainText(`Imported ${IMG}.json: 1 slides.`);
    await expect(page.locator('li.slide').getByLabel('Speaker notes')).toHaveValue(
      DECK.slides[0]!.notes
    );
    await expectInert(page);

    // The slide's chart as SVG: its query carried payloads, which must not reach the file.
    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the chart of slide 2 as SVG' }).click();
    const svgFile = testInfo.outputPath('slide.svg');
    await (await svgDownload).saveAs(svgFile);
    const svg = readFileSync(svgFile, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).not.toMatch(/<script|<img|onerror|onload|__xss/i);

    // PowerPoint: the payloads are in the slides and notes as escaped text, never as XML.
    const pptxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PowerPoint (.pptx)' }).click();
    const pptxFile = testInfo.outputPath('deck.pptx');
    await (await pptxDownload).saveAs(pptxFile);
    const zip = await JSZip.loadAsync(readFileSync(pptxFile));
    const xml = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /^ppt\/(slides|notesSlides)\/\w+\.xml$/.test(f))
          .map((f) => zip.file(f)!.async('string'))
      )
    ).join('\n');
    expect(xml).toContain('Deck &lt;script&gt;window.__xss = 1&lt;/script&gt;');
    expect(xml).toContain('Slide &quot;&gt;&lt;img src=x onerror=&quot;window.__xss = 2&quot;&gt;');
    expect(xml).toContain('&lt;svg onload=&quot;window.__xss = 3&quot;&gt;');
    expect(xml).not.toMatch(/<script|<img|<svg/);

    // Presented and printed, the imported text shows as typed.
    await page.goto('/brief/present?s=2');
    await expect(page.getByRole('heading', { name: `Slide ${IMG}` })).toBeVisible();
    await expectInert(page);
    await ready(page, '/brief/print');
    await expect(page.getByText(`Sub ${IMG}`).first()).toBeVisible();
    await expectInert(page);
  });

  test('payloads in every link parameter are reported as text and ignored', async ({ page }) => {
    const bad = encodeURIComponent(IMG);
    const query = ['p', 'o', 'a', 'q', 'f', 'h'].map((k) => `${k}=${bad}`).join('&');
    for (const path of ['/explore', '/compare']) {
      await ready(page, `${path}?${query}`);
      const notices = page.getByRole('status').filter({ hasText: 'Parts of this link' });
      await expect(notices).toContainText(IMG);
      await expectInert(page);
    }
    // Only /explore marks an element, so only it says the mark was ignored.
    await ready(page, `/explore?h=${bad}`);
    await expect(page.getByRole('status').filter({ hasText: 'Parts of this link' })).toContainText(
      'which is not a state or transition like state.rupture; nothing is marked.'
    );
    await page.goto(`/brief/present?s=${encodeURIComponent(SCRIPT)}`);
    await expect(page.getByText(/which is not a slide number/)).toBeVisible();
    await expectInert(page);
  });
});
