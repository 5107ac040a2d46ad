/**
 * The questions the checks worker answers, as plain functions testable in Node: build the catalog
 * with the user's forecasts and record, or check one forecast as it is being written.
 */
import {
  catalogData,
  checkForecast,
  readYaml,
  type Catalog,
  type CatalogData,
  type Model,
  type Scenario,
  type SkippedFile,
  type ValidationIssue
} from '$lib/engine/validate';
import { mergedHistory, userCatalog } from './userCatalog';
import type { UserForecast, UserRecord } from './store';
import {
  checkAdditions,
  importRecord,
  type FieldProblem,
  type ImportResult
} from '$lib/record/recordCheck';
import type { RecordAdditions } from '$lib/record/recordDraft';
import { checkImport, type ImportOutcome } from '$lib/author/importCheck';

export type CheckRequest =
  | { kind: 'catalog'; forecasts: UserForecast[]; record?: UserRecord }
  | {
      kind: 'forecast';
      /** The file's text (YAML), or its data already read (the form's object). */
      text?: string;
      data?: unknown;
      /** The file name it is checked as: its id must match (`<id>.yaml`). */
      file: string;
      /** The user's other forecasts (not the one being edited), to refuse a second one's id. */
      others: UserForecast[];
      record?: UserRecord;
    }
  /** The user's additions to the record, checked as the record file is. */
  | { kind: 'recordAdditions'; additions: RecordAdditions }
  /** A record file read for import (JSON in the format of observed.json). */
  | { kind: 'recordImport'; text: string }
  /** A forecast file brought in (a file, a paste, a shared link), checked before it is kept. */
  | { kind: 'import'; text: string; file: string; others: UserForecast[]; record?: UserRecord };

/** An import's outcome as plain data: the valid forecast as its scenario, not a model. */
export type ImportAnswer =
  | Exclude<ImportOutcome, { kind: 'valid' }>
  | { kind: 'valid'; id: string; data: unknown; scenario: Scenario };

export interface ForecastCheck {
  /** The forecast as validated (defaults filled in), when it has no error. */
  scenario?: Scenario;
  issues: ValidationIssue[];
}

interface CheckAnswers {
  catalog: { data: CatalogData; skipped: SkippedFile[] };
  forecast: ForecastCheck;
  recordAdditions: FieldProblem[];
  recordImport: ImportResult;
  import: ImportAnswer;
}

export type CheckResult<R extends CheckRequest> = CheckAnswers[R['kind']];

export type CheckResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

let lastOthers: { key: string; builtIn: Catalog; catalog: Catalog } | undefined;

/**
 * The catalog the draft is checked against. The author page asks on every edit with the same
 * other forecasts, so the last one is kept rather than validating them all again each time.
 */
function othersCatalog(builtIn: Catalog, others: UserForecast[], record?: UserRecord): Catalog {
  const key = JSON.stringify([others, record ?? null]);
  if (lastOthers?.key !== key || lastOthers.builtIn !== builtIn) {
    lastOthers = { key, builtIn, catalog: userCatalog(builtIn, others, record).catalog };
  }
  return lastOthers.catalog;
}

/** Pure (apart from keeping the last catalog of the other forecasts). */
export function answerCheck(builtIn: Catalog, request: CheckRequest): CheckResult<CheckRequest> {
  // The record's drivers are the shared ones: a forecast's own drivers are not part of it.
  const shared = { drivers: builtIn.vocabulary.drivers.filter((d) => !d.declaredBy) };
  if (request.kind === 'recordAdditions') {
    return checkAdditions(builtIn.history, shared, request.additions);
  }
  if (request.kind === 'recordImport') return importRecord(request.text, builtIn.history, shared);
  if (request.kind === 'catalog') {
    const { catalog, skipped } = userCatalog(builtIn, request.forecasts, request.record);
    return { data: catalogData(catalog), skipped };
  }
  const { history } = mergedHistory(builtIn, request.record);
  const files = { vocabulary: shared, likelihood: builtIn.likelihood, history };
  // The others are checked as the catalog does, so a clash of ids or of own drivers shows here.
  const others = othersCatalog(builtIn, request.others, request.record);
  const loaded = new Map<string, Model>(others.models);
  if (request.kind === 'import') {
    const outcome = checkImport(request.text, request.file, files, loaded);
    if (outcome.kind !== 'valid') return outcome;
    return { kind: 'valid', id: outcome.id, data: outcome.data, scenario: outcome.model.scenario };
  }
  let data = request.data;
  if (request.text !== undefined) {
    const read = readYaml(request.text);
    if (!('data' in read)) {
      return {
        issues: [{ severity: 'error', file: request.file, path: '', message: read.problem }]
      };
    }
    data = read.data;
  }
  const { model, issues } = checkForecast(data, request.file, files, loaded);
  return model ? { scenario: model.scenario, issues } : { issues };
}
