/**
 * Model checks by exhaustive enumeration: every combination of the levels of the drivers a
 * scenario's guards read, in every calendar window its guards distinguish. Guards read nothing
 * else, so what holds for these combinations holds for every schedule.
 */
import type { Guard, LikelihoodScale } from './schema';
import { compoundsPastBound, hedgeWindows } from './hedge';
import { modelEnd, type Model, type ResolvedTransition } from './model';
import { compileTable, settle, outcomes, AlwaysLoopError, type TableTransition } from './table';
import { fromIndex, toIndex } from './quarter';
import type { ValidationIssue } from './issues';

function collect(guard: Guard, drivers: Set<string>, quarters: Set<number>) {
  switch (guard.type) {
    case 'driverIs':
    case 'driverAtLeast':
    case 'driverAtMost':
      drivers.add(guard.params.driver);
      return;
    case 'from':
      quarters.add(toIndex(guard.params.quarter));
      return;
    case 'until':
      quarters.add(toIndex(guard.params.quarter) + 1);
      return;
    case 'and':
    case 'or':
      guard.params.guards.forEach((g) => collect(g, drivers, quarters));
      return;
    case 'not':
      collect(guard.params.guard, drivers, quarters);
  }
}

interface Environment {
  levels: Uint8Array;
  /** A quarter standing for its calendar window. */
  quarter: number;
}

/** Every driver combination × calendar window the scenario's guards can tell apart. */
function environments(model: Model): { envs: Environment[]; windows: number[]; read: string[] } {
  const read = new Set<string>();
  const boundaries = new Set<number>();
  for (const t of model.scenario.transitions) collect(t.guard, read, boundaries);
  const last = modelEnd(model);
  const windows = [
    model.startQuarter,
    ...[...boundaries].filter((q) => q > model.startQuarter && q <= last)
  ].sort((a, b) => a - b);
  const positions = [...read].map((d) => model.drivers.position.get(d)!);
  const sizes = [...read].map((d) => model.drivers.levels.get(d)!.length);
  const envs: Environment[] = [];
  const current = new Uint8Array(model.drivers.ids.length);
  const counter = new Array<number>(positions.length).fill(0);
  for (;;) {
    positions.forEach((p, i) => (current[p] = counter[i]!));
    for (const quarter of windows) envs.push({ levels: current.slice(), quarter });
    let i = 0;
    while (i < counter.length && ++counter[i]! === sizes[i]) counter[i++] = 0;
    if (i === counter.length) break;
  }
  return { envs, windows, read: [...read] };
}

function describeEnv(model: Model, env: Environment, read: string[]): string {
  const parts = read.map(
    (d) => `${d}=${model.drivers.levels.get(d)![env.levels[model.drivers.position.get(d)!]!]}`
  );
  return `${parts.join(', ')} in ${fromIndex(env.quarter)}`;
}

function isPrioritised(a: ResolvedTransition, b: ResolvedTransition): boolean {
  return a.priority !== undefined && b.priority !== undefined && a.priority !== b.priority;
}

/**
 * Pure. Errors: `always` loops, overlapping guards without priorities, hedges that compound past
 * their term, and states or transitions that no schedule reaches (unless marked so).
 */
