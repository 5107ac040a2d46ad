/** zod's issues turned into ValidationIssues that name the file, the path and what was expected. */
import { safeParse, type $ZodIssue, type $ZodType, type output } from 'zod/v4/core';
import { closestName } from './suggest';
import { didYouMean, formatPath, type ValidationIssue } from './issues';

const SHOWN_MAX = 200;

/** The value a file had, as JSON, cut short when long; never throws (deep or odd values). */
function shown(input: unknown): string | undefined {
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch {
    return 'a value that cannot be shown';
  }
  return text && text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
}

function describe(issue: $ZodIssue): string {
  const got = 'input' in issue ? shown(issue.input) : undefined;
  switch (issue.code) {
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (issue.input === undefined && issue.path.at(-1) === 'basis') {
        return 'missing; every element says where it comes from: `basis: stated` (the paragraph says it, with its `quote`) or `basis: reading` (the model infers it, with `why`)';
      }
      const guess = typeof issue.input === 'string' ? closestName(issue.input, values) : undefined;
      return `expected one of ${values.join(', ')}; got ${got}${didYouMean(guess)}`;
    }
    case 'invalid_union': {
      if ('options' in issue && Array.isArray(issue.options)) {
        const options = (issue.options as unknown[]).map(String);
        // A discriminated union reports the whole object; the name to correct is its discriminator.
        const input = issue.input as unknown;
        const key = 'discriminator' in issue ? String(issue.discriminator) : '';
        const named =
          typeof input === 'string'
            ? input
            : input && typeof input === 'object' && key in input
              ? (input as Record<string, unknown>)[key]
              : undefined;
        const guess = typeof named === 'string' ? closestName(named, options) : undefined;
        const value = named === undefined ? got : shown(named);
        return `expected one of ${options.join(', ')}; got ${value}${didYouMean(guess)}`;
      }
      return issue.message;
    }
    case 'invalid_type':
      return issue.input === undefined
        ? `missing; expected ${issue.expected}`
        : `expected ${issue.expected}; got ${got}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default: {
      const message = issue.message.replace(/^Invalid input: /, '');
      return /^(expected|a |an |at |either|the )/i.test(message)
        ? `expected ${message.replace(/^expected /i, '')}`
        : message;
    }
  }
}

/**
 * Parses with a schema of zod's full or mini build (both share zod's core); on failure returns one
 * issue per zod issue, with paths.
 */
export function parseWith<S extends $ZodType>(
  schema: S,
  data: unknown,
  file: string
): { value?: output<S>; issues: ValidationIssue[] } {
  const result = safeParse(schema, data, { reportInput: true });
  if (result.success) return { value: result.data, issues: [] };
  return {
    issues: result.error.issues.map((issue) => ({
      severity: 'error',
      file,
      path: formatPath(issue.path),
      message: describe(issue)
    }))
  };
}
