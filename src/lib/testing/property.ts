/**
 * Runs a fast-check property with a fixed seed, so `npm test` checks the same cases every time,
 * and says how to rerun a failure. Environment overrides (test helper, not part of the app):
 *   FC_SEED=<n>      another seed (a failure prints the one to use)
 *   FC_PATH=<path>   replay only the shrunk counterexample of a failure
 *   FC_RUNS=<n>      cases per property instead of each test's own count
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20_261_207;

function envNumber(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number; got "${text}"`);
  return n;
}

export function checkProperty<Ts>(
  property: fc.IProperty<Ts>,
  { numRuns, file }: { numRuns: number; file: string }
): void {
  const seed = envNumber('FC_SEED') ?? DEFAULT_SEED;
  const path = process.env.FC_PATH || undefined;
  const details = fc.check(property, { seed, path, numRuns: envNumber('FC_RUNS') ?? numRuns });
  if (!details.failed) return;
  const where = file.replace(/^.*?\/src\//, 'src/');
  const rerun =
    `Rerun this case: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ''} ` +
    `npx vitest run ${where}`;
  const cause = details.errorInstance;
  const why = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  throw new Error(
    `${fc.defaultReportMessage(details) ?? 'property failed'}\n\n${rerun}\n\nThe failure: ${why}`
  );
}
