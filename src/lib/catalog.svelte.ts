/**
 * The catalog the pages show: the built-in forecasts and record, plus the user's own once they
 * are read from the browser's storage (src/lib/user). `catalog` is one object whose fields read
 * live state, so a component or a $derived that reads `catalog.scenarios` follows a change of
 * catalog; code outside a reactive context sees the catalog of the moment it runs.
 */
import { builtInCatalog } from './builtInCatalog';
import { catalogFromData, type Catalog, type CatalogData } from './engine';

let current = $state.raw<Catalog>(builtInCatalog);

const FIELDS = [
  'vocabulary',
  'scale',
  'likelihood',
  'history',
  'scenarios',
  'models',
  'horizon',
  'skipped',
  'userForecasts',
  'userQuarters',
  'userEvents'
] as const satisfies ReadonlyArray<keyof Catalog>;

export const catalog = {} as Catalog;
for (const key of FIELDS) {
  Object.defineProperty(catalog, key, { get: () => current[key], enumerable: true });
}

/** The catalog as one plain object, for a worker message or a snapshot. */
export function catalogNow(): Catalog {
  return current;
}

/** Replaces the catalog every page shows (the user's forecasts or record changed). */
export function showCatalog(next: Catalog) {
  current = next;
}

/**
 * Shows a catalog sent as plain data (by the checks worker): its models are rebuilt here. The
 * user's events are pointed at the shown history's own objects, which the data's are copies of.
 */
export function showCatalogData(data: CatalogData) {
  const next = catalogFromData(data);
  const userEvents = next.history.events.slice(builtInCatalog.history.events.length);
  current = userEvents.length ? { ...next, userEvents } : next;
}
