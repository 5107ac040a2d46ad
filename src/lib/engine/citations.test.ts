import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { citationsByParagraph, textFragmentUrl } from './citations';

const catalog = realCatalog();

describe('citationsByParagraph', () => {
  it('lists every state, transition, probability and assumption of a forecast exactly once', () => {
    for (const scenario of catalog.scenarios) {
      const all = citationsByParagraph(scenario, catalog.vocabulary).flatMap((p) => p.citations);
      const count = (kind: string) => all.filter((c) => c.kind === kind).length;
      expect(count('state')).toBe(Object.keys(scenario.states).length);
      expect(count('transition')).toBe(scenario.transitions.length);
      expect(count('probability')).toBe(scenario.transitions.filter((t) => t.probability).length);
      expect(count('assumption')).toBe(
        Object.keys(scenario.assumptions.drivers).length + scenario.assumptions.changes.length
      );
      expect(count('start')).toBe(1);
    }
  });

  it('groups by paragraph in ascending order, each citing the paragraph it is filed under', () => {
    const notte = catalog.scenarios.find((s) => s.id === 'notte-2025-reset')!;
    const paragraphs = citationsByParagraph(notte, catalog.vocabulary);
    const numbers = paragraphs.map((p) => p.para);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const uTurn = notte.transitions.find((t) => t.probability)!;
    const filed = paragraphs.find((p) => p.para === uTurn.probability!.source.para)!;
    expect(filed.citations.some((c) => c.kind === 'probability')).toBe(true);
  });
});

describe('citations carry their basis', () => {
  it('gives every element of a forecast its basis, a quote where stated and a why where read in', () => {
    for (const scenario of catalog.scenarios) {
      const all = citationsByParagraph(scenario, catalog.vocabulary)
        .flatMap((p) => p.citations)
        .filter((c) => c.kind !== 'driver');
      for (const c of all) {
        expect(['stated', 'reading']).toContain(c.basis);
        if (c.basis === 'stated') expect(c.quote, c.what).toBeTruthy();
        else expect(c.why, c.what).toBeTruthy();
      }
      expect(all.some((c) => c.basis === 'reading')).toBe(true);
    }
  });

  it('links each state and transition citation back to its element', () => {
    const trenin = catalog.scenarios.find((s) => s.id === 'trenin-2020-guardrails')!;
    const all = citationsByParagraph(trenin, catalog.vocabulary).flatMap((p) => p.citations);
    const rupture = all.find((c) => c.kind === 'state' && c.element?.id === 'rupture')!;
    expect(rupture.element).toEqual({ kind: 'state', id: 'rupture' });
    expect(rupture.paraphrase).toBe(trenin.states.rupture!.description);
    expect(
      all.filter((c) => c.kind === 'condition').every((c) => c.element?.kind === 'transition')
    ).toBe(true);
  });
});

describe('textFragmentUrl', () => {
  it('points at the quote with a text fragment, escaping what would break it', () => {
    expect(textFragmentUrl('https://e.org/a', 'rely on their national technical means')).toBe(
      'https://e.org/a#:~:text=rely%20on%20their%20national%20technical%20means'
    );
    expect(textFragmentUrl('https://e.org/a#top', 'A, B & C-D')).toBe(
      'https://e.org/a#:~:text=A%2C%20B%20%26%20C%2DD'
    );
  });
  it('is the plain address without a quote, and nothing without an address', () => {
    expect(textFragmentUrl('https://e.org/a', undefined)).toBe('https://e.org/a');
    expect(textFragmentUrl(undefined, 'x')).toBeUndefined();
  });
});