export function checkModel(
  model: Model,
  file: string,
  likelihood?: LikelihoodScale
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string, severity: ValidationIssue['severity'] = 'error') =>
    issues.push({ severity, file, path, message });
  if (likelihood) {
    for (const w of hedgeWindows(model, likelihood).filter(compoundsPastBound)) {
      add(
        `transitions[${w.index}].probability`,
        `"${w.transition}" can be tried in ${w.quarters} quarters (${w.first}–${w.last}); at ${(w.perQuarter * 100).toFixed(1)} % a quarter that compounds to ${Math.round(w.cumulative * 100)} %, past ${w.stated}; bound its guard with \`from\`/\`until\` quarters or give \`withinQuarters\` equal to the window`
      );
    }
  }
  const table = compileTable(model);
  const { envs, windows, read } = environments(model);
  const path = (t: { index: number }) => `transitions[${t.index}]`;

  // Overlapping guards: the order between them would be an accident of the file.
  model.stateIds.forEach((state, s) => {
    const pairs: Array<[ResolvedTransition[], TableTransition[]]> = [
      [model.quarterOut.get(state)!, table.quarterOut[s]!],
      [model.alwaysOut.get(state)!, table.alwaysOut[s]!]
    ];
    for (const [list, compiled] of pairs) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          if (isPrioritised(list[i]!, list[j]!)) continue;
          const witness = envs.find(
            (e) =>
              compiled[i]!.holds(e.levels, e.quarter) && compiled[j]!.holds(e.levels, e.quarter)
          );
          if (witness) {
            add(
              path(list[j]!),
              `"${list[i]!.id}" and "${list[j]!.id}" both leave ${state} and can hold together (${describeEnv(model, witness, read)}); expected distinct \`priority\` values`
            );
          }
        }
      }
    }
  });

  // Always loops: report, never hang.
  for (let s = 0; s < table.states.length; s++) {
    for (const env of envs) {
      try {
        settle(table, s, env.levels, env.quarter);
      } catch (e) {
        if (!(e instanceof AlwaysLoopError)) throw e;
        add(
          'transitions',
          `\`always\` transitions from ${table.states[s]} never settle (${describeEnv(model, env, read)})`
        );
        return issues;
      }
    }
  }

  // Reachability over (state, quarter): the calendar only moves forward.
  const windowOf = (q: number) => {
    let w = 0;
    while (w + 1 < windows.length && windows[w + 1]! <= q) w++;
    return w;
  };
  const byWindow = windows.map((q) => envs.filter((e) => e.quarter === q));
  const successors = new Map<string, Set<number>>();
  const fired = new Map<string, Set<number>>();
  const expand = (s: number, w: number) => {
    const key = `${s}:${w}`;
    if (!successors.has(key)) {
      const next = new Set<number>();
      const used = new Set<number>();
      for (const env of byWindow[w]!) {
        for (const o of outcomes(table, s, env.levels, env.quarter)) {
          next.add(o.to);
          if (o.transition) used.add(o.transition.index);
          const chain: TableTransition[] = [];
          settle(table, o.transition ? o.transition.to : s, env.levels, env.quarter, chain);
          chain.forEach((t) => used.add(t.index));
        }
      }
      successors.set(key, next);
      fired.set(key, used);
    }
    return successors.get(key)!;
  };

  const reached = new Set<number>();
  const usedTransitions = new Set<number>();
  const last = Math.max(modelEnd(model), model.startQuarter);
  let frontier = new Set<number>();
  for (const env of byWindow[0]!) {
    const chain: TableTransition[] = [];
    frontier.add(settle(table, table.start, env.levels, env.quarter, chain));
    chain.forEach((t) => usedTransitions.add(t.index));
  }
  frontier.forEach((s) => reached.add(s));
  for (let q = model.startQuarter + 1; q <= last; q++) {
    const w = windowOf(q);
    const next = new Set<number>();
    for (const s of frontier) {
      expand(s, w).forEach((t) => next.add(t));
      fired.get(`${s}:${w}`)!.forEach((t) => usedTransitions.add(t));
    }
    next.forEach((s) => reached.add(s));
    frontier = next;
  }

  const excused = 'marked `reachable: false`';
  table.states.forEach((s, i) => {
    const marked = model.scenario.states[s]!.reachable === false;
    if (!reached.has(i) && !marked)
      add(
        `states.${s}`,
        `state "${s}" is unreachable under any driver schedule from ${fromIndex(model.startQuarter)} to ${fromIndex(last)}; add a way in, or mark it \`reachable: false\` with \`whyUnreachable\``
      );
    if (reached.has(i) && marked)
      add(`states.${s}.reachable`, `state "${s}" is ${excused} but can be reached`, 'warning');
  });
  model.scenario.transitions.forEach((t, i) => {
    const marked = t.reachable === false;
    if (!usedTransitions.has(i) && !marked) {
      add(
        `transitions[${i}]`,
        `transition "${t.id}" can never fire: its guard never holds when ${t.from} is reached, or an earlier transition always pre-empts it; fix it, or mark it \`reachable: false\` with \`whyUnreachable\``
      );
    }
    if (usedTransitions.has(i) && marked)
      add(
        `transitions[${i}].reachable`,
        `transition "${t.id}" is ${excused} but can fire`,
        'warning'
      );
  });
  return issues;
}
