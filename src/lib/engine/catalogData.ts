/**
 * The catalog as the pages use it, and its plain-JSON form. The build validates the scenario files
 * once (catalog.ts, via the catalog plugin) and ships `CatalogData`; the browser rebuilds the
 * models from it with resolveModel, which is cheap and needs neither the YAML parser nor zod.
 */
import type { History, LikelihoodScale, Scale, Scenario, Vocabulary } from './schema';
import { resolveModel, type Model } from './model';
import { horizonOf, type Horizon } from './quarter';

/** A forecast file left out of the catalog, and why: one bad file never keeps the others out. */
export interface SkippedFile {
  file: string;
  messages: string[];
}

export interface Catalog {
  vocabulary: Vocabulary;
  scale: Scale;
  likelihood: LikelihoodScale;
  history: History;
  scenarios: Scenario[];
  models: Map<string, Model>;
  /** The quarters every schedule and chart covers, from the data (horizonOf). */
  horizon: Horizon;
  skipped?: SkippedFile[];
  /** Ids of the forecasts the user wrote or imported (kept in the browser). */
  userForecasts?: string[];
  /** Quarters of `history` the user added after the built-in record ends. */
  userQuarters?: string[];
  /** Events of `history` the user added (the same objects as in `history.events`). */
  userEvents?: History['events'];
}

/** A validated catalog without its models: plain JSON, so it can be written out at build time. */
export type CatalogData = Omit<Catalog, 'models' | 'horizon'>;

export function catalogData({
  vocabulary,
  scale,
  likelihood,
  history,
  scenarios,
  skipped,
  userForecasts,
  userQuarters,
  userEvents
}: CatalogData): CatalogData {
  return {
    vocabulary,
    scale,
    likelihood,
    history,
    scenarios,
    ...(skipped?.length ? { skipped } : {}),
    ...(userForecasts?.length ? { userForecasts } : {}),
    ...(userQuarters?.length ? { userQuarters } : {}),
    ...(userEvents?.length ? { userEvents } : {})
  };
}

/**
 * The shared vocabulary plus the drivers forecasts declare themselves, in that order. A driver id
 * two forecasts declare is kept once, as the first declares it (checkForecast refuses a second
 * declaration whose levels differ). Pure.
 */
export function composeVocabulary(shared: Vocabulary, scenarios: readonly Scenario[]): Vocabulary {
  const drivers = [...shared.drivers];
  const seen = new Set(drivers.map((d) => d.id));
  for (const s of scenarios) {
    for (const own of s.drivers ?? []) {
      if (seen.has(own.id)) continue;
      seen.add(own.id);
      drivers.push({
        id: own.id,
        label: own.label,
        group: 'Declared by a forecast',
        description: own.description ?? own.label,
        ordered: own.ordered,
        levels: own.levels,
        sources: [{ ref: s.source.ref, para: own.source.para }],
        declaredBy: s.id
      });
    }
  }
  return drivers.length === shared.drivers.length ? shared : { drivers };
}

/** The horizon and models of catalog data. Pure; expects data that passed loadCatalog. */
export function catalogFromData(data: CatalogData): Catalog {
  const context = { vocabulary: data.vocabulary, likelihood: data.likelihood };
  return {
    ...data,
    horizon: horizonOf(data.scenarios, data.history.quarters),
    models: new Map(data.scenarios.map((s) => [s.id, resolveModel(s, context)]))
  };
}
