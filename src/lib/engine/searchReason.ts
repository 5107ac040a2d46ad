/**
 * Why a search found nothing: whether the target can be reached by the deadline at all when every
 * driver may take any level in every quarter, and if not, which way into it cannot hold in time.
 */
import type { Guard } from './schema';
import type { Model } from './model';
import type { ModelRun } from './searchRuns';
import { outcomes, settle, type TransitionTable } from './table';
import { levelClasses } from './levelClasses';
import { describeGuard } from './describe';
import { describeTarget, type Target } from './target';
import { fromIndex, toIndex } from './quarter';

/** The most driver combinations a quarter is explored with; past it nothing is claimed. */
const MAX_COMBINATIONS = 50_000;

export interface ReasonInput {
  runs: readonly ModelRun[];
  target: Target;
  by: number;
  k: number;
  maxChanges: number;
  /** The fewest drivers that, free in every quarter, could reach it (when more than maxChanges). */
  fewest?: { count: number; drivers: string[] };
}

/**
 * Per quarter from the model's start to `by`, the states it can be in when every driver its
 * guards read may take any level each quarter; null when there are too many combinations.
 */
export function freeReach(
  model: Model,
  table: TransitionTable,
  by: number
): Array<Set<number>> | null {
  const classes = [...levelClasses([model])];
  const count = classes.reduce((n, [, groups]) => n * groups.length, 1);
  if (count > MAX_COMBINATIONS) return null;
  const vectors: Uint8Array[] = [];
  const current = new Uint8Array(model.drivers.ids.length);
  const counter = classes.map(() => 0);
  for (;;) {
    classes.forEach(
      ([d, groups], i) => (current[model.drivers.position.get(d)!] = groups[counter[i]!]![0]!)
    );
    vectors.push(current.slice());
    let i = 0;
    while (i < counter.length && ++counter[i]! === classes[i]![1].length) counter[i++] = 0;
    if (i === counter.length) break;
  }
  const sets = [new Set(vectors.map((v) => settle(table, table.start, v, model.startQuarter)))];
  for (let q = model.startQuarter + 1; q <= by; q++) {
    const next = new Set<number>();
    for (const s of sets.at(-1)!)
      for (const v of vectors) for (const o of outcomes(table, s, v, q)) next.add(o.to);
    sets.push(next);
  }
  return sets;
}

function calendarLeaves(guard: Guard): Array<Extract<Guard, { type: 'from' | 'until' }>> {
  if (guard.type === 'from' || guard.type === 'until') return [guard];
  if (guard.type === 'and' || guard.type === 'or')
    return guard.params.guards.flatMap(calendarLeaves);
  return [];
}

/** One model: why it cannot be in the target by the deadline, or null when it can. */
function modelReason(
  run: ReasonInput['runs'][number],
  target: Target,
  by: number
): string | null | undefined {
  const { model, table, mask } = run;
  const name = model.scenario.source.author;
  const goal = describeTarget(target, model);
  const deadline = fromIndex(by);
  if (model.startQuarter > by)
    return `${name}'s forecast starts in ${model.scenario.start.quarter}, after ${deadline}.`;
  if (!mask.some((m) => m === 1)) return `${name}'s forecast has no state that is ${goal}.`;
  const sets = freeReach(model, table, by);
  if (!sets) return undefined;
  const canReach = sets.some(
    (set, t) => model.startQuarter + t >= run.countFrom && [...set].some((s) => mask[s])
  );
  if (canReach) return null;

  const inTarget = (state: string) => mask[table.states.indexOf(state)] === 1;
  const ways = model.scenario.transitions.filter((t) => inTarget(t.to) && !inTarget(t.from));
  if (ways.length === 0)
    return `${name}: no transition leads into ${goal}, and the forecast does not start there.`;
  const why = ways.map((t) => {
    const from = model.scenario.states[t.from]!.label;
    const to = model.scenario.states[t.to]!.label;
    const s = table.states.indexOf(t.from);
    const firstThere = sets.findIndex((set) => set.has(s));
    const words = describeGuard(t.guard, model.vocabulary);
    if (firstThere < 0) return `${from} → ${to}: the model cannot be in ${from} by ${deadline}`;
    const earliest = model.startQuarter + firstThere;
    const late = calendarLeaves(t.guard).filter((g) =>
      g.type === 'from' ? toIndex(g.params.quarter) > by : toIndex(g.params.quarter) < earliest
    );
    const calendar = late.map((g) =>
      g.type === 'from'
        ? `${describeGuard(g, model.vocabulary)} is after the deadline`
        : `${describeGuard(g, model.vocabulary)} has passed before the model can be in ${from} (${fromIndex(earliest)} at the earliest)`
    );
    return `${from} → ${to} (“${words}”) can never hold in time: ${calendar.length ? calendar.join('; ') : 'its conditions never all hold while the model can be there'}`;
  });
  return `${name} cannot reach ${goal} by ${deadline} whatever the drivers do. ${why.join('. ')}.`;
}

/** Pure. `proven` when the target is out of reach by the deadline whatever the drivers do. */
export function explainUnreachable(input: ReasonInput): { proven: boolean; reason: string } {
  const reasons = input.runs.map((run) => modelReason(run, input.target, input.by));
  const blocked = reasons.filter((r): r is string => typeof r === 'string');
  const unknown = reasons.some((r) => r === undefined);
  const changes = `${input.maxChanges} changed driver${input.maxChanges === 1 ? '' : 's'}`;
  if (input.runs.length - blocked.length < input.k && !unknown) {
    const lead =
      input.runs.length > 1
        ? `Fewer than ${input.k} of the ${input.runs.length} analysts can reach it by ${fromIndex(input.by)}. `
        : '';
    return { proven: true, reason: `${lead}${blocked.join(' ')} The search was exhaustive.` };
  }
  if (input.fewest) {
    const names = input.fewest.drivers;
    return {
      proven: false,
      reason:
        `It takes at least ${input.fewest.count} changed drivers (${names.slice(0, -1).join(', ')} and ${names.at(-1)} could do it); ` +
        `the search tries up to ${changes}. The search was exhaustive up to that bound.`
    };
  }
  return {
    proven: false,
    reason:
      `Nothing reaches it with up to ${changes}, each set to one level from a quarter to the end. ` +
      `${unknown ? 'Whether any schedule reaches it was not settled (too many combinations).' : 'Drivers that change more often, or more of them, could.'}` +
      (blocked.length ? ` ${blocked.join(' ')}` : '')
  };
}
