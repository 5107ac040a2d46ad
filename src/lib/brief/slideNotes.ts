/**
 * What a slide shows, in words: speaker notes (the analysts' states and levels at
 * the selected quarter, the drivers that differ from the observed history) and the paragraphs it
 * rests on. Computed again from the slide's saved link, so notes always match the chart. Pure.
 */
import { levelLabel, type Catalog, type SourceRef } from '../engine';
import { formatLevel } from '../charts/timelineMath';
import { analystLabel, decode, type Exploration } from '../state/exploration';
import {
  driversDifferingFromObserved,
  runView,
  scoreRows,
  standings,
  cruxRows,
  type ViewRun
} from '../state/views';
import { decompositionSentences, scoreSentence } from '../state/scorecardText';
import type { SlideSource, SlideView } from './deck';

export interface SlideText {
  notes: string;
  sources: SlideSource[];
}

/** The exploration a slide's query stands for, read the same way a link is. */
export function explorationOf(catalog: Catalog, query: string): Exploration {
  return decode(new URLSearchParams(query), catalog).exploration;
}

function presetWords(catalog: Catalog, e: Exploration): string {
  const preset =
    e.preset === 'observed'
      ? 'what happened (carried forward after the record ends)'
      : `${analystLabel(
          catalog.scenarios.find((s) => s.id === e.preset)!,
          catalog
        )}’s assumptions`;
  const overrides = e.overrides.map(
    (o) =>
      `${catalog.vocabulary.drivers.find((d) => d.id === o.driver)?.label ?? o.driver} ${levelLabel(catalog.vocabulary, o.driver, o.level)} from ${o.from}${o.until ? ` to ${o.until}` : ''}`
  );
  return `Drivers follow ${preset}${overrides.length ? `, with overrides: ${overrides.join('; ')}` : ''}.`;
}

function differing(catalog: Catalog, run: ViewRun, quarter: string): string {
  const diff = driversDifferingFromObserved(catalog, run, quarter);
  if (diff.length === 0) return `In ${quarter} every driver is at its observed level.`;
  return `Drivers that differ from the observed history in ${quarter}: ${diff
    .map(
      (d) =>
        `${d.label} ${levelLabel(catalog.vocabulary, d.driver, d.level)} (observed ${levelLabel(catalog.vocabulary, d.driver, d.observed)})`
    )
    .join('; ')}.`;
}

/** The paragraphs behind each analyst's state at the quarter: the state and the transition into it. */
function pathSources(catalog: Catalog, run: ViewRun, quarter: string, ids: string[]) {
  const sources: SlideSource[] = [];
  for (const id of ids) {
    const scenario = catalog.models.get(id)!.scenario;
    const steps = run.paths.get(id)!.steps;
    const at = steps.findIndex((s) => s.quarter === quarter);
    if (at < 0) continue;
    const ref = scenario.source.ref;
    sources.push({ ref, para: scenario.states[steps[at]!.state]!.source.para });
    for (let i = at; i >= 0; i--) {
      const taken = steps[i]!.transitions.at(-1);
      if (taken) {
        sources.push({ ref, para: taken.source.para });
        break;
      }
      if (i === 0) sources.push({ ref, para: scenario.start.source.para });
    }
  }
  return sources;
}

function standingWords(run: ViewRun, quarter: string): string {
  const all = standings(run, quarter);
  if (all.length === 0) return `No analyst’s forecast has started by ${quarter}.`;
  return `In ${quarter}: ${all.map((s) => `${s.label} at ${s.state} (${formatLevel(s.level)})`).join('; ')}.`;
}

export function sourcesLine(catalog: Catalog, sources: SlideSource[]): string {
  if (sources.length === 0) return '';
  const byRef = new Map<string, number[]>();
  for (const s of sources) byRef.set(s.ref, [...(byRef.get(s.ref) ?? []), s.para]);
  const label = (ref: string) => {
    const scenario = catalog.scenarios.find((s) => s.source.ref === ref);
    return scenario ? analystLabel(scenario, catalog) : ref;
  };
  return `Sources: ${[...byRef]
    .map(
      ([ref, paras]) =>
        `${label(ref)} ${[...new Set(paras)]
          .sort((a, b) => a - b)
          .map((p) => `¶${p}`)
          .join(', ')}`
    )
    .join('; ')}.`;
}

