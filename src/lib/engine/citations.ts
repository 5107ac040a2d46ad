/**
 * Every element a forecast file cites, grouped by the paragraph it cites, so a reader can audit
 * the encoding of one article in one place: what each element says (in our words), the article's
 * words where it states it, and why the model reads it in where it does not.
 */
import type { Guard, Scenario, SourceRef, Vocabulary } from './schema';
import { describeGuard, formatLevel } from './describe';

export interface Citation {
  /** What cites the paragraph. */
  kind:
    | 'start'
    | 'state'
    | 'transition'
    | 'condition'
    | 'probability'
    | 'assumption'
    | 'claim'
    | 'driver';
  /** The element in words: "Guardrailed confrontation (−1)". */
  what: string;
  /** Our paraphrase of what the element means, where the file gives one. */
  paraphrase?: string;
  /** Absent only for the driver vocabulary's citations, which are not the analyst's claims. */
  basis?: SourceRef['basis'];
  quote?: string;
  why?: string;
  /** The state or transition of the model the element belongs to, to show it in /explore. */
  element?: { kind: 'state' | 'transition'; id: string };
}

export interface ParagraphCitations {
  para: number;
  citations: Citation[];
}

function leaves(guard: Guard): Guard[] {
  if (guard.type === 'and' || guard.type === 'or') return guard.params.guards.flatMap(leaves);
  if (guard.type === 'not') return leaves(guard.params.guard);
  return [guard];
}

/** Pure. Paragraphs in ascending order; within one, the order of the file. */
export function citationsByParagraph(
  scenario: Scenario,
  vocabulary: Vocabulary
): ParagraphCitations[] {
  const byPara = new Map<number, Citation[]>();
  const add = (source: SourceRef, citation: Omit<Citation, 'basis' | 'quote' | 'why'>) =>
    byPara.set(source.para, [
      ...(byPara.get(source.para) ?? []),
      {
        ...citation,
        basis: source.basis,
        ...(source.quote ? { quote: source.quote } : {}),
        ...(source.why ? { why: source.why } : {})
      }
    ]);
  const label = (id: string) => scenario.states[id]?.label ?? id;
  const driverLabel = (id: string) => vocabulary.drivers.find((d) => d.id === id)?.label ?? id;

  add(scenario.start.source, {
    kind: 'start',
    what: `Starts in ${scenario.start.quarter} at ${label(scenario.start.state)}`,
    element: { kind: 'state', id: scenario.start.state }
  });
  for (const [id, state] of Object.entries(scenario.states)) {
    add(state.source, {
      kind: 'state',
      what: `${state.label} (${formatLevel(state.level)})`,
      paraphrase: state.description,
      element: { kind: 'state', id }
    });
  }
  for (const t of scenario.transitions) {
    const element = { kind: 'transition' as const, id: t.id };
    add(t.source, {
      kind: 'transition',
      what: `${label(t.from)} → ${label(t.to)}`,
      ...(t.description ? { paraphrase: t.description } : {}),
      element
    });
    for (const leaf of leaves(t.guard)) {
      const source = (leaf as { source?: SourceRef }).source;
      if (source) {
        add(source, {
          kind: 'condition',
          what: `${describeGuard(leaf, vocabulary)}, for ${label(t.from)} → ${label(t.to)}`,
          element
        });
      }
    }
    if (t.probability) {
      const p = t.probability;
      add(p.source, {
        kind: 'probability',
        what: `Chance of ${label(t.from)} → ${label(t.to)}: ${p.term ?? p.value}${p.withinQuarters ? ` within ${p.withinQuarters} quarters` : ' a quarter'}`,
        element
      });
    }
  }
  for (const [driver, a] of Object.entries(scenario.assumptions.drivers)) {
    add(a.source, { kind: 'assumption', what: `Assumes ${driverLabel(driver)}: ${a.level}` });
  }
  for (const c of scenario.assumptions.changes) {
    const what = c.fork
      ? `Leaves ${driverLabel(c.driver)} open from ${c.from}: ${c.fork.map((b) => `${b.level} (${b.probability.term ?? b.probability.value})`).join(' or ')}`
      : `Assumes ${driverLabel(c.driver)}: ${c.level} from ${c.from}`;
    add(c.source, { kind: 'assumption', what });
  }
  for (const c of scenario.claims) {
    add(c.source, { kind: 'claim', what: 'Claim checked on the scorecard', paraphrase: c.claim });
  }
  for (const d of vocabulary.drivers) {
    for (const s of d.sources) {
      if (s.ref === scenario.source.ref) {
        byPara.set(s.para, [
          ...(byPara.get(s.para) ?? []),
          { kind: 'driver', what: `Driver: ${d.label}` }
        ]);
      }
    }
  }
  return [...byPara.entries()]
    .sort(([a], [b]) => a - b)
    .map(([para, citations]) => ({ para, citations }));
}

/**
 * The original article's address scrolled to a quote (a URL text fragment, which browsers
 * highlight), or undefined when the article has no known address. Pure.
 */
export function textFragmentUrl(url: string | undefined, quote: string | undefined) {
  if (!url) return undefined;
  if (!quote) return url;
  // A fragment directive's text must escape what would end or split it: & , - and spaces.
  const encoded = encodeURIComponent(quote.replace(/\s+/g, ' ').trim()).replace(/-/g, '%2D');
  return `${url.split('#')[0]}#:~:text=${encoded}`;
}
