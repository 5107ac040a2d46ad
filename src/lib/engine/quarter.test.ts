import { describe, expect, it } from 'vitest';
import { fromIndex, quarterIndex, quarterOfDate, quarterRange } from './quarter';
import { closestName } from './suggest';

describe('quarters', () => {
  it('round-trips through indices and orders them', () => {
    expect(fromIndex(quarterIndex('2023Q4')! + 1)).toBe('2024Q1');
    expect(quarterRange('2024Q3', '2025Q2')).toEqual(['2024Q3', '2024Q4', '2025Q1', '2025Q2']);
  });
  it.each(['2024', '2024Q0', '2024Q5', 'Q1-2024', ''])('rejects %j', (q) => {
    expect(quarterIndex(q)).toBeNull();
  });
  it('places dates in quarters', () => {
    expect(quarterOfDate('2020-04-29')).toBe('2020Q2');
    expect(quarterOfDate('2025-12')).toBe('2025Q4');
    expect(quarterOfDate('2025')).toBe('2025Q1');
  });
});

describe('closestName', () => {
  it('suggests the intended id for a typo and nothing for an unrelated word', () => {
    expect(closestName('sanctons', ['sanctions', 'energy'])).toBe('sanctions');
    expect(closestName('easng', ['escalating', 'steady', 'easing', 'lifted'])).toBe('easing');
    expect(closestName('zebra', ['sanctions', 'energy'])).toBeUndefined();
  });
});
