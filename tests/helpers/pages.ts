/** Every page a reader can open without a saved brief: the routes the layout tests walk. */
import type { Catalog } from '../../src/lib/engine';

export function readerPages(catalog: Pick<Catalog, 'scenarios'>): string[] {
  return [
    '/',
    '/explore',
    '/compare',
    '/scorecard',
    '/record',
    '/sources',
    ...new Set(catalog.scenarios.map((s) => `/sources/${s.source.ref}`)),
    '/brief',
    '/author'
  ];
}
