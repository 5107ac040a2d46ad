/**
 * Charts a slide loads on demand (the state diagram, with its build-time layouts), so the brief's
 * pages fetch them only for a deck that shows one. chartsDrawn (exportDeck.ts) waits for these
 * before it says the charts are drawn, so exports and the printed deck never miss one.
 */
const pending = new Set<Promise<unknown>>();

/** Starts a load and keeps it counted until it settles. */
export function trackChartLoad<T>(load: Promise<T>): Promise<T> {
  pending.add(load);
  void load.finally(() => pending.delete(load)).catch(() => {});
  return load;
}

/** Resolves once every load started so far (and any started meanwhile) has settled. */
export async function chartLoadsSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}
