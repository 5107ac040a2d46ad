/** Small made-up forecasts for tests (test helper; not part of the engine's surface). */
import { resolveModel, type Model } from './model';
import { Scenario } from './schema';
import type { Catalog } from './catalog';

const source = { para: 1, basis: 'reading', why: 'w' } as const;

/**
 * A forecast starting in `start` at 2020Q2 with the given states (id → level) and transitions
 * (from, to, guard, optional per-quarter probability value).
 */
export function testForecast(
  catalog: Catalog,
  id: string,
  states: Record<string, number>,
  transitions: Array<{ from: string; to: string; guard: unknown; chance?: number }>,
  start = Object.keys(states)[0]!,
  quarter = '2020Q2'
): Model {
  return resolveModel(
    Scenario.parse({
      id,
      source: {
        ref: 'trenin-2020-guardrails',
        author: 'Test',
        title: 't',
        outlet: 'o',
        published: '2020-04'
      },
      thesis: 't',
      start: { quarter, state: start, source },
      states: Object.fromEntries(
        Object.entries(states).map(([s, level]) => [
          s,
          { label: s.charAt(0).toUpperCase() + s.slice(1), level, description: 'd', source }
        ])
      ),
      transitions: transitions.map((t, i) => ({
        id: `t${i}`,
        from: t.from,
        to: t.to,
        guard: t.guard,
        ...(t.chance !== undefined ? { probability: { value: t.chance, source } } : {}),
        source
      })),
      assumptions: { drivers: {} }
    }),
    { vocabulary: catalog.vocabulary, likelihood: catalog.likelihood }
  );
}
