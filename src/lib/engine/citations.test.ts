import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { citationsByParagraph } from './citations';

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
