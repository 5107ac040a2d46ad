import type { Page } from '@playwright/test';

export interface CspViolation {
  directive: string;
  blocked: string;
  page: string;
  sample: string;
  /** Where the blocked code ran: script URL and line, when the browser knows. */
  source: string;
}

/**
 * Records every `securitypolicyviolation` event on every document the page loads from now on.
 * Call it before the first `page.goto`; read the array once the page has settled and expect it to
 * be empty. A listener is installed before any of the page's own code runs, on each navigation.
 */
export async function collectCspViolations(page: Page): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await page.exposeFunction('__crosswindsCspViolation', (v: CspViolation) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as Record<string, (v: unknown) => void>)
          .__crosswindsCspViolation;
        report?.({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          page: location.pathname + location.search,
          sample: e.sample,
          source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : ''
        });
      },
      true
    );
  });
  return violations;
}

/** The policy in a built page's <meta http-equiv>, or undefined when it has none. */
export function metaPolicy(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
}
