/**
 * The user's additions checked as the record file is checked (the History schema and
 * checkHistory), with each problem named by its place in the additions, and a record file read
 * for import. Brings zod with it: the record page loads it lazily.
 */
import {
  checkHistory,
  parseWith,
  toIndex,
  fromIndex,
  type ValidationIssue,
  type Vocabulary
} from '$lib/engine/validate';
import { History } from '$lib/engine/schema';
import { additionPath, additionsOf, mergeRecord, type RecordAdditions } from './recordDraft';

/** A problem with one field of the user's additions: `path` as `quarters[0].drivers.sanctions`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The errors in the merged record, named by their place in the additions. */
export function checkAdditions(
  builtIn: History,
  vocabulary: Vocabulary,
  additions: RecordAdditions
): FieldProblem[] {
  const { value, issues } = parseWith(History, mergeRecord(builtIn, additions), 'your record');
  const all: ValidationIssue[] = value ? checkHistory(value, 'your record', vocabulary) : issues;
  const problems = all
    .filter((i) => i.severity === 'error')
    .map((i) => ({ path: additionPath(builtIn, i.path) ?? i.path, message: i.message }));
  const expected = fromIndex(toIndex(builtIn.quarters.at(-1)!.quarter) + 1);
  const first = additions.quarters[0]?.quarter;
  if (first && first !== expected && !problems.some((p) => p.path === 'quarters[0].quarter')) {
    problems.push({
      path: 'quarters[0].quarter',
      message: `expected ${expected}, the quarter after the built-in record ends; got ${first}`
    });
  }
  return problems;
}

export type ImportResult =
  | { additions: RecordAdditions; problems?: undefined }
  | { additions?: undefined; problems: FieldProblem[] };

/**
 * A record file (what the export writes, or any file shaped like observed.json) read as the
 * user's additions: its problems by their path in the file, or the additions when it has none.
 */
export function importRecord(text: string, builtIn: History, vocabulary: Vocabulary): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      problems: [{ path: '', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }]
    };
  }
  const { value, issues } = parseWith(History, data, 'file');
  if (!value) return { problems: issues.map((i) => ({ path: i.path, message: i.message })) };
  const fileProblems = checkHistory(value, 'file', vocabulary).filter(
    (i) => i.severity === 'error'
  );
  if (fileProblems.length)
    return { problems: fileProblems.map((i) => ({ path: i.path, message: i.message })) };
  const additions = additionsOf(builtIn, value);
  // Problems of the additions joined to this copy's record, named by their place in the file.
  const merged = checkAdditions(builtIn, vocabulary, additions);
  if (merged.length === 0) return { additions };
  const end = toIndex(builtIn.quarters.at(-1)!.quarter);
  const firstAdded = value.quarters.findIndex((q) => toIndex(q.quarter) > end);
  return {
    problems: merged.map((p) => ({
      path: p.path.replace(
        /^quarters\[(\d+)\]/,
        (_, i) => `quarters[${Number(i) + Math.max(firstAdded, 0)}]`
      ),
      message: p.message
    }))
  };
}
