import type { Page } from '@playwright/test';

export interface ConsoleProblem {
  type: 'error' | 'warning' | 'pageerror';
  text: string;
}

/**
 * Starts recording console errors and warnings and uncaught page errors. Call it before
 * `page.goto`; read the returned array after the page has settled and expect it to be empty.
 */
export function collectConsoleProblems(page: Page): ConsoleProblem[] {
  const problems: ConsoleProblem[] = [];
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warning') {
      const { url, lineNumber } = message.location();
      const where = url ? ` (${url}:${lineNumber})` : '';
      problems.push({ type, text: `${message.text()}${where}` });
    }
  });
  page.on('pageerror', (error) => {
    problems.push({ type: 'pageerror', text: error.stack ?? error.message });
  });
  return problems;
}
