/** The real catalog, loaded once per test file (test helper; not part of the engine's surface). */
import { readCatalog } from '../../cli/readCatalog';
import type { Catalog } from './catalog';

let cached: Catalog | undefined;

export function realCatalog(): Catalog {
  if (!cached) {
    const { catalog, issues } = readCatalog();
    if (!catalog)
      throw new Error(issues.map((i) => `${i.file}: ${i.path}: ${i.message}`).join('\n'));
    cached = catalog;
  }
  return cached;
}
