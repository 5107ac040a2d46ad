/**
 * Which driver matters: per analyst, each driver alone run across every one of its levels from the
 * current quarter to the end, everything else as scheduled; the swing in expected level (and in
 * the probability of a target by a deadline) it produces, largest first. Drawn as a tornado.
 */
import type { Model } from './model';
import { lastQuarter, withOverride, type Schedule } from './schedule';
import { tableOf } from './mixture';
import { targetMask, type Target } from './target';
import { uncertainRun, type UncertainDriver, type UncertaintyOptions } from './uncertainty';
import { levelClasses } from './levelClasses';
import { toIndex, type Quarter } from './quarter';

export interface TornadoInput {
  model: Model;
  schedule: Schedule;
  /** Uncertain drivers in force; a driver being varied is taken out of them. */
  uncertain?: UncertainDriver[];
  /** The current quarter: each driver is set from here to the end. */
  from: Quarter;
  /** Last quarter of the mean (default: the end of the horizon). */
  to?: Quarter;
  /** Also report the expected level at this quarter. */
  at?: Quarter;
  /** Also report the probability of reaching this target (counted from `from`) by `by`. */
  target?: Target;
  by?: Quarter;
  options?: UncertaintyOptions;
}

/** The numbers one schedule gives. */
export interface TornadoPoint {
  /** Mean over the quarters from `from` (or the model's start) to `to` of the expected level. */
  meanLevel: number;
  levelAt?: number;
  probability?: number;
}

export interface TornadoRow {
  driver: string;
  /** Every level of the driver, in the vocabulary's order. */
  levels: Array<TornadoPoint & { level: string }>;
  meanLevel: { min: number; max: number; minLevel: string; maxLevel: string };
  /** max − min of meanLevel: the bar's length. */
  swing: number;
  levelAt?: { min: number; max: number };
  probability?: { min: number; max: number; swing: number };
}

export interface Tornado {
  analyst: string;
  /** The schedule as it is. */
  baseline: TornadoPoint;
  /** Largest swing first (then probability swing, then vocabulary order). */
  rows: TornadoRow[];
  /** Whether any number is sampled (uncertain drivers past the exact bound). */
  sampled: boolean;
}

/** Pure (sampling, if any, is seeded). Throws RangeError for a target without a deadline. */
export function tornado(input: TornadoInput): Tornado {
  const { model, schedule } = input;
  if (input.target && !input.by) throw new RangeError('a target needs a deadline (`by`)');
  const table = tableOf(model);
  const start = model.startQuarter;
  const from = toIndex(input.from);
  const meanTo = input.to ? toIndex(input.to) : lastQuarter(schedule);
  const end = Math.max(meanTo, input.by ? toIndex(input.by) : from);
  const at = input.at ? toIndex(input.at) : undefined;
  const by = input.by ? toIndex(input.by) : undefined;
  const reach = input.target
    ? { mask: targetMask(table, input.target), countFrom: Math.max(from, start) }
    : undefined;
  let sampled = false;

  const point = (s: Schedule, uncertain: UncertainDriver[]): TornadoPoint => {
    if (end < start) return { meanLevel: NaN };
    const run = uncertainRun(model, s, uncertain, end, input.options, reach);
    if (run.method === 'sampled') sampled = true;
    const expected = run.rows.map((row) =>
      row.reduce((sum, p, i) => sum + p * table.levels[i]!, 0)
    );
    const first = Math.max(from, start) - start;
    const span = expected.slice(first, meanTo - start + 1);
    return {
      meanLevel: span.reduce((a, b) => a + b, 0) / span.length,
      ...(at !== undefined && at >= start ? { levelAt: expected[at - start]! } : {}),
      ...(by !== undefined && run.reached
        ? { probability: by < start ? 0 : run.reached[by - start]! }
        : {})
    };
  };

  const uncertain = input.uncertain ?? [];
  const baseline = point(schedule, uncertain);
  const read = levelClasses([model]);
  const rows = model.vocabulary.drivers.map((d): TornadoRow => {
    const others = uncertain.filter((u) => u.driver !== d.id);
    const classes = read.get(d.id);
    // Levels the model cannot tell apart give the same numbers: compute one per class.
    const byClass = new Map<number, TornadoPoint>();
    const levels = d.levels.map((l, r) => {
      const c = classes ? classes.findIndex((g) => g.includes(r)) : -1;
      if (!byClass.has(c))
        byClass.set(
          c,
          classes || others.length !== uncertain.length
            ? point(withOverride(schedule, d.id, l.id, from), others)
            : baseline
        );
      return { level: l.id, ...byClass.get(c)! };
    });
    const lo = levels.reduce((a, b) => (b.meanLevel < a.meanLevel ? b : a));
    const hi = levels.reduce((a, b) => (b.meanLevel > a.meanLevel ? b : a));
    const spread = (pick: (p: TornadoPoint) => number | undefined) => {
      const values = levels.map(pick).filter((v): v is number => v !== undefined);
      return values.length ? { min: Math.min(...values), max: Math.max(...values) } : undefined;
    };
    const levelAt = spread((p) => p.levelAt);
    const probability = spread((p) => p.probability);
    return {
      driver: d.id,
      levels,
      meanLevel: { min: lo.meanLevel, max: hi.meanLevel, minLevel: lo.level, maxLevel: hi.level },
      swing: hi.meanLevel - lo.meanLevel,
      ...(levelAt ? { levelAt } : {}),
      ...(probability
        ? { probability: { ...probability, swing: probability.max - probability.min } }
        : {})
    };
  });
  const order = rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        b.r.swing - a.r.swing ||
        (b.r.probability?.swing ?? 0) - (a.r.probability?.swing ?? 0) ||
        a.i - b.i
    )
    .map(({ r }) => r);
  return { analyst: model.scenario.id, baseline, rows: order, sampled };
}
