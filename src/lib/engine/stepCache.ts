/**
 * One quarter's outcomes from a state depend only on the level classes of the drivers the guards
 * read and on the calendar window (between the quarters the guards name): a cache keyed by those
 * makes the search's and the uncertainty code's inner loops a lookup instead of guard evaluation.
 */
import type { Guard } from './schema';
import type { Model } from './model';
import { outcomes, type LevelVector, type TransitionTable } from './table';
import { levelClasses } from './levelClasses';
import { toIndex } from './quarter';

function calendarBoundaries(guard: Guard, into: Set<number>) {
  if (guard.type === 'from') into.add(toIndex(guard.params.quarter));
  else if (guard.type === 'until') into.add(toIndex(guard.params.quarter) + 1);
  else if (guard.type === 'and' || guard.type === 'or')
    guard.params.guards.forEach((g) => calendarBoundaries(g, into));
  else if (guard.type === 'not') calendarBoundaries(guard.params.guard, into);
}

export interface StepCache {
  /** Adds `weight` × one quarter from `row` under `vector` into `next`. */
  addStep(
    row: Float64Array,
    next: Float64Array,
    vector: LevelVector,
    quarter: number,
    weight?: number
  ): void;
}

const caches = new WeakMap<Model, StepCache>();

/** The step cache of a model, built once per model object. */
export function stepsOf(model: Model, table: TransitionTable): StepCache {
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = stepCache(model, table)));
  return cache;
}

/** Pure apart from filling its own cache. */
export function stepCache(model: Model, table: TransitionTable): StepCache {
  const classes = [...levelClasses([model])];
  const positions = classes.map(([d]) => model.drivers.position.get(d)!);
  const classOf = classes.map(([d, groups]) => {
    const map = new Uint8Array(model.drivers.levels.get(d)!.length);
    groups.forEach((g, c) => g.forEach((r) => (map[r] = c)));
    return map;
  });
  const bounds = new Set<number>();
  for (const t of model.scenario.transitions) calendarBoundaries(t.guard, bounds);
  const boundaries = [...bounds].sort((a, b) => a - b);
  const windowOf = (quarter: number) => {
    let w = 0;
    while (w < boundaries.length && boundaries[w]! <= quarter) w++;
    return w;
  };
  const caches = table.states.map(() => new Map<number, number[]>());
  const key = (vector: LevelVector, quarter: number) => {
    let k = windowOf(quarter);
    for (let i = 0; i < positions.length; i++) k = k * 8 + classOf[i]![vector[positions[i]!]!]!;
    return k;
  };
  return {
    addStep(row, next, vector, quarter, weight = 1) {
      const k = key(vector, quarter);
      for (let s = 0; s < row.length; s++) {
        const p = row[s]! * weight;
        if (p === 0) continue;
        let flat = caches[s]!.get(k);
        if (!flat) {
          flat = outcomes(table, s, vector, quarter).flatMap((o) => [o.to, o.probability]);
          caches[s]!.set(k, flat);
        }
        for (let i = 0; i < flat.length; i += 2) next[flat[i]!]! += p * flat[i + 1]!;
      }
    }
  };
}
