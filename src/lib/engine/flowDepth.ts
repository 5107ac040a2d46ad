/** How deep brackets nest in a text, read without parsing it: a guard any reader can run first. */

/**
 * The 1-based line where flow brackets ([ and {) first nest deeper than `limit`, or undefined.
 * Brackets inside quotes and comments don't count. Works for JSON too. Pure.
 */
export function tooDeepFlow(text: string, limit: number): number | undefined {
  let depth = 0;
  let line = 1;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      // An apostrophe inside a plain word ("don't") opens no quote.
      const before = text[i - 1];
      if (c === '"' || before === undefined || /[\s[{,:]/.test(before)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return line;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
