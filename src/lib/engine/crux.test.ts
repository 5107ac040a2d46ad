import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { resolveModel } from './model';
import { Scenario } from './schema';
import { buildSchedule } from './schedule';
import { cruxDrivers, driverMoves, outcomeAt } from './crux';

const catalog = realCatalog();
const context = { vocabulary: catalog.vocabulary, likelihood: catalog.likelihood };

/** A two-state forecast that leaves `calm` when `guard` holds. */
function forecast(id: string, guard: unknown) {
  return resolveModel(
    Scenario.parse({
      id,
      source: {
        ref: 'trenin-2020-guardrails',
        author: 'Test',
        title: 't',
        outlet: 'o',
        published: '2020-04'
      },
      thesis: 't',
      start: { quarter: '2020Q2', state: 'calm', source: { para: 1, basis: 'reading', why: 'w' } },
      states: {
        calm: {
          label: 'Calm',
          level: -1,
          description: 'd',
          source: { para: 1, basis: 'reading', why: 'w' }
        },
        storm: {
          label: 'Storm',
          level: -2,
          description: 'd',
          source: { para: 1, basis: 'reading', why: 'w' }
        }
      },
      transitions: [
        {
          id: 'go',
          from: 'calm',
          to: 'storm',
          guard,
          source: { para: 1, basis: 'reading', why: 'w' }
        }
      ],
      assumptions: { drivers: {} }
    }),
    context
  );
}

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
