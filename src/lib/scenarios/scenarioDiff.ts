/**
 * Two saved scenarios side by side: for each analyst shown in either, their state and level in
 * every quarter under A and under B, the quarters where the two differ, and the difference in
 * words (the summary and the text alternative). Pure: no Svelte, no DOM.
 */
import { formatLevel, toIndex, type PathResult } from '$lib/engine';
import type { Analyst } from '$lib/state/views';

export interface SideCell {
  level: number | null;
  /** The state's name; absent before the model starts or after it ends. */
  label?: string;
  state?: string;
}

export interface DiffRow {
  id: string;
  label: string;
  colour: string;
  dash?: string;
  /** Shown in scenario A / B (an analyst shown in either gets a row; both runs have a path). */
  inA: boolean;
  inB: boolean;
  a: SideCell[];
  b: SideCell[];
  /** Per quarter: A and B put the analyst in different states. */
  differs: boolean[];
  /** The last quarter with a level under both, and B's level there against A's. */
  end?: { quarter: string; a: number; b: number; labelA: string; labelB: string };
  /** The differing quarters as spans: "2024Q3–2025Q2, 2027Q1". */
  spans: string;
  /** How many quarters differ. */
  count: number;
}

export interface ScenarioDiff {
  rows: DiffRow[];
  /** Quarters where any analyst differs, in order. */
  quarters: string[];
  /** One or two sentences: how many analysts end higher, lower, the same under B. */
  summary: string;
}

export interface Side {
  /** The scenario's name, as the user gave it. */
  name: string;
  paths: Map<string, PathResult>;
  /** Analyst ids shown in this scenario. */
  shown: readonly string[];
}

function cellsOf(path: PathResult | undefined, quarters: readonly string[]): SideCell[] {
  const byQuarter = new Map((path?.steps ?? []).map((s) => [s.quarter, s]));
  return quarters.map((q) => {
    const s = byQuarter.get(q);
    return s ? { level: s.level, label: s.label, state: s.state } : { level: null };
  });
}

/** "2024Q3–2025Q2, 2027Q1": the runs of flagged quarters. */
export function spansOf(quarters: readonly string[], flags: readonly boolean[]): string {
  const spans: string[] = [];
  let start: number | undefined;
  for (let i = 0; i <= quarters.length; i++) {
    if (flags[i] && start === undefined) start = i;
    if (!flags[i] && start !== undefined) {
      spans.push(start === i - 1 ? quarters[start]! : `${quarters[start]}–${quarters[i - 1]}`);
      start = undefined;
    }
  }
  return spans.join(', ');
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Pure. `analysts` in catalog order; rows keep that order. */
export function diffScenarios(
  analysts: readonly Analyst[],
  a: Side,
  b: Side,
  quarters: readonly string[]
): ScenarioDiff {
  const rows: DiffRow[] = analysts
    .filter((x) => a.shown.includes(x.id) || b.shown.includes(x.id))
    .map((x) => {
      const cellsA = cellsOf(a.paths.get(x.id), quarters);
      const cellsB = cellsOf(b.paths.get(x.id), quarters);
      const differs = quarters.map(
        (_, i) => cellsA[i]!.state !== cellsB[i]!.state || cellsA[i]!.level !== cellsB[i]!.level
      );
      let end: DiffRow['end'];
      for (let i = quarters.length - 1; i >= 0 && !end; i--) {
        const ca = cellsA[i]!;
        const cb = cellsB[i]!;
        if (ca.level !== null && cb.level !== null)
          end = {
            quarter: quarters[i]!,
            a: ca.level,
            b: cb.level,
            labelA: ca.label!,
            labelB: cb.label!
          };
      }
      return {
        id: x.id,
        label: x.label,
        colour: x.colour,
        ...(x.dash ? { dash: x.dash } : {}),
        inA: a.shown.includes(x.id),
        inB: b.shown.includes(x.id),
        a: cellsA,
        b: cellsB,
        differs,
        ...(end ? { end } : {}),
        spans: spansOf(quarters, differs),
        count: differs.filter(Boolean).length
      };
    });
  const differing = quarters.filter((_, i) => rows.some((r) => r.differs[i]));
  return { rows, quarters: differing, summary: summarise(rows, a.name, b.name, differing) };
}

function summarise(rows: DiffRow[], nameA: string, nameB: string, differing: string[]): string {
  if (rows.length === 0) return 'Neither scenario shows an analyst.';
  if (differing.length === 0)
    return `“${nameA}” and “${nameB}” put every analyst in the same state in every quarter.`;
  const ended = rows.filter((r) => r.end);
  const higher = ended.filter((r) => r.end!.b > r.end!.a).length;
  const lower = ended.filter((r) => r.end!.b < r.end!.a).length;
  const same = ended.length - higher - lower;
  const parts = [
    higher > 0 ? `${count(higher, 'analyst')} ${higher === 1 ? 'ends' : 'end'} higher` : '',
    lower > 0 ? `${count(lower, 'analyst')} ${lower === 1 ? 'ends' : 'end'} lower` : '',
    same > 0 ? `${count(same, 'analyst')} ${same === 1 ? 'ends' : 'end'} at the same level` : ''
  ].filter(Boolean);
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
  const moved = rows.filter((r) => r.count > 0).length;
  const first = differing.reduce((x, y) => (toIndex(y) < toIndex(x) ? y : x));
  return (
    `Under B (“${nameB}”) against A (“${nameA}”), ${list}. ` +
    `${count(moved, 'analyst')} ${moved === 1 ? 'is' : 'are'} in a different state in some quarter, from ${first} on.`
  );
}

/** One analyst's difference in words: the row's text alternative. */
export function rowSentence(row: DiffRow): string {
  const shown = row.inA && row.inB ? '' : row.inA ? ' (shown in A only)' : ' (shown in B only)';
  if (row.count === 0) return `${row.label}${shown}: the same in every quarter.`;
  const end = row.end
    ? ` In ${row.end.quarter}: ${formatLevel(row.end.a)} (${row.end.labelA}) under A, ${formatLevel(row.end.b)} (${row.end.labelB}) under B.`
    : '';
  return `${row.label}${shown}: differs in ${count(row.count, 'quarter')} (${row.spans}).${end}`;
}
