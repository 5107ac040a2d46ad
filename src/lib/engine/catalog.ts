/**
 * Loading: the texts of the scenario files → validated objects, with every problem reported as a
 * ValidationIssue. A broken forecast is left out and named; the others still load.
 */
import type { z } from 'zod';
import { History, LikelihoodScale, Scale, Scenario, Vocabulary } from './schema';
import { parseWith } from './zodIssues';
import { readYaml } from './readYaml';
import { checkHistory, checkScenario, checkVocabulary, type ArticleNumbering } from './check';
import { checkModel } from './modelCheck';
import { resolveModel, type Model } from './model';
import type { ValidationIssue } from './issues';
import { composeVocabulary, type Catalog, type SkippedFile } from './catalogData';
import { horizonOf, toIndex } from './quarter';
import { formatIssue } from './issues';

export type { Catalog } from './catalogData';

export interface SourceFile {
  path: string;
  text: string;
}

export interface CatalogFiles {
  drivers: SourceFile;
  scale: SourceFile;
  likelihood: SourceFile;
  history: SourceFile;
  forecasts: SourceFile[];
}

export interface LoadResult {
  /** Absent when a shared file (vocabulary, scale, likelihood, history) is broken. */
  catalog?: Catalog;
  issues: ValidationIssue[];
}

function readData(file: SourceFile, issues: ValidationIssue[]): unknown {
  const read = readYaml(file.text);
  if ('data' in read) return read.data;
  issues.push({ severity: 'error', file: file.path, path: '', message: read.problem });
  return undefined;
}

function load<S extends z.ZodType>(schema: S, file: SourceFile, issues: ValidationIssue[]) {
  const data = readData(file, issues);
  if (data === undefined) return undefined;
  const { value, issues: found } = parseWith(schema, data, file.path);
  issues.push(...found);
  return value;
}

const baseName = (path: string) => path.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/, '');

export interface LoadOptions {
  /** Numbered article texts; when given, every cited paragraph and quote is checked. */
  articles?: ArticleNumbering;
}

/** Pure (no I/O): the caller reads the files. */
export function loadCatalog(files: CatalogFiles, options: LoadOptions = {}): LoadResult {
  const issues: ValidationIssue[] = [];
  const vocabulary = load(Vocabulary, files.drivers, issues);
  const scale = load(Scale, files.scale, issues);
  const likelihood = load(LikelihoodScale, files.likelihood, issues);
  const history = load(History, files.history, issues);
  if (vocabulary) issues.push(...checkVocabulary(vocabulary, files.drivers.path, options.articles));
  if (vocabulary && history) issues.push(...checkHistory(history, files.history.path, vocabulary));
  if (
    !vocabulary ||
    !scale ||
    !likelihood ||
    !history ||
    issues.some((i) => i.severity === 'error')
  ) {
    return { issues };
  }

  const scenarios: Scenario[] = [];
  const loaded = new Map<string, Model>();
  const skipped: SkippedFile[] = [];
  const shared = { vocabulary, likelihood, history, articles: options.articles };
  for (const file of files.forecasts) {
    const { model, issues: found } = loadForecast(file, shared, loaded);
    if (model) {
      scenarios.push(model.scenario);
      loaded.set(model.scenario.id, model);
    } else {
      skipped.push({
        file: file.path,
        messages: found.filter((i) => i.severity === 'error').map(formatIssue)
      });
    }
    issues.push(...found);
  }
  return {
    catalog: assembleCatalog({ vocabulary, scale, likelihood, history }, scenarios, skipped),
    issues
  };
}

/**
 * A catalog of forecasts that passed checkForecast: the vocabulary gains the drivers they declare,
 * and every model is resolved against that one vocabulary. Pure.
 */
export function assembleCatalog(
  base: Pick<Catalog, 'vocabulary' | 'scale' | 'likelihood' | 'history'>,
  scenarios: Scenario[],
  skipped: SkippedFile[] = []
): Catalog {
  const vocabulary = composeVocabulary(base.vocabulary, scenarios);
  const context = { vocabulary, likelihood: base.likelihood };
  return {
    ...base,
    vocabulary,
    scenarios,
    models: new Map(scenarios.map((s) => [s.id, resolveModel(s, context)])),
    horizon: horizonOf(scenarios, base.history.quarters),
    ...(skipped.length ? { skipped } : {})
  };
}

