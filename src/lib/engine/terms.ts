/**
 * The closed word lists of the scenario format, as plain constants: the schemas (schema.ts) check
 * files against them and the runtime (compile.ts, the pages) uses them without loading zod.
 */
export const BASES = ['stated', 'reading'] as const;
export type Basis = (typeof BASES)[number];

export const GUARD_TYPES = [
  'driverIs',
  'driverAtLeast',
  'driverAtMost',
  'from',
  'until',
  'and',
  'or',
  'not'
] as const;

export const VERDICTS = ['held', 'did-not-hold', 'open'] as const;
export type Verdict = (typeof VERDICTS)[number];
