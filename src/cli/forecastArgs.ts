/**
 * What the CLI's commands share: their errors, and the catalog they run on, the built-in forecasts
 * with any files named by `--forecast <path>`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatIssue } from '../lib/engine';
import { readCatalog, userPath } from './readCatalog';

/** A bad argument: main prints it with the usage and returns 2. */
export class UsageError extends Error {}

/** The files could not be loaded; their issues have been printed. main returns 1. */
export class FilesError extends Error {}

export function fail(message: string): never {
  throw new UsageError(message);
}

// The scenario files are read once per process and set of --forecast files (the tests call
// main() many times).
const loaded = new Map<string, ReturnType<typeof readCatalog>>();

/**
 * `--forecast <path>` pairs taken out of a command's arguments: forecast files from any path that
 * join the catalog for this run. The rest of the arguments are left for the command.
 */
export function takeForecasts(args: string[]): { forecasts: string[]; rest: string[] } {
  const forecasts: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--forecast') {
      rest.push(args[i]!);
      continue;
    }
    const path = args[++i];
    if (!path || path.startsWith('-')) fail('--forecast needs the path of a forecast file');
    if (!existsSync(userPath(path))) fail(`--forecast ${path}: no such file`);
    forecasts.push(userPath(path));
  }
  return { forecasts, rest };
}

/**
 * The built-in catalog with the --forecast files. A broken shared file stops every command; a
 * named file that does not load stops this one, with its errors (the built-in ones would only be
 * skipped). The named files' warnings go to stderr, so that --json output stays JSON.
 */
export function loadOrExit(forecasts: string[] = []) {
  const key = forecasts.join('\n');
  const read = loaded.get(key) ?? readCatalog(undefined, forecasts);
  loaded.set(key, read);
  const { catalog, issues } = read;
  if (!catalog) {
    issues.forEach((i) => console.error(formatIssue(i)));
    throw new FilesError();
  }
  // Issues name a file relative to the working directory (or by its full path).
  const own = issues.filter((i) => forecasts.includes(resolve(i.file)));
  own.forEach((i) => console.error(formatIssue(i)));
  if (own.some((i) => i.severity === 'error')) throw new FilesError();
  return catalog;
}
