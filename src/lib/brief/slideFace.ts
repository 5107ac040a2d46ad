/**
 * What a slide says on its face, besides its chart: a title that states the finding in words, a
 * one-line caveat (hypothetical drivers, or a model's reading that decides the result) and one
 * sources line (analysts, ¶, the end of the observed record). Computed again from the slide's
 * saved link, so a what-if can never lose its "Hypothetical" mark. Pure.
 */
import { driverLabel, levelLabel, formatLevel, lower, type Catalog } from '../engine';
import { uncertainText } from '../ask/askText';
import { analystLabel, observedThrough, type Exploration } from '../state/exploration';
import { cruxRows, runView, scoreRows, standings, type ViewRun } from '../state/views';
import { describeSlide, explorationOf, slideFootnote, sourcesLine } from './slideNotes';
import type { SlideSource, SlideView } from './deck';

/** "−1, guardrailed": a level always with its name on the shared scale. */
export function levelWords(catalog: Pick<Catalog, 'scale'>, level: number): string {
  const name = catalog.scale.levels.find((l) => l.level === level)?.label;
  return name ? `${formatLevel(level)}, ${name.toLowerCase()}` : formatLevel(level);
}

/** The scale as a key line: "−3 Rupture · −2 Confrontation · …". */
export function scaleKey(catalog: Pick<Catalog, 'scale'>): string {
  return catalog.scale.levels.map((l) => `${formatLevel(l.level)} ${l.label}`).join(' · ');
}

const isExploring = (view: SlideView) => view.startsWith('explore') || view.startsWith('compare');

/**
 * The overrides and drivers with odds in words: "Sanctions easing from 2027Q1; Ukraine from
 * 2026Q3, held: ceasefire 60%, war 40%".
 */
function overrideWords(catalog: Catalog, e: Exploration): string {
  return [
    ...e.overrides.map(
      (o) =>
        `${driverLabel(catalog.vocabulary, o.driver)} ${lower(levelLabel(catalog.vocabulary, o.driver, o.level))} ${o.until ? `${o.from}–${o.until}` : `from ${o.from}`}`
    ),
    ...(e.uncertain ?? []).map((u) => uncertainText(u, catalog.vocabulary))
  ].join('; ');
}

const isWhatIf = (e: Exploration) => e.overrides.length > 0 || (e.uncertain ?? []).length > 0;

function presetName(catalog: Catalog, e: Exploration): string | undefined {
  const scenario = catalog.scenarios.find((s) => s.id === e.preset);
  return scenario ? analystLabel(scenario, catalog) : undefined;
}

/**
 * "Hypothetical: …" when what the slide shows rests on drivers nobody observed: the user's
 * overrides, an analyst's own assumptions, or levels carried past the end of the record.
 * Undefined for a slide of what happened.
 */
export function hypothetical(catalog: Catalog, view: SlideView, query: string): string | undefined {
  if (!isExploring(view)) return undefined;
  const e = explorationOf(catalog, query);
  if (isWhatIf(e)) return `Hypothetical: ${overrideWords(catalog, e)}`;
  const analyst = presetName(catalog, e);
  if (analyst) return `Hypothetical: drivers follow ${analyst}’s own assumptions`;
  const end = observedThrough(catalog);
  if (e.quarter > end)
    return `Hypothetical: drivers held at their ${end} levels after the record ends`;
  return undefined;
}

/**
 * The slide's one-line caveat: hypothetical drivers first, then "Model's reading" where a reading
 * decides where an analyst stands. Undefined when the slide shows only stated, observed things.
 */
export function slideCaveat(catalog: Catalog, view: SlideView, query: string): string | undefined {
  const parts: string[] = [];
  const hypo = hypothetical(catalog, view, query);
  if (hypo) parts.push(hypo);
  const reading = slideFootnote(catalog, view, query);
  if (reading) parts.push(reading);
  return parts.length ? parts.join(' · ') : undefined;
}

/** The one sources line on a slide's face: analysts and ¶, then the record's end. */
export function faceSources(catalog: Catalog, sources: SlideSource[]): string {
  const cited = sourcesLine(catalog, sources).replace(/\.$/, '');
  const record = `observed record to ${observedThrough(catalog)}`;
  return cited ? `${cited} · ${record}` : `Sources: ${record}`;
}

/** "Under the observed drivers", "With Sanctions easing from 2027Q1", … */
function driversPhrase(catalog: Catalog, e: Exploration): string {
  if (isWhatIf(e)) return `With ${midSentence(overrideWords(catalog, e))}`;
  const analyst = presetName(catalog, e);
  if (analyst) return `On ${analyst}’s own assumptions`;
  if (e.quarter > observedThrough(catalog))
    return `With drivers held at their ${observedThrough(catalog)} levels`;
  return 'Under the observed drivers';
}

/**
 * "Sanctions easing" → "sanctions easing" inside a sentence; names stay capitalised ("White House
 * stance", "Ukraine war", "China factor", "U.S. political consensus").
 */
const midSentence = lower;

/** Characters of a finding (after its lead) that still leave a title on two slide lines. */
const TITLE_ROOM = 90;

