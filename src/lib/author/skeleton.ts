/**
 * Where a forecast of the user's starts: a minimal file that validates (one source, a thesis, two
 * states, one transition), or a copy of another forecast under a new id. Pure.
 */
import type { z } from 'zod';
import type { Scenario, Vocabulary } from '$lib/engine/schema';

/** A forecast as the editor holds it: the file's data, which may not validate yet. */
export type Draft = z.input<typeof Scenario>;

/** `base`, or `base-2`, `base-3` … : the first that no forecast has. */
export function uniqueId(base: string, taken: ReadonlySet<string> | readonly string[]): string {
  const has = (id: string) =>
    Array.isArray(taken) ? taken.includes(id) : (taken as ReadonlySet<string>).has(id);
  if (!has(base)) return base;
  let n = 2;
  while (has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The first driver of the shared vocabulary and its highest level, for the first condition. */
function firstCondition(vocabulary: Vocabulary) {
  const driver = vocabulary.drivers.find((d) => !d.declaredBy) ?? vocabulary.drivers[0]!;
  return { driver: driver.id, level: driver.levels.at(-1)!.id };
}

/**
 * A new forecast that validates as it is, so the live checks start clean and each edit shows its
 * own consequence. Every element is a reading until the author cites the article.
 */
export function newForecast(id: string, start: string, vocabulary: Vocabulary): Draft {
  const why = 'To be cited: replace with the paragraph and its words.';
  const source = () => ({ para: 1, basis: 'reading' as const, why });
  const { driver, level } = firstCondition(vocabulary);
  return {
    id,
    source: {
      ref: id,
      author: 'Author Name',
      title: 'Title of the article',
      outlet: 'Outlet',
      published: start.slice(0, 4),
      url: 'https://example.org/article'
    },
    thesis: 'The article’s argument in one or two sentences, in your own words.',
    start: { quarter: start, state: 'now', source: source() },
    states: {
      now: {
        label: 'Where things stand',
        level: 0,
        description: 'The relationship as the article finds it.',
        source: source()
      },
      next: {
        label: 'Where it could go',
        level: 1,
        description: 'Where the article says it goes if the condition holds.',
        source: source()
      }
    },
    transitions: [
      {
        id: 'now-to-next',
        from: 'now',
        to: 'next',
        guard: { type: 'driverIs', params: { driver, levels: [level] }, source: source() },
        source: source()
      }
    ],
    assumptions: { drivers: {}, changes: [] },
    claims: []
  };
}

/** A deep copy of a forecast under a new id (`<id>-copy`, or the next free one). */
export function copyForecast(scenario: Scenario | Draft, taken: ReadonlySet<string>): Draft {
  const copy = plainCopy(scenario) as Draft;
  copy.id = uniqueId(`${scenario.id}-copy`, taken);
  return copy;
}

/** A deep copy of plain data (structuredClone refuses Svelte's state proxies). */
export function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A file's data with its id replaced (an import under a new id); data that is no map is kept. */
export function withId(data: unknown, id: string): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  return { ...(data as Record<string, unknown>), id };
}

/** The id a file's data gives, if it gives one. */
export function idOf(data: unknown): string | undefined {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}
