// Runs at build time only (the page is prerendered): the home page needs what the record covers
// and who is modelled, not the catalog, so the catalog stays out of its JavaScript.
import { catalog } from '$lib/catalog';
import { analystLabel } from '$lib/state/exploration';

export function load() {
  const { history, scenarios } = catalog;
  return {
    coverage: history.coverage,
    events: history.events.length,
    firstQuarter: history.quarters[0]!.quarter,
    lastQuarter: history.quarters.at(-1)!.quarter,
    analysts: scenarios.map((s) => analystLabel(s, { scenarios }))
  };
}
