/**
 * The exploration state (what the user is looking at on /explore) and its URL codec. Pure: no
 * Svelte, no DOM. A link reproduces a view; a broken or tampered link falls back to the default
 * for the broken part only and says, in plain words, what it ignored.
 */
import {
  closestName,
  quarterIndex,
  toIndex,
  HORIZON,
  type Catalog,
  type Override,
  type Preset,
  type Quarter,
  type Scenario,
  type UncertainDriver
} from '../engine';

/** What /explore shows. */
export interface Exploration {
  /** 'observed' (what happened, carried forward) or an analyst id: that analyst's assumptions. */
  preset: string;
  /** The user's driver overrides, in the order they apply (later ones win). */
  overrides: Override[];
  /** Analyst ids shown, in catalog order; never empty. */
  analysts: string[];
  /** The selected quarter. */
  quarter: Quarter;
  /** The analyst whose diagram, explanation and signposts are shown; one of `analysts`. */
  focus: string;
  /** Drivers given a probability over their levels from a quarter on (absent: none). */
  uncertain?: UncertainDriver[];
}

/** The parts of the catalog the codec validates against. */
export type ExplorationCatalog = Pick<Catalog, 'vocabulary' | 'scenarios' | 'history'> &
  Partial<Pick<Catalog, 'horizon' | 'userForecasts'>>;

export const OBSERVED_PRESET = 'observed';

/** URL keys: short and stable, since links are shared. */
export const KEYS = {
  preset: 'p',
  overrides: 'o',
  analysts: 'a',
  quarter: 'q',
  focus: 'f',
  /** Repeated, one per uncertain driver. */
  uncertain: 'u'
} as const;

/** The last quarter the observed history covers: the observed/forecast boundary. */
export function observedThrough(catalog: Pick<Catalog, 'history'>): Quarter {
  return catalog.history.quarters.at(-1)!.quarter;
}

/** Every analyst shown, the last observed quarter, no overrides. Pure. */
export function defaultExploration(catalog: ExplorationCatalog): Exploration {
  const analysts = catalog.scenarios.map((s) => s.id);
  return {
    preset: OBSERVED_PRESET,
    overrides: [],
    analysts,
    quarter: observedThrough(catalog),
    focus: analysts[0] ?? ''
  };
}

/** `sanctions.easing.2026Q3` or `ukraine.ceasefire.2026Q1-2026Q4`. */
export function encodeOverride(o: Override): string {
  return `${o.driver}.${o.level}.${o.from}${o.until ? `-${o.until}` : ''}`;
}

/** `sanctions.2027Q1.held.steady:60,escalating:30,easing:10`. */
export function encodeUncertain(u: UncertainDriver): string {
  return `${u.driver}.${u.from}.${u.mode}.${u.weights.map((w) => `${w.level}:${w.weight}`).join(',')}`;
}

/** Pure. Defaults are left out, so the default view is the bare path. */
export function encode(e: Exploration, catalog: ExplorationCatalog): URLSearchParams {
  const d = defaultExploration(catalog);
  const params = new URLSearchParams();
  if (e.preset !== d.preset) params.set(KEYS.preset, e.preset);
  if (e.overrides.length > 0) params.set(KEYS.overrides, e.overrides.map(encodeOverride).join(','));
  if (e.analysts.join(',') !== d.analysts.join(','))
    params.set(KEYS.analysts, e.analysts.join(','));
  if (e.quarter !== d.quarter) params.set(KEYS.quarter, e.quarter);
  if (e.focus !== (e.analysts[0] ?? '')) params.set(KEYS.focus, e.focus);
  for (const u of e.uncertain ?? []) params.append(KEYS.uncertain, encodeUncertain(u));
  return params;
}

/** `?a=x,y` rather than `?a=x%2Cy`: commas are legal in a query and easier to read in a link. */
export function queryString(params: URLSearchParams): string {
  const text = params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  return text ? `?${text}` : '';
}

const quote = (s: string) => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
const didYouMean = (wrong: string, valid: readonly string[]) => {
  const near = closestName(wrong, valid);
  return near ? ` (did you mean "${near}"?)` : '';
};

/** A quarter inside the catalog's horizon, or the reason it is not one. */
function checkQuarter(
  text: string,
  catalog: ExplorationCatalog
): { quarter: Quarter } | { problem: string } {
  const { first, last } = catalog.horizon ?? HORIZON;
  const i = quarterIndex(text);
  if (i === null) return { problem: `${quote(text)} is not a quarter like 2026Q1` };
  if (i < toIndex(first) || i > toIndex(last))
    return { problem: `${text} is outside ${first}–${last}` };
  return { quarter: text };
}

