// Runs at build time only (the page is prerendered): the home page needs the record's end date,
// not the catalog, so the catalog stays out of its JavaScript.
import { catalog } from '$lib/catalog';

export function load() {
  return { coverage: catalog.history.coverage };
}
