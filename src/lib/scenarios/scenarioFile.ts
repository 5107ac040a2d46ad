/**
 * Saved scenarios as a JSON file, to keep them outside the browser or hand them to a colleague.
 * Reading a file checks every entry; a bad entry is named and left out, the good ones come in,
 * and a file that is not a scenarios file at all changes nothing. Pure: no Svelte, no DOM.
 */
import type { SavedScenario } from '$lib/user/store';

export const SCENARIO_FILE_FORMAT = 'crosswinds-scenarios';
export const SCENARIO_FILE_VERSION = 1;
export const SCENARIO_FILE_NAME = 'crosswinds-scenarios.json';

/** Longest name kept: a name is a label in a list, not a note. */
export const NAME_MAX = 120;

export interface ScenarioFile {
  format: typeof SCENARIO_FILE_FORMAT;
  version: number;
  scenarios: Array<Pick<SavedScenario, 'name' | 'query' | 'updated'>>;
}

export function serializeScenarios(scenarios: readonly SavedScenario[]): string {
  const file: ScenarioFile = {
    format: SCENARIO_FILE_FORMAT,
    version: SCENARIO_FILE_VERSION,
    scenarios: scenarios.map(({ name, query, updated }) => ({ name, query, updated }))
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A scenario's name as kept: trimmed, one line, at most NAME_MAX characters. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
}

/** A link's query as kept: '' or '?…', with no address in front and no fragment. */
export function cleanQuery(query: string): string | undefined {
  const q = query.trim();
  if (q === '' || q === '?') return '';
  if (!q.startsWith('?') || /[\s#]/.test(q)) return undefined;
  return q;
}

export type ParsedScenarios =
  | {
      ok: true;
      /** The entries to add, each with a fresh id. */
      scenarios: SavedScenario[];
      /** Entries already saved here (same name and view), not added twice. */
      duplicates: number;
      /** Entries left out, each in words. */
      problems: string[];
    }
  | { ok: false; error: string };

/**
 * Reads a scenarios file. Entries identical to one already saved are skipped; a name already in
 * use for another view gets " (imported)" so that nothing saved is replaced by an import.
 */
export function parseScenarios(
  text: string,
  fileName: string,
  existing: readonly SavedScenario[],
  newId: () => string,
  now = new Date().toISOString()
): ParsedScenarios {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: `${fileName} is not JSON, so it is not a scenarios file.` };
  }
  const file = data as Partial<ScenarioFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== SCENARIO_FILE_FORMAT)
    return {
      ok: false,
      error: `${fileName} is not a Crosswinds scenarios file (it has no "format": "${SCENARIO_FILE_FORMAT}").`
    };
  if (typeof file.version !== 'number' || file.version > SCENARIO_FILE_VERSION)
    return {
      ok: false,
      error: `${fileName} was written by a newer Crosswinds (version ${String(file.version)}); this one reads version ${SCENARIO_FILE_VERSION}.`
    };
  if (!Array.isArray(file.scenarios))
    return { ok: false, error: `${fileName} has no list of scenarios.` };

  const scenarios: SavedScenario[] = [];
  const problems: string[] = [];
  let duplicates = 0;
  const names = new Set(existing.map((s) => s.name));
  file.scenarios.forEach((entry: unknown, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const where = `Entry ${i + 1}`;
    const name = typeof e.name === 'string' ? cleanName(e.name) : '';
    if (!name) return problems.push(`${where} has no name; it was left out.`);
    const query = typeof e.query === 'string' ? cleanQuery(e.query) : undefined;
    if (query === undefined)
      return problems.push(
        `${where} (“${name}”) has no view link like ?q=2026Q1; it was left out.`
      );
    if ([...existing, ...scenarios].some((s) => s.name === name && s.query === query))
      return duplicates++;
    let unique = name;
    for (let n = 1; names.has(unique); n++)
      unique = cleanName(`${name} (imported${n > 1 ? ` ${n}` : ''})`);
    names.add(unique);
    scenarios.push({
      id: newId(),
      name: unique,
      query,
      updated:
        typeof e.updated === 'string' && !Number.isNaN(Date.parse(e.updated)) ? e.updated : now
    });
  });
  return { ok: true, scenarios, duplicates, problems };
}

/** A fresh id for a saved scenario (randomUUID needs a secure context; a local file is not). */
export function newScenarioId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}
