import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { buildSchedule, parseOverride, scheduleBranches } from './schedule';
import { toIndex } from './quarter';

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
    const scenario = {
      ...kortunov,
      assumptions: {
        ...kortunov.assumptions,
        changes: [
          {
            driver: 'sanctions',
            level: 'lifted',
            from: '2027Q1',
            source: { para: 21, basis: 'reading' as const, why: 'A test change.' }
          }
        ]
      }
    };
    const s = buildSchedule(catalog, { kind: 'assumed', scenario });
    expect(at(s, '2026Q4').levels.sanctions).not.toBe('lifted');
    expect(at(s, '2027Q1')).toMatchObject({
      levels: { sanctions: 'lifted' },
      provenance: { sanctions: 'assumed' }
    });
    expect(s.forks).toBeUndefined();
  });

  it('keeps a fork in the assumptions as weighted branches held from its quarter', () => {
    const trenin = catalog.models.get('trenin-2020-guardrails')!.scenario;
    const fork = trenin.assumptions.changes.find((c) => c.driver === 'armsControl' && c.fork)!;
    expect(fork).toBeDefined();
    const s = buildSchedule(catalog, { kind: 'assumed', scenario: trenin });
    const f = s.forks!.find((x) => x.driver === 'armsControl')!;
    expect(f.from).toBe(toIndex(fork.from));
    expect(f.branches.map((b) => b.level).sort()).toEqual(fork.fork!.map((b) => b.level).sort());
    const branches = scheduleBranches(s);
    expect(branches.reduce((sum, b) => sum + b.weight, 0)).toBeCloseTo(1, 12);
    // Each branch holds its level over the fork's span, and not before it.
    for (const b of branches) {
      const pick = b.picks.find((p) => p.driver === 'armsControl')!;
      expect(at(b.schedule, fork.from).levels.armsControl).toBe(pick.level);
      expect(at(b.schedule, '2030Q4').levels.armsControl).toBe(pick.level);
      expect(at(b.schedule, '2020Q4').levels.armsControl).toBe(at(s, '2020Q4').levels.armsControl);
    }
    expect(
      new Set(branches.map((b) => b.picks.find((p) => p.driver === 'armsControl')!.level))
    ).toEqual(new Set(['in-force', 'lapsed-restraint']));
  });

  it('lets an override win over a fork in every branch', () => {
    const trenin = catalog.models.get('trenin-2020-guardrails')!.scenario;
    const s = buildSchedule(catalog, { kind: 'assumed', scenario: trenin }, [
      { driver: 'armsControl', level: 'collapsed', from: '2023Q1' }
    ]);
    for (const b of scheduleBranches(s)) {
      expect(at(b.schedule, '2023Q1').levels.armsControl).toBe('collapsed');
      expect(at(b.schedule, '2022Q4').levels.armsControl).not.toBe('collapsed');
    }
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
