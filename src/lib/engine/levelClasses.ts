/**
 * Levels a model cannot tell apart: two levels of a driver that every guard condition on that
 * driver treats alike give the same runs, so a search tries one of them only.
 */
import type { Guard } from './schema';
import type { Model } from './model';

/** The driver conditions (leaves) of a guard, depth first. */
export function driverLeaves(guard: Guard): Array<Extract<Guard, { params: { driver: string } }>> {
  switch (guard.type) {
    case 'driverIs':
    case 'driverAtLeast':
    case 'driverAtMost':
      return [guard];
    case 'and':
    case 'or':
      return guard.params.guards.flatMap(driverLeaves);
    case 'not':
      return driverLeaves(guard.params.guard);
    default:
      return [];
  }
}

/**
 * Per driver some guard of `models` reads (in vocabulary order), its levels' ranks grouped into
 * classes the guards cannot tell apart (in rank order). Drivers no guard reads are left out. Pure.
 */
export function levelClasses(models: readonly Model[]): Map<string, number[][]> {
  const signatures = new Map<string, string[]>();
  const [first] = models;
  if (!first) return new Map();
  const drivers = first.drivers;
  for (const model of models) {
    for (const t of model.scenario.transitions) {
      for (const leaf of driverLeaves(t.guard)) {
        const d = leaf.params.driver;
        const rank = drivers.rank.get(d)!;
        const levels = drivers.levels.get(d)!;
        const sig = signatures.get(d) ?? levels.map(() => '');
        signatures.set(
          d,
          levels.map((level, r) => {
            const holds =
              leaf.type === 'driverIs'
                ? leaf.params.levels.includes(level)
                : leaf.type === 'driverAtLeast'
                  ? r >= rank.get(leaf.params.level)!
                  : r <= rank.get(leaf.params.level)!;
            return sig[r] + (holds ? '1' : '0');
          })
        );
      }
    }
  }
  const classes = new Map<string, number[][]>();
  for (const d of drivers.ids) {
    const sig = signatures.get(d);
    if (!sig) continue;
    const groups = new Map<string, number[]>();
    sig.forEach((s, r) => groups.set(s, [...(groups.get(s) ?? []), r]));
    classes.set(d, [...groups.values()]);
  }
  return classes;
}
