/**
 * Where the editor shows a problem: each check names a path in the file
 * (`transitions[2].guard.params.level`); the editor shows it beside the field with that path, or,
 * where the form has no field for it, beside the nearest field that holds it. Pure.
 */
import type { ValidationIssue } from '$lib/engine';

/** The DOM id of the field for a path (ids and keys hold letters, digits and hyphens). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9-]+/g, '_')}`;
}

/** `path` is `field` or lies inside it (`states.now` holds `states.now.label`). */
export function within(path: string, field: string): boolean {
  if (field === '') return true;
  if (!path.startsWith(field)) return false;
  const next = path.charAt(field.length);
  return next === '' || next === '.' || next === '[';
}

/**
 * Each issue under the deepest field that holds its path; issues no field holds are under ''
 * (the form as a whole). Issues keep their order.
 */
export function placeIssues(
  issues: readonly ValidationIssue[],
  fields: Iterable<string>
): Map<string, ValidationIssue[]> {
  const list = [...fields].sort((a, b) => b.length - a.length);
  const placed = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const at = list.find((f) => within(issue.path, f)) ?? '';
    placed.set(at, [...(placed.get(at) ?? []), issue]);
  }
  return placed;
}

const NAMES: Record<string, string> = {
  source: 'citation',
  start: 'start',
  states: 'state',
  transitions: 'transition',
  drivers: 'own driver',
  assumptions: 'assumptions',
  changes: 'change',
  claims: 'claim',
  guard: 'condition',
  guards: 'condition',
  params: '',
  probability: 'chance',
  fork: 'branch',
  levels: 'level',
  para: 'paragraph',
  basis: 'basis',
  quote: 'quote',
  why: 'why',
  citeAs: 'short name',
  ref: 'article id',
  withinQuarters: 'within quarters'
};

/** A path in words: `transitions[2].guard.params.level` → "transition 3 › condition › level". */
export function describePath(path: string): string {
  if (path === '') return 'the file';
  const parts: string[] = [];
  // The file's own `source` is the article; every other `source` is an element's citation.
  if (/^source(\.|$)/.test(path)) {
    parts.push('article');
    path = path.slice('source'.length);
  }
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (index !== undefined) {
      const last = parts.length - 1;
      if (last >= 0) parts[last] = `${parts[last]} ${Number(index) + 1}`;
      else parts.push(String(Number(index) + 1));
      continue;
    }
    const name = NAMES[key!] ?? key!;
    if (name) parts.push(name);
  }
  return parts.join(' › ');
}

/** A check's message in plain words: what to fill in, without the file format's markup. */
export function plainMessage(message: string): string {
  if (/^missing; expected (string|number|nonoptional)/.test(message)) return 'Required.';
  const text = message.replace(/`/g, '').replace(/^expected a non-empty text.*$/, 'Required.');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
