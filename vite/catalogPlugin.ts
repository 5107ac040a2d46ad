/**
 * Builds the catalog once, when the site is built: the scenario files are read, validated and
 * model-checked by the same Node-side loading `npm run crosswinds -- validate` uses, and the pages
 * import the result as plain data from `virtual:crosswinds-catalog`. So the browser never loads
 * the YAML parser, zod or the model checks for the built-in forecasts. An error in a shared file
 * stops the build with the messages `validate` prints; a forecast file with errors is printed,
 * left out and named on the site; warnings are printed and the build goes on.
 *
 * `virtual:crosswinds-diagrams` holds each built-in forecast's state diagram as laid out by dagre
 * (diagramPlacement.ts), so the pages need not load dagre either.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';

type ReadCatalog = typeof import('../src/cli/readCatalog');
type Engine = typeof import('../src/lib/engine/validate');
type Layout = typeof import('../src/lib/charts/diagramLayout');
type Placement = typeof import('../src/lib/charts/diagramPlacement');

export const CATALOG_MODULE = 'virtual:crosswinds-catalog';
export const DIAGRAMS_MODULE = 'virtual:crosswinds-diagrams';
/** The forecast files the build left out, with why: small, so every page can name them. */
export const SKIPPED_MODULE = 'virtual:crosswinds-skipped';
// The \0 prefix tells other plugins a module is virtual, not a file to look for on disk.
const resolved = (id: string) => `\0${id}`;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Imported through Vite's module runner when a module is first asked for, not with the config:
// the config stays small, and the app's own (extensionless, $lib) imports resolve as in the app.
async function importSource<T>(path: string): Promise<T> {
  const inline = {
    configFile: false as const,
    logLevel: 'error' as const,
    resolve: { alias: { $lib: here('../src/lib') } }
  };
  return (await runnerImport<T>(here(path), inline)).module;
}

interface BuiltModule {
  code: string;
  /** The scenario files read, so the dev server can rebuild the module when one changes. */
  files: string[];
  warnings: string[];
}

/** JSON.parse of a string literal: V8 reads that faster than the same data as an object literal. */
const jsonModule = (value: unknown) =>
  `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;

/** The validated catalog, or an Error carrying every message `validate` prints. */
async function readValidated() {
  const { catalogFiles, readCatalog } = await importSource<ReadCatalog>(
    '../src/cli/readCatalog.ts'
  );
  const { formatIssue } = await importSource<Engine>('../src/lib/engine/validate.ts');
  const { catalog, issues, articlesFound } = readCatalog();
  const errors = issues.filter((i) => i.severity === 'error');
  // A broken shared file (drivers, scale, likelihood, record) leaves nothing to show; a broken
  // forecast file is left out (the site names it in catalog.skipped) and the others are built.
  if (!catalog) {
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
  return { catalog, files, warnings };
}

// Both modules use one reading of the files; a change to any of them starts afresh.
let reading: ReturnType<typeof readValidated> | undefined;
const validatedCatalog = () => (reading ??= readValidated());

export async function catalogModule(): Promise<BuiltModule> {
  const { catalogData } = await importSource<Engine>('../src/lib/engine/validate.ts');
  const { catalog, files, warnings } = await validatedCatalog();
  return { code: jsonModule(catalogData(catalog)), files, warnings };
}

export async function diagramsModule(): Promise<BuiltModule> {
  const { diagramInput } = await importSource<Layout>('../src/lib/charts/diagramLayout.ts');
  const { layoutDiagram } = await importSource<Placement>('../src/lib/charts/diagramPlacement.ts');
  const { catalog, files } = await validatedCatalog();
  const layouts = Object.fromEntries(
    [...catalog.models].map(([id, model]) => [id, layoutDiagram(diagramInput(model))])
  );
  return { code: jsonModule(layouts), files, warnings: [] };
}

export async function skippedModule(): Promise<BuiltModule> {
  const { catalog, files } = await validatedCatalog();
  return { code: jsonModule(catalog.skipped ?? []), files, warnings: [] };
}

export function catalogPlugin(): Plugin {
  const builders: Record<string, () => Promise<BuiltModule>> = {
    [resolved(CATALOG_MODULE)]: catalogModule,
    [resolved(DIAGRAMS_MODULE)]: diagramsModule,
    [resolved(SKIPPED_MODULE)]: skippedModule
  };
  return {
    name: 'crosswinds-catalog',
    resolveId(id) {
      return [CATALOG_MODULE, DIAGRAMS_MODULE, SKIPPED_MODULE].includes(id)
        ? resolved(id)
        : undefined;
    },
    watchChange() {
      reading = undefined;
    },
    async load(id) {
      const build = builders[id];
      if (!build) return undefined;
      let built: BuiltModule;
      try {
        built = await build();
      } catch (e) {
        this.error(e instanceof Error ? e.message : String(e));
      }
      for (const file of built.files) this.addWatchFile(file);
      for (const warning of built.warnings) this.warn(warning);
      return built.code;
    }
  };
}