function decodeOverride(
  token: string,
  catalog: ExplorationCatalog
): { override: Override } | { problem: string } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => p === ''))
    return {
      problem: `The link had an override ${quote(token)} that is not in the form driver.level.quarter; it was ignored.`
    };
  const [driverId, levelId, span] = parts as [string, string, string];
  const driver = catalog.vocabulary.drivers.find((d) => d.id === driverId);
  if (!driver) {
    const ids = catalog.vocabulary.drivers.map((d) => d.id);
    return {
      problem: `The link named an unknown driver ${quote(driverId)}${didYouMean(driverId, ids)}; that override was ignored.`
    };
  }
  const levels = driver.levels.map((l) => l.id);
  if (!levels.includes(levelId))
    return {
      problem: `The link set ${driver.label} to an unknown level ${quote(levelId)}${didYouMean(levelId, levels)}; that override was ignored.`
    };
  const [fromText = '', untilText, ...rest] = span.split('-');
  const from = checkQuarter(fromText, catalog);
  const until = untilText === undefined ? undefined : checkQuarter(untilText, catalog);
  const bad =
    rest.length > 0
      ? `${quote(span)} is not a quarter or a span like 2026Q1-2026Q4`
      : 'problem' in from
        ? from.problem
        : until && 'problem' in until
          ? until.problem
          : until && 'quarter' in until && toIndex(until.quarter) < toIndex(from.quarter)
            ? `the span ${span} ends before it starts`
            : undefined;
  if (bad || !('quarter' in from))
    return {
      problem: `The link's override of ${driver.label}: ${bad ?? 'unreadable quarter'}; that override was ignored.`
    };
  return {
    override: {
      driver: driverId,
      level: levelId,
      from: from.quarter,
      ...(until && 'quarter' in until ? { until: until.quarter } : {})
    }
  };
}

function decodeUncertain(
  token: string,
  catalog: ExplorationCatalog
): { uncertain: UncertainDriver } | { problem: string } {
  // Weights may be decimals: only the first three dots separate fields.
  const [head = '', from0 = '', mode0 = '', ...tail] = token.split('.');
  const parts = [head, from0, mode0, tail.join('.')];
  const ignored = 'that uncertain driver was ignored.';
  if (tail.length === 0 || parts.some((p) => p === ''))
    return {
      problem: `The link had an uncertain driver ${quote(token)} that is not in the form driver.quarter.held-or-redrawn.level:weight,…; it was ignored.`
    };
  const [driverId, fromText, mode, weightsText] = parts as [string, string, string, string];
  const driver = catalog.vocabulary.drivers.find((d) => d.id === driverId);
  if (!driver) {
    const ids = catalog.vocabulary.drivers.map((d) => d.id);
    return {
      problem: `The link named an unknown uncertain driver ${quote(driverId)}${didYouMean(driverId, ids)}; ${ignored}`
    };
  }
  const from = checkQuarter(fromText, catalog);
  if ('problem' in from)
    return { problem: `The link's uncertain ${driver.label}: ${from.problem}; ${ignored}` };
  if (mode !== 'held' && mode !== 'redrawn')
    return {
      problem: `The link's uncertain ${driver.label} is ${quote(mode)}, not held or redrawn; ${ignored}`
    };
  const levels = driver.levels.map((l) => l.id);
  const weights: UncertainDriver['weights'] = [];
  for (const pair of weightsText.split(',')) {
    const [level = '', weightText = '', ...rest] = pair.split(':');
    const weight = Number(weightText);
    if (!levels.includes(level))
      return {
        problem: `The link gave uncertain ${driver.label} an unknown level ${quote(level)}${didYouMean(level, levels)}; ${ignored}`
      };
    if (rest.length > 0 || weightText === '' || !Number.isFinite(weight) || weight < 0)
      return {
        problem: `The link gave uncertain ${driver.label} the weight ${quote(pair)}, not level:number; ${ignored}`
      };
    if (weights.some((w) => w.level === level))
      return { problem: `The link weighed ${driver.label} at ${level} twice; ${ignored}` };
    weights.push({ level, weight });
  }
  if (!weights.some((w) => w.weight > 0))
    return { problem: `The link gave uncertain ${driver.label} no positive weight; ${ignored}` };
  return { uncertain: { driver: driverId, from: from.quarter, mode, weights } };
}

/**
 * Pure. Reads an exploration from a URL's query; each part that is missing takes its default,
 * each part that is broken takes its default and adds a notice saying what was ignored.
 */
