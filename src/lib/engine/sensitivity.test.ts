import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { testForecast } from './testForecast';
import { tornado } from './sensitivity';
import { whatMoved } from './whatMoved';
import { buildSchedule } from './schedule';

const catalog = realCatalog();
const observed = buildSchedule(catalog, { kind: 'observed' });
const atLeast = (driver: string, level: string) => ({
  type: 'driverAtLeast',
  params: { driver, level }
});
// Thaws (+1) on sanctions easing; from the thaw, a reset (+3) also needs arms control in force.
const reader = testForecast(catalog, 'reader', { calm: -1, thaw: 1, reset: 3 }, [
  { from: 'calm', to: 'thaw', guard: atLeast('sanctions', 'easing') },
  {
    from: 'thaw',
    to: 'reset',
    guard: {
      type: 'and',
      params: { guards: [atLeast('sanctions', 'easing'), atLeast('armsControl', 'in-force')] }
    }
  }
]);

describe('tornado', () => {
  const t = tornado({
    model: reader,
    schedule: observed,
    from: '2027Q1',
    to: '2028Q4',
    at: '2028Q4',
    target: { kind: 'levelAtLeast', level: 1 },
    by: '2028Q4'
  });

  it('puts the driver that moves the level most first, with its range over its levels', () => {
    expect(t.rows[0]!.driver).toBe('sanctions');
    // Easing or lifted from 2027Q1: thaw that quarter, and a reset only if arms control allows.
    expect(t.rows[0]!.meanLevel).toMatchObject({
      min: -1,
      minLevel: 'escalating',
      maxLevel: 'easing'
    });
    expect(t.rows[0]!.meanLevel.max).toBeGreaterThan(0);
    expect(t.rows[0]!.probability).toEqual({ min: 0, max: 1, swing: 1 });
    expect(t.baseline).toEqual({ meanLevel: -1, levelAt: -1, probability: 0 });
  });

  it('gives a driver that cannot act alone no swing: arms control needs sanctions first', () => {
    const arms = t.rows.find((r) => r.driver === 'armsControl')!;
    expect(arms.swing).toBe(0);
    expect(arms.levels.map((l) => l.level)).toEqual([
      'collapsed',
      'lapsed-restraint',
      'in-force',
      'new-framework'
    ]);
    // With sanctions eased, arms control is what decides between thaw and reset.
    const eased = tornado({
      model: reader,
      schedule: buildSchedule(catalog, { kind: 'observed' }, [
        { driver: 'sanctions', level: 'easing', from: '2027Q1' }
      ]),
      from: '2027Q1',
      to: '2028Q4'
    });
    expect(eased.rows[0]!.driver).toBe('sanctions');
    const armsNow = eased.rows.find((r) => r.driver === 'armsControl')!;
    // In force: thaw in 2027Q1, reset from 2027Q2 on; (1 + 7 × 3) / 8. Lapsed: thaw throughout.
    expect(armsNow.meanLevel.min).toBe(1);
    expect(armsNow.meanLevel.max).toBe(2.75);
    expect(armsNow.swing).toBe(1.75);
  });

  it('ranks every driver of the vocabulary, swings never increasing', () => {
    expect(t.rows.map((r) => r.driver).sort()).toEqual(
      catalog.vocabulary.drivers.map((d) => d.id).sort()
    );
    const swings = t.rows.map((r) => r.swing);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
  });
});

describe('whatMoved', () => {
  const other = testForecast(catalog, 'other', { calm: -1, storm: -2 }, [
    {
      from: 'calm',
      to: 'storm',
      guard: { type: 'driverIs', params: { driver: 'ukraine', levels: ['war'] } }
    }
  ]);
  const peace = buildSchedule(catalog, { kind: 'observed' }, [
    { driver: 'ukraine', level: 'settlement', from: '2020Q1' }
  ]);

  it('names the transition that fired for a mover and the unmet condition for the rest', () => {
    const r = whatMoved({
      models: [reader, other],
      baseline: peace,
      scenario: buildSchedule(catalog, { kind: 'observed' }, [
        { driver: 'ukraine', level: 'settlement', from: '2020Q1' },
        { driver: 'sanctions', level: 'easing', from: '2027Q1' }
      ]),
      labels: { reader: 'Reader', other: 'Other' }
    });
    const [mover, stayer] = r.analysts;
    expect(mover).toMatchObject({ analyst: 'reader', moved: true, firstQuarter: '2027Q1' });
    expect(mover!.transition).toMatchObject({ fromLabel: 'Calm', toLabel: 'Thaw', in: 'scenario' });
    expect(mover!.sentence).toBe(
      'Reader (Calm → Thaw in 2027Q1, because sanctions at easing or lifted)'
    );
    expect(stayer).toMatchObject({ analyst: 'other', moved: false });
    expect(stayer!.heldBack).toMatchObject({ stateLabel: 'Calm', toLabel: 'Storm' });
    expect(stayer!.sentence).toBe(
      'Other did not move: Storm also needs Ukraine at full-scale war (now settlement)'
    );
    expect(r.summary).toBe(`1 of 2 moved: ${mover!.sentence}. ${stayer!.sentence}.`);
  });

  it('says when only the chances move, with uncertain drivers', () => {
    const r = whatMoved({
      models: [reader],
      baseline: observed,
      scenario: observed,
      uncertain: [
        {
          driver: 'sanctions',
          from: '2027Q1',
          mode: 'held',
          weights: [
            { level: 'steady', weight: 3 },
            { level: 'easing', weight: 1 }
          ]
        }
      ],
      labels: { reader: 'Reader' }
    });
    expect(r.analysts[0]!.moved).toBe(true);
    expect(r.analysts[0]!.sentence).toMatch(
      /^Reader \(the chances move from 2027Q1: expected level -1\.00 → -0\.50; the path shown stays\)$/
    );
  });
});
