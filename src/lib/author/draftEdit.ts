/**
 * Edits of a draft forecast that touch more than one field: renaming a state (and every reference
 * to it), changing a condition's kind, and reading the form's values as file data. Pure.
 */
import type { Guard } from '$lib/engine/schema';
import type { Draft } from './skeleton';

/**
 * The form's values as file data: empty fields (an empty text box, a cleared number) are left
 * out, so the checks say "required" where a field is required and nothing where it is optional.
 */
export function prune<T>(value: T): T {
  if (Array.isArray(value)) return value.map(prune) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== '' && v !== null && v !== undefined && !Number.isNaN(v))
        .map(([k, v]) => [k, prune(v)])
    ) as T;
  }
  return value;
}

/** The record with one key renamed, in place of the old one (so the order stays). */
export function renameKey<T>(record: Record<string, T>, from: string, to: string) {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/** The draft with a state renamed wherever the start and the transitions name it. */
export function renameState(draft: Draft, from: string, to: string): Draft {
  if (from === to || to in draft.states) return draft;
  return {
    ...draft,
    start: draft.start.state === from ? { ...draft.start, state: to } : draft.start,
    states: renameKey(draft.states, from, to),
    transitions: draft.transitions.map((t) => ({
      ...t,
      from: t.from === from ? to : t.from,
      to: t.to === from ? to : t.to
    }))
  };
}

export type GuardType = Guard['type'];

/** The kinds of condition, as the editor names them. */
export const GUARD_KINDS: ReadonlyArray<{ type: GuardType; label: string }> = [
  { type: 'driverIs', label: 'Driver is one of' },
  { type: 'driverAtLeast', label: 'Driver at least' },
  { type: 'driverAtMost', label: 'Driver at most' },
  { type: 'from', label: 'From quarter' },
  { type: 'until', label: 'Until quarter' },
  { type: 'and', label: 'All of' },
  { type: 'or', label: 'Any of' },
  { type: 'not', label: 'Not' }
];

const isCombinator = (t: GuardType) => t === 'and' || t === 'or' || t === 'not';

/**
 * A condition turned into another kind, keeping what still applies: the driver and a level
 * between driver conditions, the citation between leaves, the conditions inside between
 * combinators (a leaf becomes the first condition of an "all of", "any of" or "not").
 */
export function reshapeGuard(
  guard: Guard,
  type: GuardType,
  fallback: { driver: string; level: string; quarter: string }
): Guard {
  if (guard.type === type) return guard;
  const source = 'source' in guard ? guard.source : undefined;
  const cited = source ? { source } : {};
  const p = guard.params as Partial<{
    driver: string;
    level: string;
    levels: string[];
    quarter: string;
    guards: Guard[];
    guard: Guard;
  }>;
  const driver = p.driver ?? fallback.driver;
  const level = p.level ?? p.levels?.[0] ?? fallback.level;
  const inner: Guard[] = p.guards ?? (p.guard ? [p.guard] : [guard]);
  switch (type) {
    case 'driverIs':
      return { type, params: { driver, levels: p.levels ?? [level] }, ...cited };
    case 'driverAtLeast':
    case 'driverAtMost':
      return { type, params: { driver, level }, ...cited };
    case 'from':
    case 'until':
      return { type, params: { quarter: p.quarter ?? fallback.quarter }, ...cited };
    case 'and':
    case 'or':
      return { type, params: { guards: isCombinator(guard.type) ? inner : [guard] } };
    case 'not':
      return { type, params: { guard: inner[0]! } };
  }
}

const isMap = (x: unknown): x is Record<string, unknown> =>
  !!x && typeof x === 'object' && !Array.isArray(x);

/** A condition the form can draw: a map with params, its nested conditions drawable too. */
function drawableGuard(guard: unknown): Record<string, unknown> {
  const g = isMap(guard) ? guard : {};
  const params = isMap(g.params) ? g.params : {};
  return {
    ...g,
    type: typeof g.type === 'string' ? g.type : 'driverIs',
    params: {
      ...params,
      ...(Array.isArray(params.guards) ? { guards: params.guards.map(drawableGuard) } : {}),
      ...(params.guard !== undefined ? { guard: drawableGuard(params.guard) } : {}),
      ...(params.levels !== undefined && !Array.isArray(params.levels) ? { levels: [] } : {})
    }
  };
}

const maps = (x: unknown) => (Array.isArray(x) ? x.map((e) => (isMap(e) ? e : {})) : []);
const mapOfMaps = (x: unknown) =>
  isMap(x) ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, isMap(v) ? v : {}])) : {};

/**
 * File data the form can draw, however half-written: every part the form opens (sections,
 * states, transitions and their conditions, claims' windows and topics) is present, empty where
 * the file lacks it, so the checks can say what is missing. Undefined for data that is no map.
 */
export function normalise(data: unknown): Draft | undefined {
  if (!isMap(data)) return undefined;
  const assumptions = isMap(data.assumptions) ? data.assumptions : {};
  return {
    ...data,
    source: isMap(data.source) ? data.source : {},
    start: isMap(data.start) ? data.start : {},
    ...(data.drivers !== undefined
      ? {
          drivers: maps(data.drivers).map((d) => ({ ...d, levels: maps(d.levels) }))
        }
      : {}),
    states: mapOfMaps(data.states),
    transitions: maps(data.transitions).map((t) => ({ ...t, guard: drawableGuard(t.guard) })),
    assumptions: {
      ...assumptions,
      drivers: mapOfMaps(assumptions.drivers),
      changes: maps(assumptions.changes).map((c) =>
        c.fork === undefined ? c : { ...c, fork: maps(c.fork) }
      )
    },
    claims: maps(data.claims).map((c) => {
      const test = isMap(c.test) ? c.test : undefined;
      return {
        ...c,
        window: isMap(c.window) ? c.window : {},
        topics: Array.isArray(c.topics) ? c.topics : [],
        ...(test
          ? { test: test.when === undefined ? test : { ...test, when: drawableGuard(test.when) } }
          : {}),
        ...(c.judged !== undefined ? { judged: isMap(c.judged) ? c.judged : {} } : {})
      };
    })
  } as Draft;
}