export function decode(
  params: URLSearchParams,
  catalog: ExplorationCatalog
): { exploration: Exploration; notices: string[] } {
  const d = defaultExploration(catalog);
  const ids = catalog.scenarios.map((s) => s.id);
  const notices: string[] = [];
  const e: Exploration = { ...d, overrides: [], analysts: [...d.analysts] };

  const preset = params.get(KEYS.preset);
  if (preset !== null) {
    if (preset === OBSERVED_PRESET || ids.includes(preset)) e.preset = preset;
    else
      notices.push(
        `The link asked for the assumptions of an unknown analyst ${quote(preset)}${didYouMean(preset, ids)}; showing what happened instead.`
      );
  }

  const overrides = params.get(KEYS.overrides);
  if (overrides !== null) {
    for (const token of overrides.split(',').filter((t) => t.trim() !== '')) {
      const result = decodeOverride(token.trim(), catalog);
      if ('override' in result) e.overrides.push(result.override);
      else notices.push(result.problem);
    }
  }

  for (const token of params.getAll(KEYS.uncertain)) {
    if (token.trim() === '') continue;
    const result = decodeUncertain(token.trim(), catalog);
    if ('problem' in result) notices.push(result.problem);
    else if ((e.uncertain ?? []).some((u) => u.driver === result.uncertain.driver))
      notices.push(
        `The link made ${result.uncertain.driver} uncertain twice; the first one was kept.`
      );
    else e.uncertain = [...(e.uncertain ?? []), result.uncertain];
  }

  const analysts = params.get(KEYS.analysts);
  if (analysts !== null) {
    const asked = analysts.split(',').filter((a) => a.trim() !== '');
    const unknown = asked.filter((a) => !ids.includes(a));
    for (const a of unknown)
      notices.push(
        `The link named an unknown analyst ${quote(a)}${didYouMean(a, ids)}; it was left out.`
      );
    const known = ids.filter((id) => asked.includes(id));
    if (known.length > 0) e.analysts = known;
    else notices.push('The link showed no known analyst; showing all of them.');
  }

  const quarter = params.get(KEYS.quarter);
  if (quarter !== null) {
    const checked = checkQuarter(quarter, catalog);
    if ('quarter' in checked) e.quarter = checked.quarter;
    else notices.push(`The link's quarter ${checked.problem}; showing ${d.quarter} instead.`);
  }

  e.focus = e.analysts[0]!;
  const label = (id: string) => {
    const s = catalog.scenarios.find((x) => x.id === id);
    return s ? analystLabel(s, catalog) : id;
  };
  const focus = params.get(KEYS.focus);
  if (focus !== null) {
    if (e.analysts.includes(focus)) e.focus = focus;
    else if (ids.includes(focus))
      notices.push(
        `The link focused on ${label(focus)}, who is not among the analysts shown; focusing on ${label(e.focus)} instead.`
      );
    else
      notices.push(
        `The link focused on an unknown analyst ${quote(focus)}${didYouMean(focus, ids)}; focusing on ${label(e.focus)} instead.`
      );
  }

  return { exploration: e, notices };
}

/** The engine preset an exploration's `preset` stands for. Pure. */
export function presetOf(preset: string, catalog: Pick<Catalog, 'scenarios'>): Preset {
  const scenario = catalog.scenarios.find((s) => s.id === preset);
  return scenario ? { kind: 'assumed', scenario } : { kind: 'observed' };
}

/**
 * Sets `driver` to `level` from `from` onward: overrides of that driver starting at or after
 * `from` are dropped (they would be hidden), earlier ones stay (they still hold before `from`).
 * Pure; returns a new list.
 */
export function setOverride(
  overrides: Override[],
  driver: string,
  level: string,
  from: Quarter
): Override[] {
  const at = toIndex(from);
  return [
    ...overrides.filter((o) => o.driver !== driver || toIndex(o.from) < at),
    { driver, level, from }
  ];
}

/** Removes every override of `driver`. Pure. */
export function clearOverrides(overrides: Override[], driver: string): Override[] {
  return overrides.filter((o) => o.driver !== driver);
}

/** "Trenin 2020", or "Trenin 2020 (guardrails)" when the author wrote two forecasts that year. */
export function analystLabel(
  scenario: Scenario,
  catalog: { scenarios: readonly Scenario[]; userForecasts?: readonly string[] }
): string {
  const all = catalog.scenarios;
  const short = (s: Scenario) =>
    `${s.source.citeAs ?? s.source.author.split(/\s+/).at(-1)} ${s.source.published.slice(0, 4)}`;
  const name = short(scenario);
  // A forecast the user wrote or imported says so wherever it is named.
  const tags = catalog.userForecasts?.includes(scenario.id) ? ['yours'] : [];
  if (all.filter((s) => short(s) === name).length > 1) {
    const year = scenario.source.published.slice(0, 4);
    tags.unshift(scenario.id.split(`-${year}-`)[1]?.replaceAll('-', ' ') ?? scenario.source.title);
  }
  return tags.length ? `${name} (${tags.join(', ')})` : name;
}
