/** Guards in words, for explanations and signposts: "sanctions at easing or lifted". */
import type { SourceRef, Vocabulary } from './schema';
import type { AnyGuard, GuardTrace } from './guards';
import { driverLabel, levelLabel } from './vocabulary';

// Labels open sentences in the UI; mid-sentence they drop the capital unless they start with a
// name: a known proper noun, an acronym ("NATO", "EU"), or two capitalised words ("White House",
// "Arctic Council"), which keep their case. A label a user writes follows the same rule.
const NAMES =
  /^(Ukraine|U\.S\.|China|Russia|Europe|European|America|American|Washington|Moscow|Kremlin|Kyiv|Beijing|Congress|Senate|Trump|Biden|Putin|Zelensky|Xi)\b/;
const ACRONYM = /^[A-Z][A-Z0-9.]/;
const TWO_CAPITALISED = /^[A-Z][\w'’.-]*\s+[A-Z]/;
export const lower = (s: string) =>
  NAMES.test(s) || ACRONYM.test(s) || TWO_CAPITALISED.test(s)
    ? s
    : s.charAt(0).toLowerCase() + s.slice(1);

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
    case 'driverAtMost': {
      // "Or higher" reads backwards where a higher level means less pressure, so name the levels.
      const { driver } = guard.params;
      const ids = vocabulary.drivers.find((d) => d.id === driver)?.levels.map((l) => l.id) ?? [];
      const at = ids.indexOf(guard.params.level);
      const span =
        at < 0
          ? [guard.params.level]
          : guard.type === 'driverAtLeast'
            ? ids.slice(at)
            : ids.slice(0, at + 1);
      return `${lower(driverLabel(vocabulary, driver))} at ${orList(span.map((l) => level(driver, l)))}`;
    }
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

/**
 * A guard in a few words for a diagram's edge: "Ukraine: war", "White House: dealmaking +2",
 * "from 2029Q1"; the first condition, cut at `max` characters, and how many more there are. Pure;
 * the full words are describeGuard's.
 */
export function shortGuard(guard: AnyGuard, vocabulary: Vocabulary, max = 24): string {
  const leaves: string[] = [];
  const walk = (g: AnyGuard, negated: boolean) => {
    switch (g.type) {
      case 'and':
      case 'or':
        for (const c of g.params.guards) walk(c, negated);
        return;
      case 'not':
        walk(g.params.guard, !negated);
        return;
      case 'chance':
        return;
      case 'from':
      case 'until':
        leaves.push(`${g.type} ${g.params.quarter}`);
        return;
      default: {
        // The driver's short name and the levels that satisfy it, as describeGuard lists them.
        const name = driverLabel(vocabulary, g.params.driver).replace(
          / (stance|political consensus|factor|ties)$/,
          ''
        );
        const levels = describeGuard(g, vocabulary).split(' at ').slice(1).join(' at ');
        leaves.push(`${negated ? 'not ' : ''}${name}: ${levels.replace(/, | or /g, '/')}`);
      }
    }
  };
  walk(guard, false);
  const first = leaves[0] ?? '';
  const cut = first.length > max ? `${first.slice(0, max - 1)}…` : first;
  return leaves.length > 1 ? `${cut} +${leaves.length - 1}` : cut;
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

/**
 * A guard's conditions with their structure kept: "all of" and "any of" groups, each with how
 * many of its items hold, so "any of 2: one holds" reads as satisfied, not as "1 of 2 met".
 */
export interface ConditionGroup {
  kind: 'all' | 'any';
  held: boolean;
  /** How many of `items` hold. */
  met: number;
  items: ConditionItem[];
}

export type ConditionItem = { kind: 'condition'; condition: ConditionInWords } | ConditionGroup;

/**
 * Pure. The top of a trace as a group: an `and` or `or` guard gives its own kind; a single
 * condition is an "all of 1" group. A `not` stays one condition ("not …"), as in conditionsInWords.
 */
export function conditionGroup(trace: GuardTrace, vocabulary: Vocabulary): ConditionGroup {
  const item = toItem(trace, vocabulary);
  return item.kind === 'condition' ? group('all', trace.held, [item]) : item;
}

function group(kind: 'all' | 'any', held: boolean, items: ConditionItem[]): ConditionGroup {
  const met = items.filter((i) => (i.kind === 'condition' ? i.condition.held : i.held)).length;
  return { kind, held, met, items };
}

function toItem(trace: GuardTrace, vocabulary: Vocabulary): ConditionItem {
  const { type } = trace.guard;
  if ((type === 'and' || type === 'or') && trace.children) {
    return group(
      type === 'and' ? 'all' : 'any',
      trace.held,
      trace.children.map((c) => toItem(c, vocabulary))
    );
  }
  return { kind: 'condition', condition: conditionsInWords(trace, vocabulary)[0]! };
}

/**
 * "2 of 3 conditions met" for an all-of group, "any of 2: one holds" for an any-of group; with
 * `target`, "2 of 3 conditions for Reset met" and "any of 2 conditions for Reset: one holds". Pure.
 */
export function groupSummary(g: ConditionGroup, target?: string): string {
  const n = g.items.length;
  const noun = n === 1 ? 'condition' : 'conditions';
  const what = target ? ` ${noun} for ${target}` : '';
  if (g.kind === 'all') {
    return `${g.met} of ${n}${target ? what : ` ${noun}`} met`;
  }
  const holding = g.met === 0 ? 'none holds' : g.met === 1 ? 'one holds' : `${g.met} hold`;
  return `any of ${n}${what}: ${holding}`;
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
