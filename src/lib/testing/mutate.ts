/**
 * Random edits of a document, for property tests: delete, duplicate, rename (a near-miss key),
 * replace with a random value, or copy a value from elsewhere in the document.
 */
import fc from 'fast-check';

/** Every path to a value inside `doc`, the root included. */
function pathsOf(doc: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof doc !== 'object' || doc === null) return [at];
  const keys = Array.isArray(doc) ? doc.map((_, i) => i) : Object.keys(doc);
  return [at, ...keys.flatMap((k) => pathsOf((doc as Record<string, unknown>)[k], [...at, k]))];
}

export type Mutation =
  | { kind: 'delete' | 'duplicate' | 'rename'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'copy'; at: number; from: number };

/** A random change, given the arbitrary for the values it may write. */
export const mutationArb = (valueArb: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'rename'), at: fc.nat() }),
    fc.record({ kind: fc.constant('replace'), at: fc.nat(), value: valueArb }),
    fc.record({ kind: fc.constant('copy'), at: fc.nat(), from: fc.nat() })
  ) as fc.Arbitrary<Mutation>;

/** Applies mutations to a deep copy of `base`; paths are picked modulo the paths there are. */
export function mutate(base: unknown, mutations: Mutation[]): unknown {
  let doc = structuredClone(base);
  for (const m of mutations) {
    const paths = pathsOf(doc);
    const path = paths[m.at % paths.length]!;
    const value = (p: (string | number)[]) =>
      p.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], doc);
    const replacement =
      m.kind === 'replace'
        ? m.value
        : m.kind === 'copy'
          ? structuredClone(value(paths[m.from % paths.length]!))
          : undefined;
    if (path.length === 0) {
      if (m.kind === 'replace' || m.kind === 'copy') doc = replacement;
      continue;
    }
    const parent = value(path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
    const key = path.at(-1)!;
    if (m.kind === 'replace' || m.kind === 'copy') {
      Object.defineProperty(parent, key, {
        value: replacement,
        enumerable: true,
        writable: true,
        configurable: true
      });
    } else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[key];
    } else if (m.kind === 'duplicate' && Array.isArray(parent)) {
      parent.splice(Number(key), 0, structuredClone(parent[Number(key)]));
    } else if (!Array.isArray(parent)) {
      // A near miss of a real key: the mistake an author makes.
      const record = parent as Record<string, unknown>;
      Object.defineProperty(record, `${key}s`, {
        value: record[key],
        enumerable: true,
        writable: true,
        configurable: true
      });
      delete record[key];
    }
  }
  return doc;
}
