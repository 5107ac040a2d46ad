/**
 * The catalog with the user's own forecasts and record added to the built-in one. It validates
 * what the browser kept exactly as `validate` checks a file (zod, cross-references, model checks),
 * so a forecast tampered with in storage is reported and left out, never trusted. Loaded only when
 * the user has something of their own: it brings the YAML parser and zod with it.
 */
import {
  assembleCatalog,
  checkForecast,
  checkHistory,
  formatIssue,
  parseWith,
  readYaml,
  toIndex,
  type Catalog,
  type Model,
  type SkippedFile
} from '$lib/engine/validate';
import { History } from '$lib/engine/schema';
import type { UserForecast, UserRecord } from './store';

export interface UserCatalog {
  catalog: Catalog;
  /** User forecasts left out, and the record's problems, in words. */
  skipped: SkippedFile[];
}

/** The file name a user forecast is checked as (its id must match, as for any forecast file). */
export const userFile = (id: string) => `${id}.yaml`;

/** The record with the user's quarters after the built-in record's end, and their events. */
export function mergedHistory(builtIn: Catalog, record: UserRecord | undefined) {
  const base = builtIn.history;
  if (!record) return { history: base, problems: [] as string[] };
  const end = toIndex(base.quarters.at(-1)!.quarter);
  const quarters = [...record.quarters]
    .filter((q) => toIndex(q.quarter) > end)
    .sort((a, b) => toIndex(a.quarter) - toIndex(b.quarter));
  const history = {
    ...base,
    quarters: [...base.quarters, ...quarters],
    events: [...base.events, ...record.events]
  };
  const { value, issues } = parseWith(History, history, 'your record');
  const problems = [
    ...issues,
    ...(value ? checkHistory(value, 'your record', builtIn.vocabulary) : [])
  ]
    .filter((i) => i.severity === 'error')
    .map(formatIssue);
  return problems.length ? { history: base, problems } : { history: value!, problems };
}

/** Pure. */
export function userCatalog(
  builtIn: Catalog,
  forecasts: readonly UserForecast[],
  record?: UserRecord
): UserCatalog {
  const skipped: SkippedFile[] = [];
  const { history, problems } = mergedHistory(builtIn, record);
  if (problems.length) skipped.push({ file: 'your record', messages: problems });
  const shared = {
    vocabulary: { drivers: builtIn.vocabulary.drivers.filter((d) => !d.declaredBy) },
    likelihood: builtIn.likelihood,
    history
  };
  const loaded = new Map<string, Model>(builtIn.models);
  const scenarios = [...builtIn.scenarios];
  const yours: string[] = [];
  for (const f of forecasts) {
    const file = userFile(f.id);
    const read = readYaml(f.yaml);
    const { model, issues } =
      'data' in read
        ? checkForecast(read.data, file, shared, loaded)
        : {
            model: undefined,
            issues: [{ severity: 'error' as const, file, path: '', message: read.problem }]
          };
    if (model) {
      loaded.set(model.scenario.id, model);
      scenarios.push(model.scenario);
      yours.push(model.scenario.id);
    } else {
      skipped.push({
        file,
        messages: issues.filter((i) => i.severity === 'error').map(formatIssue)
      });
    }
  }
  const assembled = assembleCatalog(
    {
      vocabulary: shared.vocabulary,
      scale: builtIn.scale,
      likelihood: builtIn.likelihood,
      history
    },
    scenarios,
    [...(builtIn.skipped ?? []), ...skipped]
  );
  const builtInEnd = toIndex(builtIn.history.quarters.at(-1)!.quarter);
  const userQuarters = history.quarters
    .filter((q) => toIndex(q.quarter) > builtInEnd)
    .map((q) => q.quarter);
  const userEvents = history.events.slice(builtIn.history.events.length);
  return {
    catalog: {
      ...assembled,
      ...(yours.length ? { userForecasts: yours } : {}),
      ...(userQuarters.length ? { userQuarters } : {}),
      ...(userEvents.length ? { userEvents } : {})
    },
    skipped
  };
}
