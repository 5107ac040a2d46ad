/**
 * Loading: the texts of the scenario files → validated objects, with every problem reported as a
 * ValidationIssue. A broken forecast is left out and named; the others still load.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { History, LikelihoodScale, Scale, Scenario, Vocabulary } from './schema';
import { parseWith } from './zodIssues';
import { checkHistory, checkScenario, checkVocabulary, type ArticleNumbering } from './check';
import { checkModel } from './modelCheck';
import { resolveModel, type Model } from './model';
import type { ValidationIssue } from './issues';
import type { Catalog } from './catalogData';

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
  try {
    return parseYaml(file.text, { prettyErrors: true });
  } catch (e) {
    const message =
      e instanceof YAMLParseError
        ? `not valid YAML at line ${e.linePos?.[0].line ?? '?'}, column ${e.linePos?.[0].col ?? '?'}: ${e.message.split('\n')[0]}`
        : `cannot be read: ${String(e)}`;
    issues.push({ severity: 'error', file: file.path, path: '', message });
    return undefined;
  }
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
  const models = new Map<string, Model>();
  for (const file of files.forecasts) {
    const found: ValidationIssue[] = [];
    const scenario = load(Scenario, file, found);
    if (scenario) {
      if (scenario.id !== baseName(file.path)) {
        found.push({
          severity: 'error',
          file: file.path,
          path: 'id',
          message: `expected "${baseName(file.path)}" (the file's name); got "${scenario.id}"`
        });
      }
      if (models.has(scenario.id)) {
        found.push({
          severity: 'error',
          file: file.path,
          path: 'id',
          message: `duplicate forecast id "${scenario.id}"`
        });
      }
      found.push(
        ...checkScenario(scenario, file.path, {
          vocabulary,
          likelihood,
          articles: options.articles,
          otherTopics: history.otherTopics
        })
      );
    }
    if (scenario && !found.some((i) => i.severity === 'error')) {
      const model = resolveModel(scenario, { vocabulary, likelihood });
      found.push(...checkModel(model, file.path, likelihood));
      if (!found.some((i) => i.severity === 'error')) {
        scenarios.push(scenario);
        models.set(scenario.id, model);
      }
    }
    issues.push(...found);
  }
  return { catalog: { vocabulary, scale, likelihood, history, scenarios, models }, issues };
}
