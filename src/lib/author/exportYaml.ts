/**
 * Any forecast, built-in or the user's, as the YAML of a file in scenarios/forecasts/: keys in the
 * format's order, defaults the loader fills in (an empty list, the quarterly trigger) left out, and
 * citations on one line where they are short. Loads the YAML library, so pages import it lazily.
 */
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, visit, type YAMLMap } from 'yaml';
import type { Draft } from './skeleton';

/** The order of keys in the format (docs/scenario-format.md), by the object they belong to. */
const ORDER: Record<string, readonly string[]> = {
  scenario: [
    'id',
    'source',
    'thesis',
    'start',
    'until',
    'drivers',
    'states',
    'transitions',
    'assumptions',
    'claims'
  ],
  source: ['ref', 'author', 'citeAs', 'title', 'descriptiveTitle', 'outlet', 'published', 'url'],
  start: ['quarter', 'state', 'source'],
  driver: ['id', 'label', 'description', 'ordered', 'levels', 'source'],
  state: ['label', 'level', 'description', 'source', 'reachable', 'whyUnreachable'],
  transition: [
    'id',
    'from',
    'to',
    'trigger',
    'priority',
    'guard',
    'probability',
    'description',
    'source',
    'reachable',
    'whyUnreachable'
  ],
  change: ['driver', 'level', 'fork', 'from', 'source'],
  claim: ['id', 'claim', 'source', 'window', 'topics', 'test', 'judged']
};

/** `value`'s keys in `order`, then any others; empty ones (undefined, '') left out. */
function ordered<T extends object>(value: T, order: readonly string[] = []): T {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== '');
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b))) as T;
}

const byKey = <T>(record: Record<string, T>, f: (v: T) => T) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

/** Pure. The forecast as its file holds it: the format's key order, no defaulted empties. */
export function fileData(scenario: Draft): Draft {
  const s = scenario;
  const changes = s.assumptions?.changes ?? [];
  return ordered(
    {
      ...s,
      source: ordered(s.source, ORDER.source),
      start: ordered(s.start, ORDER.start),
      drivers: s.drivers?.length ? s.drivers.map((d) => ordered(d, ORDER.driver)) : undefined,
      states: byKey(s.states, (st) => ordered(st, ORDER.state)),
      transitions: s.transitions.map((t) =>
        ordered(
          { ...t, trigger: t.trigger === 'quarter' ? undefined : t.trigger },
          ORDER.transition
        )
      ),
      assumptions: ordered({
        drivers: s.assumptions.drivers,
        changes: changes.length ? changes.map((c) => ordered(c, ORDER.change)) : undefined
      }),
      claims: s.claims?.length ? s.claims.map((c) => ordered(c, ORDER.claim)) : undefined
    },
    ORDER.scenario
  );
}

/** Citations and guard params fit on a line; a long `why` keeps the block form. */
const FLOW_MAX = 90;

/** Pure. The forecast's file text. */
export function forecastYaml(scenario: Draft): string {
  const doc = new Document(fileData(scenario));
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !isMap(pair.value)) return;
      const key = String(pair.key.value);
      if (key !== 'source' && key !== 'params' && key !== 'window') return;
      const map = pair.value as YAMLMap;
      if (key === 'source' && !map.has('para')) return;
      if (JSON.stringify(map.toJSON()).length <= FLOW_MAX) map.flow = true;
    }
  });
  return doc.toString({ lineWidth: 100 });
}

/**
 * The file's text with the source's title and short name replaced (no short name: removed),
 * keeping everything else the user wrote, comments included. Pure.
 */
export function withNamesInText(text: string, names: { title: string; citeAs?: string }): string {
  const doc = parseDocument(text);
  doc.setIn(['source', 'title'], names.title);
  if (names.citeAs) doc.setIn(['source', 'citeAs'], names.citeAs);
  else doc.deleteIn(['source', 'citeAs']);
  return doc.toString({ lineWidth: 100 });
}

/** A file's text with its id replaced, comments and layout kept where the library can. */
export function withIdInText(text: string, id: string): string {
  const doc = parseDocument(text);
  doc.set('id', id);
  return doc.toString({ lineWidth: 100 });
}

/** `from`'s node changed in place to hold what `to` holds; a node that stays keeps its comments. */
function carried(from: unknown, to: unknown): unknown {
  if (isMap(from) && isMap(to)) {
    const keyOf = (k: unknown) => String(isScalar(k) ? k.value : k);
    const wanted = new Set(to.items.map((p) => keyOf(p.key)));
    for (const pair of [...from.items]) if (!wanted.has(keyOf(pair.key))) from.delete(pair.key);
    for (const pair of to.items) {
      const key = keyOf(pair.key);
      const before = from.get(key, true);
      if (before === undefined) from.add(pair);
      else {
        const after = carried(before, pair.value);
        if (after !== before) from.set(key, after);
      }
    }
    return from;
  }
  if (isSeq(from) && isSeq(to)) {
    from.items = to.items.map((item, i) =>
      i < from.items.length ? carried(from.items[i], item) : item
    ) as typeof from.items;
    return from;
  }
  if (isScalar(from) && isScalar(to) && from.value === to.value) return from;
  return to;
}

/**
 * Pure. The forecast's file text written over the text the user last had (a stored file, or
 * the YAML tab): what the form left as it was keeps its comments and layout there, what it
 * changed takes the format's layout. Text that does not read as YAML is written afresh.
 */
export function forecastYamlOver(text: string | undefined, scenario: Draft): string {
  const fresh = forecastYaml(scenario);
  if (!text) return fresh;
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) return fresh;
  doc.contents = carried(doc.contents, parseDocument(fresh).contents) as typeof doc.contents;
  return doc.toString({ lineWidth: 100 });
}
