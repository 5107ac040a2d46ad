/**
 * Every claim a forecast file makes, grouped by the paragraph it cites, so a reader can audit the
 * encoding of one article in one place.
 */
import type { Scenario, Vocabulary } from './schema';
import { formatLevel } from './describe';

export interface Citation {
  /** What cites the paragraph, in words: "State: Guardrailed confrontation (−1)". */
  kind: 'start' | 'state' | 'transition' | 'probability' | 'assumption' | 'claim' | 'driver';
  what: string;
  quote?: string;
}

export interface ParagraphCitations {
  para: number;
  citations: Citation[];
}

/** Pure. Paragraphs in ascending order; within one, the order of the file. */
export function citationsByParagraph(
  scenario: Scenario,
  vocabulary: Vocabulary
): ParagraphCitations[] {
  const byPara = new Map<number, Citation[]>();
  const add = (para: number, citation: Citation) =>
    byPara.set(para, [...(byPara.get(para) ?? []), citation]);
  const label = (id: string) => scenario.states[id]?.label ?? id;

  add(scenario.start.source.para, {
    kind: 'start',
    what: `Starts in ${scenario.start.quarter} at ${label(scenario.start.state)}`,
    quote: scenario.start.source.quote
  });
  for (const state of Object.values(scenario.states)) {
    add(state.source.para, {
      kind: 'state',
      what: `${state.label} (${formatLevel(state.level)})`,
      quote: state.source.quote
    });
  }
  for (const t of scenario.transitions) {
    add(t.source.para, {
      kind: 'transition',
      what: `${label(t.from)} → ${label(t.to)}`,
      quote: t.source.quote
    });
    if (t.probability) {
      const p = t.probability;
      add(p.source.para, {
        kind: 'probability',
        what: `Chance of ${label(t.from)} → ${label(t.to)}: ${p.term ?? p.value}${p.withinQuarters ? ` within ${p.withinQuarters} quarters` : ''}`,
        quote: p.source.quote
      });
    }
  }
  const driverLabel = (id: string) => vocabulary.drivers.find((d) => d.id === id)?.label ?? id;
  for (const [driver, a] of Object.entries(scenario.assumptions.drivers)) {
    add(a.source.para, {
      kind: 'assumption',
      what: `Assumes ${driverLabel(driver)}: ${a.level}`,
      quote: a.source.quote
    });
  }
  for (const c of scenario.assumptions.changes) {
    add(c.source.para, {
      kind: 'assumption',
      what: `Assumes ${driverLabel(c.driver)}: ${c.level} from ${c.from}`,
      quote: c.source.quote
    });
  }
  for (const c of scenario.claims) {
    add(c.source.para, {
      kind: 'claim',
      what: `Claim checked on the scorecard: ${c.claim}`,
      quote: c.source.quote
    });
  }
  for (const d of vocabulary.drivers) {
    for (const s of d.sources) {
      if (s.ref === scenario.source.ref) {
        add(s.para, { kind: 'driver', what: `Driver: ${d.label}` });
      }
    }
  }
  return [...byPara.entries()]
    .sort(([a], [b]) => a - b)
    .map(([para, citations]) => ({ para, citations }));
}
