/**
 * The catalog as the pages use it, and its plain-JSON form. The build validates the scenario files
 * once (catalog.ts, via the catalog plugin) and ships `CatalogData`; the browser rebuilds the
 * models from it with resolveModel, which is cheap and needs neither the YAML parser nor zod.
 */
import type { History, LikelihoodScale, Scale, Scenario, Vocabulary } from './schema';
import { resolveModel, type Model } from './model';

export interface Catalog {
  vocabulary: Vocabulary;
  scale: Scale;
  likelihood: LikelihoodScale;
  history: History;
  scenarios: Scenario[];
  models: Map<string, Model>;
}

/** A validated catalog without its models: plain JSON, so it can be written out at build time. */
export type CatalogData = Omit<Catalog, 'models'>;

export function catalogData({ vocabulary, scale, likelihood, history, scenarios }: Catalog) {
  return { vocabulary, scale, likelihood, history, scenarios } satisfies CatalogData;
}

/** Pure; expects data that passed loadCatalog. */
export function catalogFromData(data: CatalogData): Catalog {
  const context = { vocabulary: data.vocabulary, likelihood: data.likelihood };
  return {
    ...data,
    models: new Map(data.scenarios.map((s) => [s.id, resolveModel(s, context)]))
  };
}
