import type { Vocabulary } from './schema';

/** Lookups over the driver vocabulary that guards, tables and schedules all need. */
export interface DriverIndex {
  /** Driver ids in vocabulary order: the order of every level vector. */
  ids: string[];
  position: Map<string, number>;
  levels: Map<string, string[]>;
  /** Rank of a level within its driver (0 = lowest). */
  rank: Map<string, Map<string, number>>;
  ordered: Map<string, boolean>;
}

const cache = new WeakMap<Vocabulary, DriverIndex>();

/** Pure and memoised per vocabulary object. */
export function indexDrivers(vocabulary: Vocabulary): DriverIndex {
  const hit = cache.get(vocabulary);
  if (hit) return hit;
  const index: DriverIndex = {
    ids: vocabulary.drivers.map((d) => d.id),
    position: new Map(vocabulary.drivers.map((d, i) => [d.id, i])),
    levels: new Map(vocabulary.drivers.map((d) => [d.id, d.levels.map((l) => l.id)])),
    rank: new Map(
      vocabulary.drivers.map((d) => [d.id, new Map(d.levels.map((l, i) => [l.id, i]))])
    ),
    ordered: new Map(vocabulary.drivers.map((d) => [d.id, d.ordered]))
  };
  cache.set(vocabulary, index);
  return index;
}

export function driverLabel(vocabulary: Vocabulary, driver: string): string {
  return vocabulary.drivers.find((d) => d.id === driver)?.label ?? driver;
}

export function levelLabel(vocabulary: Vocabulary, driver: string, level: string): string {
  return (
    vocabulary.drivers.find((d) => d.id === driver)?.levels.find((l) => l.id === level)?.label ??
    level
  );
}
