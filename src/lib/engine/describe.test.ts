import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { conditionGroup, describeGuard, groupSummary, lower, shortGuard } from './describe';
import { traceGuard, type AnyGuard } from './guards';
import { indexDrivers } from './vocabulary';

const { vocabulary } = realCatalog();
const drivers = indexDrivers(vocabulary);
const frame = (levels: Record<string, string>) => ({ quarter: 0, drivers: levels });

describe('describeGuard names the levels instead of saying “or higher”', () => {
  it('lists every level at or above the bound for driverAtLeast, in the vocabulary’s order', () => {
    const text = describeGuard(
      { type: 'driverAtLeast', params: { driver: 'sanctions', level: 'steady' } },
      vocabulary
    );
    expect(text).toBe('sanctions at steady, easing or lifted');
    expect(text).not.toMatch(/higher|lower/);
  });

  it('lists every level at or below the bound for driverAtMost', () => {
    expect(
      describeGuard(
        { type: 'driverAtMost', params: { driver: 'whiteHouse', level: 'divided' } },
        vocabulary
      )
    ).toBe('White House stance at hawkish or divided');
  });
});

describe('lower keeps names and acronyms', () => {
  it.each([
    ['Sanctions', 'sanctions'],
    ['NATO enlargement', 'NATO enlargement'],
    ['EU sanctions', 'EU sanctions'],
    ['U.S. political consensus', 'U.S. political consensus'],
    ['Ukraine', 'Ukraine'],
    ['Arctic Council talks', 'Arctic Council talks'],
    ['Trump’s stance', 'Trump’s stance'],
    ['Kremlin succession', 'Kremlin succession'],
    ['Energy prices', 'energy prices']
  ])('%s → %s', (label, expected) => expect(lower(label)).toBe(expected));
});

describe('conditionGroup keeps any-of and all-of apart', () => {
  const anyOf: AnyGuard = {
    type: 'or',
    params: {
      guards: [
        { type: 'driverIs', params: { driver: 'sanctions', levels: ['lifted'] } },
        { type: 'driverIs', params: { driver: 'ukraine', levels: ['settlement'] } }
      ]
    }
  };

  it('counts an any-of group with one condition holding as satisfied', () => {
    const trace = traceGuard(anyOf, frame({ sanctions: 'lifted', ukraine: 'war' }), drivers);
    const g = conditionGroup(trace, vocabulary);
    expect(g).toMatchObject({ kind: 'any', held: true, met: 1 });
    expect(g.items).toHaveLength(2);
    expect(groupSummary(g)).toBe('any of 2: one holds');
    expect(groupSummary(g, 'Reset')).toBe('any of 2 conditions for Reset: one holds');
  });

  it('nests an any-of group inside an all-of group and counts the group as one item', () => {
    const guard: AnyGuard = {
      type: 'and',
      params: {
        guards: [
          { type: 'driverIs', params: { driver: 'whiteHouse', levels: ['dealmaking'] } },
          anyOf
        ]
      }
    };
    const trace = traceGuard(
      guard,
      frame({ whiteHouse: 'hawkish', sanctions: 'steady', ukraine: 'settlement' }),
      drivers
    );
    const g = conditionGroup(trace, vocabulary);
    expect(g).toMatchObject({ kind: 'all', held: false, met: 1 });
    expect(groupSummary(g)).toBe('1 of 2 conditions met');
    const nested = g.items[1]!;
    expect(nested.kind).toBe('any');
    if (nested.kind !== 'condition') {
      expect(nested.held).toBe(true);
      expect(groupSummary(nested)).toBe('any of 2: one holds');
    }
  });

  it('makes a single condition an all-of-one group', () => {
    const trace = traceGuard(
      { type: 'driverIs', params: { driver: 'sanctions', levels: ['lifted'] } },
      frame({ sanctions: 'steady' }),
      drivers
    );
    const g = conditionGroup(trace, vocabulary);
    expect(g).toMatchObject({ kind: 'all', held: false, met: 0 });
    expect(g.items).toHaveLength(1);
  });
});

describe('shortGuard', () => {
  it('names the first condition briefly and counts the rest', () => {
    const guard: AnyGuard = {
      type: 'and',
      params: {
        guards: [
          { type: 'driverIs', params: { driver: 'whiteHouse', levels: ['dealmaking'] } },
          { type: 'driverAtLeast', params: { driver: 'sanctions', level: 'easing' } },
          { type: 'from', params: { quarter: '2029Q1' } }
        ]
      }
    };
    expect(shortGuard(guard, vocabulary)).toBe('White House: dealmaking +2');
    expect(
      shortGuard(
        { type: 'driverAtLeast', params: { driver: 'sanctions', level: 'easing' } },
        vocabulary
      )
    ).toBe('Sanctions: easing/lifted');
    expect(shortGuard({ type: 'from', params: { quarter: '2029Q1' } }, vocabulary)).toBe(
      'from 2029Q1'
    );
  });

  it('cuts a long condition to the length asked for', () => {
    const text = shortGuard(
      { type: 'driverIs', params: { driver: 'ukraine', levels: ['war', 'talks', 'ceasefire'] } },
      vocabulary,
      12
    );
    expect(text).toHaveLength(12);
    expect(text.endsWith('…')).toBe(true);
  });
});
