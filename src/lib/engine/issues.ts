/** A problem found in a scenario file: where it is and what was expected. */
export interface ValidationIssue {
  severity: 'error' | 'warning';
  file: string;
  /** Path inside the file, as `transitions[3].guard.params.level`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** One line per issue: `file: path: message`. */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.path ? `${issue.file}: ${issue.path}` : issue.file;
  return `${issue.severity === 'warning' ? 'warning: ' : ''}${where}: ${issue.message}`;
}

/** A suffix that proposes the closest valid name, or nothing. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}
