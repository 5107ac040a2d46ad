/** Guards in words, for explanations and signposts: "sanctions at easing or lifted". */
import type { SourceRef, Vocabulary } from './schema';
import type { AnyGuard, GuardTrace } from './guards';
import { driverLabel, levelLabel } from './vocabulary';

// Labels open sentences in the UI; mid-sentence they drop the capital unless it is a name.
const NAMES = /^(Ukraine|White House|U\.S\.|China|Russia|Europe)/;
const lower = (s: string) => (NAMES.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

function orList(items: string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Pure. */
export function describeGuard(guard: AnyGuard, vocabulary: Vocabulary, nested = false): string {
  const level = (d: string, l: string) => lower(levelLabel(vocabulary, d, l));
  switch (guard.type) {
    case 'driverIs':
      return `${lower(driverLabel(vocabulary, guard.params.driver))} at ${orList(guard.params.levels.map((l) => level(guard.params.driver, l)))}`;
    case 'driverAtLeast':
      return `${lower(driverLabel(vocabulary, guard.params.driver))} at ${level(guard.params.driver, guard.params.level)} or higher`;
    case 'driverAtMost':
      return `${lower(driverLabel(vocabulary, guard.params.driver))} at ${level(guard.params.driver, guard.params.level)} or lower`;
    case 'from':
      return `from ${guard.params.quarter}`;
    case 'until':
      return `until ${guard.params.quarter}`;
    case 'and':
    case 'or': {
      const text = guard.params.guards
        .map((g) => describeGuard(g, vocabulary, true))
        .join(guard.type === 'and' ? ' and ' : ' or ');
      return nested && guard.params.guards.length > 1 ? `(${text})` : text;
    }
    case 'not':
      return `not ${describeGuard(guard.params.guard, vocabulary, true)}`;
    case 'chance':
      return `by chance (${formatPercent(guard.params.p)} a quarter)`;
  }
}

export function formatPercent(p: number): string {
  const pct = p * 100;
  return `${pct >= 10 || Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** A leaf condition of a traced guard, in words, with what it saw and whether it held. */
export interface ConditionInWords {
  text: string;
  held: boolean;
  saw?: string;
  /** Where the condition comes from, when the file says (every transition condition does). */
  source?: SourceRef;
}

/** The leaf conditions of a trace, for "2 of 3 conditions met". Pure. */
export function conditionsInWords(trace: GuardTrace, vocabulary: Vocabulary): ConditionInWords[] {
  if (trace.children && trace.guard.type !== 'not') {
    return trace.children.flatMap((c) => conditionsInWords(c, vocabulary));
  }
  const g = trace.guard;
  const saw =
    'driver' in g.params && trace.saw
      ? lower(levelLabel(vocabulary, g.params.driver, trace.saw))
      : trace.saw;
  const source = (g as { source?: SourceRef }).source;
  return [
    { text: describeGuard(g, vocabulary), held: trace.held, saw, ...(source ? { source } : {}) }
  ];
}

/** A level of the shared scale: "+2", "0", "−3" (a real minus sign). */
export function formatLevel(level: number): string {
  return level > 0 ? `+${level}` : level < 0 ? `−${-level}` : '0';
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

/** `2026-03-03` → "3 March 2026"; `2025-04` → "April 2025"; a bare year stays as it is. Pure. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year!;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** The sentence every page with observed data shows: where the record ends and what follows. */
export function recordEndSentence(history: { coverage: { to: string } }): string {
  return `The record ends ${formatDate(history.coverage.to)}; later quarters carry its last levels forward.`;
}
