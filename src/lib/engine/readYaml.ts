/**
 * Reads the text of a scenario file (YAML, or JSON, which is YAML too) into plain data, refusing
 * what could exhaust time or memory before the parser sees it: a file far larger than any real
 * one, lines indented deeper than any real nesting, brackets nested deeper than that, and aliases
 * that expand too far (a "billion laughs"). Every refusal is a message, never a throw.
 */
import { parseDocument, YAMLError } from 'yaml';
import { tooDeepFlow } from './flowDepth';

export { tooDeepFlow };

/** The largest scenario file is about 32 kB; this leaves room for thirty times that. */
export const MAX_FILE_CHARS = 1_000_000;
/** Scenario files indent a few levels of two spaces; 200 columns is far past any real need. */
export const MAX_INDENT = 200;
/** How deep lists and maps may nest, in brackets or by indentation; real files use about 10. */
export const MAX_DEPTH = 64;
/** Alias references allowed, counting each expansion (yaml's own guard; no real file uses one). */
export const MAX_ALIASES = 100;

const firstLine = (message: string) => message.split('\n')[0]!;
const where = (e: YAMLError) =>
  `at line ${e.linePos?.[0].line ?? '?'}, column ${e.linePos?.[0].col ?? '?'}`;

const thousands = (n: number) => n.toLocaleString('en-US');

/** How deep `data` nests (a scalar is 0), walked without recursion; stops past `limit`. */
function depthOf(data: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export type ReadResult = { data: unknown } | { problem: string };

/** Pure. The data in a YAML or JSON text, or why it was refused, in words. */
export function readYaml(text: string): ReadResult {
  if (text.length > MAX_FILE_CHARS)
    return {
      problem: `is too large to read (${thousands(text.length)} characters; at most ${thousands(MAX_FILE_CHARS)})`
    };
  const indent = new RegExp(`^[ \\t]{${MAX_INDENT + 1}}`, 'm').exec(text);
  if (indent) {
    const line = text.slice(0, indent.index).split('\n').length;
    return {
      problem: `is nested too deeply to read: line ${line} is indented more than ${MAX_INDENT} columns`
    };
  }
  const flowLine = tooDeepFlow(text, MAX_DEPTH);
  if (flowLine !== undefined)
    return {
      problem: `is nested too deeply to read: brackets at line ${flowLine} nest more than ${MAX_DEPTH} levels`
    };
  let data: unknown;
  try {
    const doc = parseDocument(text, { prettyErrors: true });
    const [error] = doc.errors;
    if (error) throw error;
    // yaml would only log these (an unknown tag such as !!js/function becomes a plain string).
    const [warning] = doc.warnings;
    if (warning)
      return { problem: `cannot be read: ${firstLine(warning.message).replace(/:$/, '')}` };
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (e instanceof YAMLError)
      return { problem: `not valid YAML ${where(e)}: ${firstLine(e.message)}` };
    if (e instanceof ReferenceError && /alias/i.test(e.message))
      return {
        problem: `uses YAML aliases (*name) that expand to more than ${MAX_ALIASES} copies; write the values out instead`
      };
    return { problem: `cannot be read: ${String(e)}` };
  }
  if (depthOf(data, MAX_DEPTH) > MAX_DEPTH)
    return {
      problem: `is nested too deeply to read: lists and maps nest more than ${MAX_DEPTH} levels`
    };
  return { data };
}
