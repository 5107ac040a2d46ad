/**
 * The audit: every element of a forecast with where it comes from, one row each, so that a
 * reader can see at a glance what the article states and what the model reads in.
 */
import type { Guard, Scenario, SourceRef } from './schema';
import { conditionName } from './basis';
import type { Basis } from './terms';

export type ElementKind =
  | 'start'
  | 'state'
  | 'transition'
  | 'condition'
  | 'probability'
  | 'assumption'
  | 'change'
  | 'fork-branch'
  | 'claim';

export interface AuditRow {
  analyst: string;
  /** Unique within the analyst: "transition new-start-lapses", "condition new-start-lapses #2". */
  element: string;
  kind: ElementKind;
  basis: Basis;
  para: number;
  quote?: string;
  why?: string;
  /** The file path of the element, as validation errors name it. */
  path: string;
}

function leaves(guard: Guard, path: string): Array<{ guard: Guard; path: string }> {
  switch (guard.type) {
    case 'and':
    case 'or':
      return guard.params.guards.flatMap((g, i) => leaves(g, `${path}.params.guards[${i}]`));
    case 'not':
      return leaves(guard.params.guard, `${path}.params.guard`);
    default:
      return [{ guard, path }];
  }
}

/** Pure. In file order: start, states, transitions (each followed by its conditions and chance), assumptions, claims. */
export function auditRows(scenario: Scenario): AuditRow[] {
  const rows: AuditRow[] = [];
  const add = (kind: ElementKind, element: string, path: string, source: SourceRef | undefined) => {
    if (!source) return;
    rows.push({
      analyst: scenario.id,
      element,
      kind,
      basis: source.basis,
      para: source.para,
      ...(source.quote ? { quote: source.quote } : {}),
      ...(source.why ? { why: source.why } : {}),
      path
    });
  };
  add('start', `start ${scenario.start.state}`, 'start', scenario.start.source);
  for (const [id, state] of Object.entries(scenario.states)) {
    add('state', `state ${id}`, `states.${id}`, state.source);
  }
  scenario.transitions.forEach((t, i) => {
    const path = `transitions[${i}]`;
    add('transition', `transition ${t.id}`, path, t.source);
    leaves(t.guard, `${path}.guard`).forEach((leaf, j) =>
      add(
        'condition',
        `condition ${j + 1} of ${t.id}: ${conditionName(leaf.guard)}`,
        leaf.path,
        (leaf.guard as { source?: SourceRef }).source
      )
    );
    add('probability', `probability of ${t.id}`, `${path}.probability`, t.probability?.source);
  });
  for (const [driver, a] of Object.entries(scenario.assumptions.drivers)) {
    add(
      'assumption',
      `assumption ${driver} = ${a.level}`,
      `assumptions.drivers.${driver}`,
      a.source
    );
  }
  scenario.assumptions.changes.forEach((c, i) => {
    const path = `assumptions.changes[${i}]`;
    const what = c.fork ? `fork of ${c.fork.map((b) => b.level).join(' / ')}` : `= ${c.level}`;
    add('change', `change ${c.driver} ${what} from ${c.from}`, path, c.source);
    c.fork?.forEach((b, j) =>
      add(
        'fork-branch',
        `branch ${c.driver} = ${b.level} from ${c.from}`,
        `${path}.fork[${j}].probability`,
        b.probability.source
      )
    );
  });
  scenario.claims.forEach((c, i) => add('claim', `claim ${c.id}`, `claims[${i}]`, c.source));
  return rows;
}

export interface AuditCount {
  analyst: string;
  stated: number;
  reading: number;
}

/** Pure. One count per analyst, in the order given. */
export function auditCounts(rows: AuditRow[]): AuditCount[] {
  const counts = new Map<string, AuditCount>();
  for (const r of rows) {
    const c = counts.get(r.analyst) ?? { analyst: r.analyst, stated: 0, reading: 0 };
    c[r.basis]++;
    counts.set(r.analyst, c);
  }
  return [...counts.values()];
}