/** What a forecast is checked against: the shared files, already loaded. */
export interface SharedFiles {
  vocabulary: Vocabulary;
  likelihood: LikelihoodScale;
  history: History;
  articles?: ArticleNumbering;
}

/**
 * Pure. One forecast file: its model, or the issues that keep it out (warnings may come with a
 * model). `loaded` holds the forecasts already accepted, to refuse a second one with the same id.
 */
export function loadForecast(
  file: SourceFile,
  shared: SharedFiles,
  loaded: ReadonlyMap<string, Model> = new Map()
): { model?: Model; issues: ValidationIssue[] } {
  const found: ValidationIssue[] = [];
  const data = readData(file, found);
  if (data === undefined) return { issues: found };
  return checkForecast(data, file.path, shared, loaded);
}

/** Pure. loadForecast for data already read from the file at `path`. */
export function checkForecast(
  data: unknown,
  path: string,
  shared: SharedFiles,
  loaded: ReadonlyMap<string, Model> = new Map()
): { model?: Model; issues: ValidationIssue[] } {
  const { vocabulary, likelihood, history, articles } = shared;
  const { value: scenario, issues: found } = parseWith(Scenario, data, path);
  if (!scenario) return { issues: found };
  if (scenario.id !== baseName(path)) {
    found.push({
      severity: 'error',
      file: path,
      path: 'id',
      message: `expected "${baseName(path)}" (the file's name); got "${scenario.id}"`
    });
  }
  if (loaded.has(scenario.id)) {
    found.push({
      severity: 'error',
      file: path,
      path: 'id',
      message: `duplicate forecast id "${scenario.id}"`
    });
  }
  found.push(...checkOwnDrivers(scenario, path, vocabulary, loaded));
  const own = composeVocabulary({ drivers: vocabulary.drivers.filter((d) => !d.declaredBy) }, [
    scenario
  ]);
  found.push(
    ...checkScenario(scenario, path, {
      vocabulary: own,
      likelihood,
      articles,
      otherTopics: history.otherTopics
    })
  );
  const failed = () => found.some((i) => i.severity === 'error');
  if (failed()) return { issues: found };
  const model = resolveModel(scenario, { vocabulary: own, likelihood });
  found.push(...checkModel(model, path, likelihood));
  return failed() ? { issues: found } : { model, issues: found };
}

/**
 * A forecast's own drivers may not redefine a shared driver, and a driver another loaded forecast
 * declares must have the same levels here (the catalog holds one driver per id). Pure.
 */
function checkOwnDrivers(
  scenario: Scenario,
  path: string,
  vocabulary: Catalog['vocabulary'],
  loaded: ReadonlyMap<string, Model>
): ValidationIssue[] {
  const found: ValidationIssue[] = [];
  const add = (at: string, message: string) =>
    found.push({ severity: 'error', file: path, path: at, message });
  const seen = new Set<string>();
  (scenario.drivers ?? []).forEach((d, i) => {
    if (seen.has(d.id)) add(`drivers[${i}].id`, `duplicate driver id "${d.id}"`);
    seen.add(d.id);
    const levelIds = d.levels.map((l) => l.id);
    levelIds.forEach((l, j) => {
      if (levelIds.indexOf(l) !== j)
        add(`drivers[${i}].levels[${j}].id`, `duplicate level id "${l}"`);
    });
    if (vocabulary.drivers.some((v) => v.id === d.id && !v.declaredBy)) {
      add(
        `drivers[${i}].id`,
        `"${d.id}" is a shared driver already; read it without declaring it, or choose another id`
      );
      return;
    }
    for (const other of loaded.values()) {
      const theirs = other.scenario.drivers?.find((o) => o.id === d.id);
      if (theirs && theirs.levels.map((l) => l.id).join() !== levelIds.join()) {
        add(
          `drivers[${i}].levels`,
          `${other.scenario.id} declares "${d.id}" with the levels ${theirs.levels.map((l) => l.id).join(', ')}; use the same levels or another id`
        );
      }
    }
  });
  if (scenario.until !== undefined && toIndex(scenario.until) < toIndex(scenario.start.quarter)) {
    add('until', `expected a quarter at or after the start (${scenario.start.quarter})`);
  }
  return found;
}
