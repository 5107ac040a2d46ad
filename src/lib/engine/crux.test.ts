import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { testForecast } from './testForecast';
import { buildSchedule } from './schedule';
import { cruxDrivers, driverMoves, horizonCrux, outcomeAt } from './crux';

const catalog = realCatalog();

/** A two-state forecast that leaves `calm` when `guard` holds. */
const forecast = (id: string, guard: unknown) =>
  testForecast(catalog, id, { calm: -1, storm: -2 }, [{ from: 'calm', to: 'storm', guard }]);

// Arms control in force and sanctions steady all along; the rest as observed.
const schedule = buildSchedule(catalog, { kind: 'observed' }, [
  { driver: 'armsControl', level: 'in-force', from: '2020Q1' },
  { driver: 'sanctions', level: 'steady', from: '2020Q1' }
]);
const treatyReader = forecast('treaty', {
  type: 'driverAtMost',
  params: { driver: 'armsControl', level: 'lapsed-restraint' }
});
const treatyReader2 = forecast('treaty-two', {
  type: 'driverAtMost',
  params: { driver: 'armsControl', level: 'lapsed-restraint' }
});
const sanctionsReader = forecast('sanctions', {
  type: 'driverAtLeast',
  params: { driver: 'sanctions', level: 'easing' }
});

describe('driverMoves', () => {
  it('moves an ordered driver one level up and one down in every quarter, stopping at the ends', () => {
    const moves = driverMoves(schedule, catalog.vocabulary, 'armsControl');
    expect(moves.map((m) => m.move)).toEqual(['up', 'down']);
    expect(new Set(moves[0]!.schedule.levels.map((r) => r.armsControl))).toEqual(
      new Set(['new-framework'])
    );
    expect(new Set(moves[1]!.schedule.levels.map((r) => r.armsControl))).toEqual(
      new Set(['lapsed-restraint'])
    );
    // The other drivers are untouched.
    expect(moves[1]!.schedule.levels.map((r) => r.ukraine)).toEqual(
      schedule.levels.map((r) => r.ukraine)
    );
  });
  it('tries every level of an unordered driver', () => {
    const moves = driverMoves(schedule, catalog.vocabulary, 'ukraine');
    expect(moves.map((m) => m.move)).toEqual(['frozen', 'war', 'talks', 'ceasefire', 'settlement']);
  });
});

