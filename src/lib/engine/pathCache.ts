/**
 * runPath, remembered per model: a page re-runs every shown model on each driver change, but a
 * model whose guards never read the changed driver goes the same way. Its last result is reused
 * (the same object, so a view drawn from it has nothing to redraw). Pure apart from the cache.
 */
import type { AnyGuard } from './guards';
import type { Model } from './model';
import { runPath, type PathResult } from './path';
import type { Schedule } from './schedule';

function collectDrivers(guard: AnyGuard, into: Set<string>): void {
  switch (guard.type) {
    case 'driverIs':
    case 'driverAtLeast':
    case 'driverAtMost':
      into.add(guard.params.driver);
      return;
    case 'and':
    case 'or':
      guard.params.guards.forEach((g) => collectDrivers(g, into));
      return;
    case 'not':
      collectDrivers(guard.params.guard, into);
      return;
    default:
      return;
  }
}

const readByModel = new WeakMap<Model, string[]>();

/** The drivers a model's guards read, sorted: its path depends on the drivers through these. */
export function driversRead(model: Model): string[] {
  let read = readByModel.get(model);
  if (!read) {
    const drivers = new Set<string>();
    for (const t of model.scenario.transitions) collectDrivers(t.guard, drivers);
    read = [...drivers].sort();
    readByModel.set(model, read);
  }
  return read;
}

const last = new WeakMap<Model, { key: string; result: PathResult }>();

/**
 * runPath(model, schedule), or the model's previous result when the schedule differs from the
 * previous one only in drivers the model does not read. A schedule with forks is always run:
 * the branch followed and its weight depend on every forked driver.
 */
export function cachedRunPath(model: Model, schedule: Schedule): PathResult {
  if (schedule.forks?.length) return runPath(model, schedule);
  const read = driversRead(model);
  const key = JSON.stringify([
    schedule.first,
    schedule.levels.map((row) => read.map((d) => row[d]))
  ]);
  const hit = last.get(model);
  if (hit?.key === key && hit.result.schedule === schedule) return hit.result;
  // The result names the schedule it followed: this one, not the one it was first run with.
  const result = hit?.key === key ? { ...hit.result, schedule } : runPath(model, schedule);
  last.set(model, { key, result });
  return result;
}
