import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE_PATH = require.resolve('axe-core/axe.min.js');

/** The WCAG 2.1 A and AA rule sets every page must pass. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Injects axe-core into the page and runs the WCAG 2.1 A/AA rules against the whole
 * document (or `context`, a CSS selector). Returns axe's violations; an empty array passes.
 */
export async function runAxe(page: Page, context?: string): Promise<Result[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated rather than added as a <script>: the pages' CSP refuses inline scripts.
  if (!hasAxe) await page.evaluate(readFileSync(AXE_SOURCE_PATH, 'utf8'));

  const results = await page.evaluate(
    async ({ tags, context }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      return axe.run(context ?? document, { runOnly: { type: 'tag', values: tags } });
    },
    { tags: WCAG_TAGS, context }
  );
  return (results as AxeResults).violations;
}

/** One line per violated node, readable in a failed assertion's diff. */
export function formatViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${n.target.join(' ')} — ${v.help}`)
  );
}