describe('cruxDrivers', () => {
  it('counts, per driver, the analysts whose state at the quarter changes; most first', () => {
    const ranked = cruxDrivers(
      [sanctionsReader, treatyReader, treatyReader2],
      schedule,
      catalog.vocabulary,
      '2024Q1'
    );
    // Arms control one level down (lapsed) sends both treaty readers to the storm: 2 analysts.
    expect(ranked[0]!.driver).toBe('armsControl');
    expect(ranked[0]!.changed.map((c) => c.scenario)).toEqual(['treaty', 'treaty-two']);
    expect(ranked[0]!.changed[0]!.moves).toEqual([
      {
        move: 'down',
        from: { state: 'calm', level: -1 },
        to: { state: 'storm', level: -2 }
      }
    ]);
    // Sanctions one level up (easing) moves the sanctions reader only: 1 analyst.
    expect(ranked[1]!.driver).toBe('sanctions');
    expect(ranked[1]!.changed.map((c) => c.scenario)).toEqual(['sanctions']);
    expect(ranked[1]!.changed[0]!.moves.map((m) => m.move)).toEqual(['up']);
    // No one reads the rest; they keep vocabulary order after the ranked ones.
    const rest = ranked.slice(2);
    expect(rest.every((r) => r.changed.length === 0)).toBe(true);
    expect(rest.map((r) => r.driver)).toEqual(
      catalog.vocabulary.drivers
        .map((d) => d.id)
        .filter((d) => d !== 'armsControl' && d !== 'sanctions')
    );
  });

  it('leaves out an analyst whose forecast has not started by the quarter', () => {
    expect(outcomeAt(treatyReader, schedule, '2020Q1')).toBeNull();
    const ranked = cruxDrivers([treatyReader], schedule, catalog.vocabulary, '2020Q1');
    expect(ranked.every((r) => r.changed.length === 0)).toBe(true);
  });

  it('on the real forecasts at 2026Q1, finds Ukraine moves more than one analyst', () => {
    const observed = buildSchedule(catalog, { kind: 'observed' });
    const ranked = cruxDrivers(
      [...catalog.models.values()],
      observed,
      catalog.vocabulary,
      '2026Q1'
    );
    const ukraine = ranked.find((r) => r.driver === 'ukraine')!;
    expect(ukraine.changed.length).toBeGreaterThan(1);
    // Ranked: counts never increase down the list.
    const counts = ranked.map((r) => r.changed.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });
});

// Thaws (+1) on sanctions easing; from the thaw, a reset (+3) also needs arms control in force.
const thawReader = testForecast(catalog, 'reader', { calm: -1, thaw: 1, reset: 3 }, [
  {
    from: 'calm',
    to: 'thaw',
    guard: { type: 'driverAtLeast', params: { driver: 'sanctions', level: 'easing' } }
  },
  {
    from: 'thaw',
    to: 'reset',
    guard: {
      type: 'and',
      params: {
        guards: [
          { type: 'driverAtLeast', params: { driver: 'sanctions', level: 'easing' } },
          { type: 'driverAtLeast', params: { driver: 'armsControl', level: 'in-force' } }
        ]
      }
    }
  }
]);

describe('horizonCrux', () => {
  it('counts level changes over the whole range, not one quarter', () => {
    const schedule = buildSchedule(catalog, { kind: 'observed' }, [
      { driver: 'sanctions', level: 'steady', from: '2020Q1' }
    ]);
    const ranked = horizonCrux([thawReader], schedule, catalog.vocabulary, {
      from: '2027Q1',
      to: '2028Q4'
    });
    expect(ranked[0]!.driver).toBe('sanctions');
    const up = ranked[0]!.changed[0]!.moves.find((m) => m.move === 'up')!;
    // One level up (easing) in every quarter since 2020, with arms control as observed: the model
    // thaws early and resets, so the level differs in all eight quarters of the range.
    expect(up).toMatchObject({
      quarters: 8,
      firstQuarter: '2027Q1',
      from: { state: 'calm', level: -1 },
      to: { state: 'reset', level: 3 }
    });
    expect(ranked[0]!.quarters).toBe(8);
    expect(ranked.slice(1).every((r) => r.changed.length === 0)).toBe(true);
  });

  it('on the real forecasts from 2026Q1, ranks by analysts moved, then quarters moved', () => {
    const observed = buildSchedule(catalog, { kind: 'observed' });
    const ranked = horizonCrux([...catalog.models.values()], observed, catalog.vocabulary, {
      from: '2026Q1'
    });
    // The White House stance moves most of the forecasts, as dealmaking holds them where they are.
    expect(ranked[0]!.changed.length).toBeGreaterThan(1);
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      expect(
        a.changed.length > b.changed.length ||
          (a.changed.length === b.changed.length && a.quarters >= b.quarters)
      ).toBe(true);
    }
    // A horizon-wide count sees more than the single quarter does.
    const single = cruxDrivers(
      [...catalog.models.values()],
      observed,
      catalog.vocabulary,
      '2026Q1'
    );
    const moved = (r: { changed: unknown[] }[]) => r.reduce((n, x) => n + x.changed.length, 0);
    expect(moved(ranked)).toBeGreaterThanOrEqual(moved(single));
  });
});

describe('cruxDrivers on the real forecasts', () => {
  // Every model rerun under every move, none skipped: what cruxDrivers must agree with.
  function everyRerun(quarter: string) {
    const models = [...catalog.models.values()];
    return catalog.vocabulary.drivers.map((d) => {
      const moves = driverMoves(schedule, catalog.vocabulary, d.id);
      const changed = models.flatMap((model) => {
        const from = outcomeAt(model, schedule, quarter);
        if (!from) return [];
        const found = moves
          .map((m) => ({ move: m.move, from, to: outcomeAt(model, m.schedule, quarter)! }))
          .filter((m) => m.to.state !== from.state);
        return found.length ? [{ scenario: model.scenario.id, moves: found }] : [];
      });
      return { driver: d.id, changed };
    });
  }

  it.each(['2024Q4', '2030Q4'])('finds what rerunning every model finds, at %s', (quarter) => {
    const found = cruxDrivers([...catalog.models.values()], schedule, catalog.vocabulary, quarter);
    const expected = everyRerun(quarter);
    expect(expected.some((d) => d.changed.length > 0)).toBe(true);
    expect([...found].sort((a, b) => a.driver.localeCompare(b.driver))).toEqual(
      [...expected].sort((a, b) => a.driver.localeCompare(b.driver))
    );
  });
});
