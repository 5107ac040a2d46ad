/**
 * A forecast file brought in from outside (a file, a paste, a shared link), checked exactly as
 * `validate` checks a file before anything is saved. A file whose id is taken is checked under a
 * free id, so its own problems are found first; the user then chooses the new id. Pure; it brings
 * the YAML parser and zod, so pages import it lazily.
 */
import {
  checkForecast,
  readYaml,
  type Model,
  type SharedFiles,
  type ValidationIssue
} from '$lib/engine/validate';
import { idOf, uniqueId, withId } from './skeleton';

export type ImportOutcome =
  /** Nothing may be saved: the problems, each with the file, the path and the message. */
  | { kind: 'invalid'; issues: ValidationIssue[] }
  /** Valid, but a forecast with this id exists: import under another (`suggested` is free). */
  | { kind: 'clash'; id: string; suggested: string; data: unknown }
  | { kind: 'valid'; id: string; data: unknown; model: Model };

/** The file's problems under the name the user knows it by. */
const named = (issues: ValidationIssue[], file: string) =>
  issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, file }));

export function checkImport(
  text: string,
  file: string,
  shared: SharedFiles,
  loaded: ReadonlyMap<string, Model>
): ImportOutcome {
  const read = readYaml(text);
  if (!('data' in read))
    return {
      kind: 'invalid',
      issues: [{ severity: 'error', file, path: '', message: read.problem }]
    };
  return checkData(read.data, file, shared, loaded);
}

/** checkImport for data already read (or given a new id). */
export function checkData(
  data: unknown,
  file: string,
  shared: SharedFiles,
  loaded: ReadonlyMap<string, Model>
): ImportOutcome {
  const id = idOf(data);
  const taken = id !== undefined && loaded.has(id);
  const asId = taken ? uniqueId(id, [...loaded.keys()]) : (id ?? 'forecast');
  const checked = taken ? withId(data, asId) : data;
  const { model, issues } = checkForecast(checked, `${asId}.yaml`, shared, loaded);
  if (!model) return { kind: 'invalid', issues: named(issues, file) };
  if (taken) return { kind: 'clash', id, suggested: asId, data };
  return { kind: 'valid', id: model.scenario.id, data, model };
}
