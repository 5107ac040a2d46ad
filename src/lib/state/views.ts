/**
 * What each chart shows, computed from the catalog and an exploration: shared by the pages, which
 * show the charts live, and by the briefing deck, which renders a chart again from a saved link.
 * Pure: no Svelte, no DOM.
 */
import {
  buildSchedule,
  claimVerdict,
  horizonCrux,
  driverLabel,
  cachedRunPath,
  scorecard,
  rankScores,
  toIndex,
  type Catalog,
  type Model,
  type PathResult,
  type Schedule
} from '../engine';
import { analystStyles } from '../charts/palette';
import { formatLevel } from '../charts/timelineMath';
import { analystLabel, presetOf, type Exploration } from './exploration';

export interface Analyst {
  id: string;
  label: string;
  colour: string;
  /** A line pattern (SVG dasharray) where the colour alone is shared. */
  dash?: string;
  /** The user wrote or imported this forecast. */
  yours: boolean;
  index: number;
}

/** Every analyst in catalog order, with its label and its colour by id (palette.ts), no two alike. */
export function analystsOf(catalog: Pick<Catalog, 'scenarios' | 'userForecasts'>): Analyst[] {
  const styles = analystStyles(catalog.scenarios.map((s) => s.id));
  return catalog.scenarios.map((s, index) => ({
    id: s.id,
    label: analystLabel(s, catalog),
    ...styles.get(s.id)!,
    yours: catalog.userForecasts?.includes(s.id) ?? false,
    index
  }));
}

export interface ViewRun {
  schedule: Schedule;
  /** Every analyst's path under the schedule, by id. */
  paths: Map<string, PathResult>;
  /** The analysts shown, in catalog order. */
  shown: Analyst[];
}

/** Every analyst's path under one schedule: showing or hiding one costs nothing. */
export function pathsUnder(
  catalog: Catalog,
  schedule: Schedule,
  // A second schedule kept alongside the view's (a baseline) runs uncached, so that it does not
  // evict the view's own paths from the one-entry-per-model cache.
  run: (model: Model, schedule: Schedule) => PathResult = cachedRunPath
): Map<string, PathResult> {
  return new Map(catalog.scenarios.map((s) => [s.id, run(catalog.models.get(s.id)!, schedule)]));
}

/** Runs every model on an exploration's drivers (a saved slide; live pages use ExplorationView). */
export function runView(catalog: Catalog, e: Exploration): ViewRun {
  const schedule = buildSchedule(catalog, presetOf(e.preset, catalog), e.overrides);
  return {
    schedule,
    paths: pathsUnder(catalog, schedule),
    shown: analystsOf(catalog).filter((a) => e.analysts.includes(a.id))
  };
}

export interface MatrixCellData {
  quarter: string;
  level: number | null;
  label?: string;
  /** The model got here through one of its own readings. */
  reading?: boolean;
}

export interface MatrixRowData {
  id: string;
  label: string;
  colour?: string;
  cells: MatrixCellData[];
}

export const OBSERVED_ROW = 'observed';

/** The compare matrix: what happened on top, then one row per analyst shown. */
export function matrixRows(catalog: Catalog, run: ViewRun, quarters: string[]): MatrixRowData[] {
  const observed = new Map(catalog.history.quarters.map((q) => [q.quarter, q.level]));
  const scaleName = (level: number) => catalog.scale.levels.find((l) => l.level === level)?.label;
  return [
    {
      id: OBSERVED_ROW,
      label: 'What happened',
      cells: quarters.map((q) => {
        const level = observed.get(q);
        return {
          quarter: q,
          level: level ?? null,
          label: level === undefined ? undefined : scaleName(level)
        };
      })
    },
    ...run.shown.map((a) => {
      const byQuarter = new Map(run.paths.get(a.id)!.steps.map((s) => [s.quarter, s]));
      return {
        id: a.id,
        label: a.label,
        colour: a.colour,
        cells: quarters.map((q) => {
          const s = byQuarter.get(q);
          return {
            quarter: q,
            level: s?.level ?? null,
            label: s?.label,
            ...(s && s.readings.length > 0 ? { reading: true } : {})
          };
        })
      };
    })
  ];
}

/** Each shown analyst's state and level at `quarter`; analysts not started yet are left out. */
export function standings(run: ViewRun, quarter: string) {
  return run.shown.flatMap((a) => {
    const s = run.paths.get(a.id)!.steps.find((x) => x.quarter === quarter);
    return s
      ? [{ id: a.id, label: a.label, colour: a.colour, level: s.level, state: s.label, step: s }]
      : [];
  });
}

/**
 * The crux chart's rows: drivers ranked by how many analysts' levels change, in some quarter of
 * the horizon, when the driver alone moves one level; per analyst moved, where and when, in words.
 */
export function cruxRows(catalog: Catalog, run: ViewRun) {
  const models = run.shown.map((a) => catalog.models.get(a.id)!);
  return horizonCrux(models, run.schedule, catalog.vocabulary).map((r) => ({
    driver: r.driver,
    label: driverLabel(catalog.vocabulary, r.driver),
    quarters: r.quarters,
    changed: r.changed.map((c) => {
      const a = run.shown.find((x) => x.id === c.scenario)!;
      const states = catalog.models.get(a.id)!.scenario.states;
      return {
        id: a.id,
        label: a.label,
        colour: a.colour,
        moves: c.moves.map((m) => {
          const how =
            m.move === 'up'
              ? 'one level up'
              : m.move === 'down'
                ? 'one level down'
                : `at ${m.move}`;
          const span = m.quarters === 1 ? '1 quarter' : `${m.quarters} quarters`;
          return `${how} → ${states[m.to.state]!.label} (${formatLevel(m.to.level)}) from ${m.firstQuarter}, ${span} differ`;
        })
      };
    })
  }));
}

/** The drivers in force at `quarter` that differ from what was observed (or carried forward). */
export function driversDifferingFromObserved(catalog: Catalog, run: ViewRun, quarter: string) {
  const observed = buildSchedule(catalog, { kind: 'observed' });
  const at = toIndex(quarter);
  const now = run.schedule.levels[at - run.schedule.first]!;
  const seen = observed.levels[at - observed.first]!;
  return catalog.vocabulary.drivers
    .filter((d) => now[d.id] !== seen[d.id])
    .map((d) => ({ driver: d.id, label: d.label, level: now[d.id]!, observed: seen[d.id]! }));
}

/** The scorecard's rows: every scored analyst with its scores and claim verdicts. */
export function scoreRows(catalog: Catalog) {
  const analysts = analystsOf(catalog);
  return rankScores(scorecard(catalog)).map((score) => {
    const a = analysts.find((x) => x.id === score.scenario)!;
    const scenario = catalog.scenarios[a.index]!;
    return {
      ...a,
      scenario,
      score,
      claims: scenario.claims.map((c) => claimVerdict(c, catalog.history, catalog.vocabulary))
    };
  });
}
