/**
 * The search's building blocks: the options (one driver at one level class from one quarter),
 * their ranking and the combinatorics over them.
 */
import type { Model } from './model';
import type { ScheduleBranch } from './schedule';
import { levelClasses } from './levelClasses';
import type { RankChange } from './searchRuns';

export interface Option extends RankChange {
  driver: string;
  distance: number;
  /** The driver's level class: options of one class at any start are one kind of answer. */
  kind: string;
  id: number;
}

/** Poisson-binomial: the probability that at least k of independent events happen. */
export function atLeastK(probabilities: number[], k: number): number {
  let dist = [1];
  for (const p of probabilities) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((q, j) => {
      next[j]! += q * (1 - p);
      next[j + 1]! += q * p;
    });
    dist = next;
  }
  return dist.slice(k).reduce((a, b) => a + b, 0);
}

export interface DriverOptions {
  driver: string;
  position: number;
  /** One rank per level class: what "free to take any level" tries. */
  choices: number[];
  options: Option[];
  /** Options starting at quarter index q, after it, at or after it. */
  at(q: number): Option[];
  after(q: number): Option[];
  atOrAfter(q: number): Option[];
}

/**
 * Per driver some guard reads: per start quarter, the nearest level of each class of levels the
 * guards tell apart that differs from what is scheduled somewhere from that start to the deadline.
 */
export function driverOptions(
  models: readonly Model[],
  branches: ScheduleBranch[],
  first: number,
  from: number,
  by: number
): DriverOptions[] {
  const index = models[0]!.drivers;
  const out: DriverOptions[] = [];
  let id = 0;
  for (const [driver, groups] of levelClasses(models)) {
    const position = index.position.get(driver)!;
    const ordered = index.ordered.get(driver)!;
    const rankOf = index.rank.get(driver)!;
    const options: Option[] = [];
    for (let start = by; start >= from; start--) {
      const scheduled = branches.flatMap((b) =>
        b.schedule.levels
          .slice(start - first, by - first + 1)
          .map((row) => rankOf.get(row[driver]!)!)
      );
      const here = scheduled[0]!;
      const distance = (r: number) => (ordered ? Math.abs(r - here) : r === here ? 0 : 1);
      groups.forEach((group, g) => {
        if (scheduled.every((r) => group.includes(r))) return;
        const rank = group.reduce((a, r) => (distance(r) < distance(a) ? r : a));
        options.push({
          driver,
          position,
          rank,
          start,
          distance: distance(rank),
          kind: `${driver}:${g}`,
          id: id++
        });
      });
    }
    if (options.length === 0) continue;
    const at = new Map<number, Option[]>();
    for (const o of options) at.set(o.start, [...(at.get(o.start) ?? []), o]);
    const atOrAfter = new Map<number, Option[]>();
    for (let q = by, acc: Option[] = []; q >= from; q--)
      atOrAfter.set(q, (acc = [...acc, ...(at.get(q) ?? [])]));
    out.push({
      driver,
      position,
      choices: groups.map((g) => g[0]!),
      options,
      at: (q) => at.get(q) ?? [],
      after: (q) => atOrAfter.get(q + 1) ?? [],
      atOrAfter: (q) => atOrAfter.get(q) ?? []
    });
  }
  return out;
}

/** Negative when answer a ranks before b (see searchChanges). */
export function rankOrder(a: Option[], pa: number, b: Option[], pb: number): number {
  const key = (o: Option[], p: number) => [
    o.length,
    -Math.min(...o.map((x) => x.start)),
    o.reduce((s, x) => s + x.distance, 0),
    -p
  ];
  const ka = key(a, pa);
  const kb = key(b, pb);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

export function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) =>
    combinations(items.slice(i + 1), size - 1).map((rest) => [item, ...rest])
  );
}

export function* product<T>(pools: readonly T[][]): Generator<T[]> {
  if (pools.some((p) => p.length === 0)) return;
  const counter = pools.map(() => 0);
  for (;;) {
    yield pools.map((p, i) => p[counter[i]!]!);
    let i = 0;
    while (i < counter.length && ++counter[i]! === pools[i]!.length) counter[i++] = 0;
    if (i === counter.length) return;
  }
}
