import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { buildSchedule, parseOverride } from './schedule';

const catalog = realCatalog();
const at = (schedule: ReturnType<typeof buildSchedule>, quarter: string) => {
  const i = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(5)) - 1 - schedule.first;
  return { levels: schedule.levels[i]!, provenance: schedule.provenance[i]! };
};

describe('buildSchedule', () => {
  it('uses what happened, then carries the last known levels forward', () => {
    const s = buildSchedule(catalog, { kind: 'observed' });
    expect(at(s, '2022Q2').levels.ukraine).toBe('war');
    expect(at(s, '2022Q2').provenance.ukraine).toBe('observed');
    const lastKnown = catalog.history.quarters.at(-1)!;
    expect(at(s, '2029Q3').levels).toEqual(lastKnown.drivers);
    expect(at(s, '2029Q3').provenance.sanctions).toBe('carried');
  });

  it("uses an analyst's assumptions from the start quarter and marks unstated drivers", () => {
    const notte = catalog.models.get('notte-2025-reset')!.scenario;
    const s = buildSchedule(catalog, { kind: 'assumed', scenario: notte });
    expect(at(s, '2025Q3').levels.whiteHouse).toBe('dealmaking');
    expect(at(s, '2025Q3').provenance.whiteHouse).toBe('assumed');
    const startObserved = catalog.history.quarters.find((q) => q.quarter === '2025Q2')!.drivers;
    expect(at(s, '2027Q1').levels.energy).toBe(startObserved.energy);
    expect(at(s, '2027Q1').provenance.energy).toBe('unstated');
    // Before the forecast was written, the record stands.
    expect(at(s, '2021Q1').provenance.whiteHouse).toBe('observed');
  });

  it('applies an assumption change from its quarter', () => {
    const kortunov = catalog.models.get('kortunov-2025-thaw')!.scenario;
    const change = kortunov.assumptions.changes[0]!;
    const s = buildSchedule(catalog, { kind: 'assumed', scenario: kortunov });
    expect(at(s, change.from).levels[change.driver]).toBe(change.level);
  });

  it('applies overrides from a quarter onward, until a quarter when given, later ones winning', () => {
    const s = buildSchedule(catalog, { kind: 'observed' }, [
      { driver: 'sanctions', level: 'easing', from: '2026Q3' },
      { driver: 'sanctions', level: 'lifted', from: '2027Q2', until: '2027Q3' }
    ]);
    expect(at(s, '2026Q2').levels.sanctions).not.toBe('easing');
    expect(at(s, '2026Q3')).toMatchObject({
      levels: { sanctions: 'easing' },
      provenance: { sanctions: 'override' }
    });
    expect(at(s, '2027Q3').levels.sanctions).toBe('lifted');
    expect(at(s, '2027Q4').levels.sanctions).toBe('easing');
  });
});

describe('parseOverride', () => {
  it.each([
    ['sanctions=easing@2026Q3', { driver: 'sanctions', level: 'easing', from: '2026Q3' }],
    [
      'ukraine=ceasefire@2026Q1..2026Q4',
      { driver: 'ukraine', level: 'ceasefire', from: '2026Q1', until: '2026Q4' }
    ],
    ['sanctions=easing', null],
    ['sanctions@2026Q3', null],
    ['sanctions=easing@2026Q5', null]
  ])('parses %s', (text, expected) => {
    expect(parseOverride(text)).toEqual(expected);
  });
});
