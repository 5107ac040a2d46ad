/**
 * Builds the catalog once, when the site is built: the scenario files are read, validated and
 * model-checked by the same Node-side loading `npm run crosswinds -- validate` uses, and the pages
 * import the result as plain data from `virtual:crosswinds-catalog`. So the browser never loads
 * the YAML parser, zod or the model checks for the built-in forecasts. Any error stops the build
 * with the messages `validate` prints; warnings are printed and the build goes on.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';

type ReadCatalog = typeof import('../src/cli/readCatalog');
type Engine = typeof import('../src/lib/engine/validate');

export const CATALOG_MODULE = 'virtual:crosswinds-catalog';
// The \0 prefix tells other plugins the module is virtual, not a file to look for on disk.
const RESOLVED = `\0${CATALOG_MODULE}`;

interface CatalogModule {
  code: string;
  /** The scenario files read, so the dev server can rebuild the module when one changes. */
  files: string[];
  warnings: string[];
}

// Imported through Vite's module runner when the module is first asked for, not with the config:
// the config stays small, and the engine's own (extensionless) imports resolve as in the app.
async function importSource<T>(path: string): Promise<T> {
  const file = fileURLToPath(new URL(path, import.meta.url));
  return (await runnerImport<T>(file, { configFile: false, logLevel: 'error' })).module;
}

/** JSON.parse of a string literal: V8 reads that faster than the same data as an object literal. */
export async function catalogModule(): Promise<CatalogModule> {
  const { catalogFiles, readCatalog } = await importSource<ReadCatalog>('../src/cli/readCatalog.ts');
  const { catalogData, formatIssue } = await importSource<Engine>('../src/lib/engine/validate.ts');
  const { catalog, issues, articlesFound } = readCatalog();
  const errors = issues.filter((i) => i.severity === 'error');
  if (!catalog || errors.length) {
    throw new Error(
      [
        'the scenario files do not validate (as `npm run crosswinds -- validate` says):',
        ...issues.map(formatIssue),
        `${errors.length} error(s), ${issues.length - errors.length} warning(s)`
      ].join('\n')
    );
  }
  const warnings = issues.map(formatIssue);
  if (!articlesFound) warnings.push('numbered articles not found; paragraphs were not checked');
  const files = Object.values(catalogFiles())
    .flat()
    .map((f) => resolve(f.path));
  const json = JSON.stringify(catalogData(catalog));
  return { code: `export default JSON.parse(${JSON.stringify(json)});\n`, files, warnings };
}

export function catalogPlugin(): Plugin {
  return {
    name: 'crosswinds-catalog',
    resolveId(id) {
      return id === CATALOG_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      let built: CatalogModule;
      try {
        built = await catalogModule();
      } catch (e) {
        this.error(e instanceof Error ? e.message : String(e));
      }
      for (const file of built.files) this.addWatchFile(file);
      for (const warning of built.warnings) this.warn(warning);
      return built.code;
    }
  };
}
