/**
 * The scenario files, bundled at build time and validated in the browser by the same engine the
 * CLI uses. A broken forecast is left out and its issues are kept for the page to show.
 */
import { loadCatalog, type Catalog, type SourceFile, type ValidationIssue } from './engine';

const texts = import.meta.glob('/scenarios/**/*.{yaml,json}', {
  query: '?raw',
  import: 'default',
  eager: true
}) as Record<string, string>;

function file(path: string): SourceFile {
  const text = texts[path];
  if (text === undefined) throw new Error(`missing bundled file ${path}`);
  return { path: path.slice(1), text };
}

function loadBundled(): { catalog: Catalog; issues: ValidationIssue[] } {
  const { catalog, issues } = loadCatalog({
    drivers: file('/scenarios/drivers.yaml'),
    scale: file('/scenarios/scale.yaml'),
    likelihood: file('/scenarios/likelihood.yaml'),
    history: file('/scenarios/history/observed.json'),
    forecasts: Object.keys(texts)
      .filter((p) => p.startsWith('/scenarios/forecasts/'))
      .sort()
      .map(file)
  });
  if (!catalog) throw new Error(issues.map((i) => `${i.file}: ${i.path}: ${i.message}`).join('\n'));
  return { catalog, issues };
}

export const { catalog, issues: catalogIssues } = loadBundled();