/** "3 of 5 analysts see relations at −1, guardrailed, in 2027Q1; the other 2 …". */
function majorityWords(catalog: Catalog, run: ViewRun, quarter: string): string {
  const all = standings(run, quarter);
  if (all.length === 0) return `no analyst’s forecast has started by ${quarter}`;
  const counts = new Map<number, number>();
  for (const s of all) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  const [level, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  if (all.length === 1)
    return `${all[0]!.label} sees relations at ${levelWords(catalog, level)}, in ${quarter}`;
  if (count === all.length)
    return `all ${count} analysts see relations at ${levelWords(catalog, level)}, in ${quarter}`;
  const others = all.filter((s) => s.level !== level).map((s) => s.level);
  const [low, high] = [Math.min(...others), Math.max(...others)];
  const named = (l: number) => {
    const name = catalog.scale.levels.find((x) => x.level === l)?.label.toLowerCase();
    return name ? `${name} (${formatLevel(l)})` : formatLevel(l);
  };
  const rest =
    others.length === 1
      ? `one at ${named(low)}`
      : low === high
        ? `others at ${named(low)}`
        : `others from ${named(low)} to ${named(high)}`;
  const main = `${count} of ${all.length} analysts see relations at ${levelWords(catalog, level)}, in ${quarter}`;
  // A title past two lines on a slide crowds the chart: the spread is then left to the notes.
  return main.length + rest.length > TITLE_ROOM ? main : `${main}; ${rest}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A title that states what the slide finds, in words, from the engine's result; the user may
 * still edit it. Falls back to a plain description where no single finding applies.
 */
export function findingTitle(catalog: Catalog, view: SlideView, query: string): string {
  if (isExploring(view)) {
    const e = explorationOf(catalog, query);
    const run = runView(catalog, e);
    const lead = driversPhrase(catalog, e);
    if (view === 'explore-diagram') {
      const focus = run.shown.find((a) => a.id === e.focus) ?? run.shown[0]!;
      const step = run.paths.get(focus.id)!.steps.find((s) => s.quarter === e.quarter);
      if (!step) return `${focus.label}’s forecast has not started by ${e.quarter}`;
      return `${lead}, ${focus.label}’s model is at ${step.label} (${levelWords(catalog, step.level)}) in ${e.quarter}`;
    }
    if (view === 'compare-crux') {
      const rows = cruxRows(catalog, run);
      const top = rows.find((r) => r.changed.length > 0);
      const total = run.shown.length;
      if (!top)
        return 'Over the horizon, no single driver moved one level changes any analyst’s level';
      return `${top.label} splits the analysts most over the horizon: one level’s move changes ${top.changed.length} of ${total}`;
    }
    return `${lead}, ${majorityWords(catalog, run, e.quarter)}`;
  }
  const rows = scoreRows(catalog);
  if (view === 'scorecard-table') {
    const best = rows.find((r) => r.score.ranked);
    if (!best) return 'No forecast has enough stated quarters to rank yet';
    const within = best.score.runA.withinOne;
    return `${best.label} scores best against what happened${within === undefined ? '' : `: within one level in ${Math.round(within * 100)}% of quarters`}`;
  }
  if (view === 'scorecard-decomposition') {
    const closer = rows.filter(
      (r) => (r.score.runB.meanAbsoluteError ?? 0) < (r.score.runA.meanAbsoluteError ?? 0)
    ).length;
    return capitalise(
      `${closer} of ${rows.length} forecasts come closer on the observed drivers than on their own assumptions`
    );
  }
  const quarters = catalog.history.quarters;
  const first = quarters[0]!;
  const last = quarters.at(-1)!;
  return `Relations went from ${levelWords(catalog, first.level)}, in ${first.quarter} to ${levelWords(catalog, last.level)}, in ${last.quarter}`;
}

/**
 * A new slide's title and notes: the finding as its title; as notes, what it shows, the drivers
 * in force, the paragraphs behind it and, given `link` (the view's full address), how to reopen it.
 */
export function prefillSlide(catalog: Catalog, view: SlideView, query: string, link?: string) {
  const text = describeSlide(catalog, view, query);
  return {
    title: findingTitle(catalog, view, query),
    notes: link ? `${text.notes}\n\n${reopenLine(link)}` : text.notes,
    sources: text.sources
  };
}

const REOPEN = 'Reopen this view: ';
const reopenLine = (link: string) => `${REOPEN}${link}`;

/**
 * The speaker notes as exported: the user's notes, then what they lack of the caveat, the sources
 * and the link that reopens the view, each once (older slides were saved without some of them).
 */
export function exportNotes(
  catalog: Catalog,
  slide: { view: SlideView; query: string; notes: string; sources: SlideSource[] },
  link: string
): string {
  const notes = slide.notes.trim();
  const extra: string[] = [];
  const caveat = hypothetical(catalog, slide.view, slide.query);
  if (caveat && !notes.includes('Hypothetical')) extra.push(`${caveat}.`);
  if (!/^Sources:/m.test(notes)) extra.push(`${faceSources(catalog, slide.sources)}.`);
  if (!notes.includes(REOPEN)) extra.push(reopenLine(link));
  return [notes, ...extra].filter(Boolean).join('\n\n');
}