const unique = (sources: SlideSource[]) =>
  [...new Map(sources.map((s) => [`${s.ref}¶${s.para}`, s])).values()].sort((a, b) =>
    a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : a.para - b.para
  );

/**
 * The slide's one-line footnote on readings: which analysts shown stand where they do through the
 * model's own readings rather than the article's words, or, on a score slide, that scores count
 * only what was stated. Undefined when nothing shown rests on a reading. Pure.
 */
export function slideFootnote(
  catalog: Catalog,
  view: SlideView,
  query: string
): string | undefined {
  if (view === 'scorecard-events') return undefined;
  if (view.startsWith('scorecard'))
    return 'Model’s reading: quarters a model reached through its own readings, not its article’s words, are left out of the scores.';
  const e = explorationOf(catalog, query);
  const run = runView(catalog, e);
  const shown = view === 'explore-diagram' ? run.shown.filter((a) => a.id === e.focus) : run.shown;
  const read = shown.filter((a) =>
    run.paths.get(a.id)!.steps.some((st) => st.quarter === e.quarter && st.readings.length > 0)
  );
  if (read.length === 0) return undefined;
  if (read.length > 2 && read.length === shown.length)
    return `Model’s reading: where all ${read.length} analysts stand in ${e.quarter} rests on steps the articles do not state.`;
  const names = read.map((a) => a.label);
  const list =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Model’s reading: where ${list} ${read.length === 1 ? 'stands' : 'stand'} in ${e.quarter} rests on steps the ${read.length === 1 ? 'article does' : 'articles do'} not state.`;
}

/** Pure. */
export function describeSlide(catalog: Catalog, view: SlideView, query: string): SlideText {
  const e = explorationOf(catalog, query);
  const lines: string[] = [];
  let sources: SlideSource[] = [];

  if (view.startsWith('explore') || view.startsWith('compare')) {
    const run = runView(catalog, e);
    const focus = run.shown.find((a) => a.id === e.focus) ?? run.shown[0]!;
    if (view === 'explore-diagram') {
      lines.push(`The states of ${focus.label}’s model, with the path taken up to ${e.quarter}.`);
      lines.push(standingWords({ ...run, shown: [focus] }, e.quarter));
      sources = pathSources(catalog, run, e.quarter, [focus.id]);
    } else {
      const shownIds = run.shown.map((a) => a.id);
      lines.push(standingWords(run, e.quarter));
      if (view === 'compare-crux') {
        const moving = cruxRows(catalog, run).filter((r) => r.changed.length > 0);
        lines.push(
          moving.length === 0
            ? 'No single driver moved one level changes any analyst’s level over the horizon.'
            : `Crux drivers (analysts whose level changes in some quarter if the driver moves one level): ${moving.map((r) => `${r.label} ${r.changed.length}`).join(', ')}.`
        );
      }
      sources = pathSources(catalog, run, e.quarter, shownIds);
    }
    lines.unshift(presetWords(catalog, e));
    lines.push(differing(catalog, run, e.quarter));
  } else {
    const rows = scoreRows(catalog);
    if (view === 'scorecard-table') {
      lines.push(...rows.map((r) => scoreSentence(r.score, r.label)));
    } else if (view === 'scorecard-decomposition') {
      lines.push(...rows.flatMap((r) => decompositionSentences(r.score, r.label)));
    } else {
      const events = catalog.history.events;
      lines.push(
        `${events.length} observed events from ${events[0]?.date} to ${events.at(-1)?.date}, by topic, warming or cooling, under the observed relationship level. Each event’s source is linked in the record.`
      );
    }
    sources = rows.flatMap((r) =>
      r.claims.map((c) => ({
        ref: r.scenario.source.ref,
        para: (c.claim.source as SourceRef).para
      }))
    );
  }
  sources = unique(sources);
  const line = sourcesLine(catalog, sources);
  const footnote = slideFootnote(catalog, view, query);
  return {
    notes: [...lines, ...(footnote ? [footnote] : []), ...(line ? [line] : [])].join('\n\n'),
    sources
  };
}
