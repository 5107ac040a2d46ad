/**
 * The engine's surface for reading files a person wrote: the zod schemas, the YAML loader and the
 * model checks, on top of everything index.ts offers. The CLI, the tests and the build's catalog
 * plugin use it; in the browser it loads only where a user's own file is read, never for the
 * built-in catalog, which the build has already validated.
 */
export * from './index';
export * from './schema';
export { readYaml, MAX_FILE_CHARS, MAX_DEPTH } from './readYaml';
export {
  loadCatalog,
  loadForecast,
  assembleCatalog,
  checkForecast,
  type SharedFiles,
  type CatalogFiles,
  type SourceFile,
  type LoadResult,
  type LoadOptions
} from './catalog';
export { checkScenario, checkVocabulary, checkHistory, type ArticleNumbering } from './check';
export { checkModel } from './modelCheck';
