/**
 * The analysis answers (what it takes, how sure, which driver matters), each timed and set against
 * the same workload on XState's own interpreter in the same run. Called by engine.bench.ts.
 */
import {
  buildSchedule,
  executables,
  framesOf,
  horizonCrux,
  runMachine,
  searchChanges,
  seededRandom,
  toIndex,
  tornado,
  uncertainDistribution,
  whatMoved,
  type Catalog,
  type Frame,
  type Model,
  type Schedule,
  type UncertainDriver
} from '../src/lib/engine';

/**
 * CPU milliseconds per call (user + system), after a warm-up: on a machine shared with other work
 * wall time measures the queue, not the code; both sides of every ratio are timed the same way.
 */
function time(_label: string, repeat: number, fn: () => void): number {
  for (let i = 0; i < Math.min(repeat, 5); i++) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < repeat; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / repeat;
}

const FROM = '2026Q2';
const BY = '2028Q4';

/** One machine run per schedule: the least the interpreter would need per evaluated case. */
function machineRuns(model: Model, schedules: Schedule[], last: number) {
  const { machine } = executables(model);
  for (const s of schedules) {
    const frames: Frame[] = framesOf(s, model.startQuarter, last).map((f) => ({
      ...f,
      draws: Object.fromEntries(model.scenario.transitions.map((t) => [t.id, 0]))
    }));
    runMachine(machine, frames);
  }
}

export function benchAnalysis(catalog: Catalog) {
  const models = [...catalog.models.values()];
  const observed = buildSchedule(catalog, { kind: 'observed' });
  const rows: string[][] = [];
  const ms = (x: number) => x.toFixed(x < 10 ? 2 : 0);
  const add = (what: string, engineMs: number, xstateMs: number, note: string) =>
    rows.push([what, ms(engineMs), ms(xstateMs), `${(xstateMs / engineMs).toFixed(0)}×`, note]);

  // What it takes: per analyst, every state of its model as the target, by 2030Q4 from FROM on
  // what happened (the searches that need a search dominate). The XState workload replays every
  // evaluated combination once on the machine (one path each, less than the exact probability
  // needs), timed on a sample of schedules and scaled.
  let slowestSearch = 0;
  for (const model of models) {
    let evaluations = 0;
    let engineMs = 0;
    for (const state of model.stateIds) {
      const input = {
        models: [model],
        target: { kind: 'state', state } as const,
        by: '2030Q4',
        from: FROM,
        sources: catalog,
        preset: { kind: 'observed' } as const
      };
      let n = 0;
      const one = time('search', 2, () => (n = searchChanges(input).evaluations));
      slowestSearch = Math.max(slowestSearch, one);
      engineMs += one;
      evaluations += n;
    }
    const sample = Array.from({ length: 50 }, (_, i) =>
      buildSchedule(catalog, { kind: 'observed' }, [
        { driver: 'sanctions', level: i % 2 ? 'easing' : 'steady', from: '2027Q1' },
        { driver: 'ukraine', level: i % 3 ? 'ceasefire' : 'war', from: '2027Q3' }
      ])
    );
    const perRun = time('xstate', 3, () => machineRuns(model, sample, toIndex('2030Q4'))) / 50;
    add(
      `what it takes: ${model.scenario.id}, all ${model.stateIds.length} states`,
      engineMs,
      perRun * evaluations,
      `${evaluations} combinations`
    );
  }

  // How sure: five analysts, three uncertain drivers (two held, one redrawn), exact. XState:
  // Monte Carlo on the machine with 1,000 samples (about ±1.6% per cell), the cross-check.
  const uncertain: UncertainDriver[] = [
    {
      driver: 'sanctions',
      from: '2026Q3',
      mode: 'held',
      weights: [
        { level: 'steady', weight: 6 },
        { level: 'easing', weight: 3 },
        { level: 'escalating', weight: 1 }
      ]
    },
    {
      driver: 'whiteHouse',
      from: '2029Q1',
      mode: 'held',
      weights: [
        { level: 'dealmaking', weight: 1 },
        { level: 'hawkish', weight: 1 }
      ]
    },
    {
      driver: 'ukraine',
      from: '2026Q3',
      mode: 'redrawn',
      weights: [
        { level: 'talks', weight: 6 },
        { level: 'ceasefire', weight: 3 },
        { level: 'war', weight: 1 }
      ]
    }
  ];
  const exactMs = time('distribution', 5, () =>
    models.forEach((m) => uncertainDistribution(m, observed, uncertain))
  );
  const samples = 1000;
  const mcMs = time('xstate mc', 1, () => {
    const rng = seededRandom(1);
    for (const model of models) {
      const { machine } = executables(model);
      const base = framesOf(observed, model.startQuarter, toIndex('2030Q4'));
      for (let k = 0; k < samples; k++) {
        const held = uncertain.map((u) => u.weights[Math.floor(rng() * u.weights.length)]!.level);
        const frames = base.map((f) => {
          const drivers = { ...f.drivers };
          uncertain.forEach((u, i) => {
            if (f.quarter >= toIndex(u.from))
              drivers[u.driver] =
                u.mode === 'held'
                  ? held[i]!
                  : u.weights[Math.floor(rng() * u.weights.length)]!.level;
          });
          return {
            quarter: f.quarter,
            drivers,
            draws: Object.fromEntries(model.scenario.transitions.map((t) => [t.id, rng()]))
          };
        });
        runMachine(machine, frames);
      }
    }
  });
  add(
    'how sure: 5 analysts, 3 uncertain drivers',
    exactMs,
    mcMs,
    `exact vs ${samples} samples on XState`
  );

  // Which driver matters: the tornado for five analysts (every driver × level, with a target).
  // XState: one machine run per driver × level schedule per analyst.
  const tornadoMs = time('tornado', 5, () =>
    models.forEach((m) =>
      tornado({
        model: m,
        schedule: observed,
        from: FROM,
        at: BY,
        target: { kind: 'levelAtLeast', level: 1 },
        by: BY
      })
    )
  );
  const variants = catalog.vocabulary.drivers.flatMap((d) =>
    d.levels.map((l) =>
      buildSchedule(catalog, { kind: 'observed' }, [{ driver: d.id, level: l.id, from: FROM }])
    )
  );
  const tornadoXs = time('xstate tornado', 2, () =>
    models.forEach((m) => machineRuns(m, variants, toIndex('2030Q4')))
  );
  add(
    'which driver: tornado, 5 analysts',
    tornadoMs,
    tornadoXs,
    `${variants.length} schedules each`
  );

  const scenario = buildSchedule(catalog, { kind: 'observed' }, [
    { driver: 'sanctions', level: 'easing', from: '2026Q3' },
    { driver: 'ukraine', level: 'ceasefire', from: '2026Q3' }
  ]);
  const movedMs = time('what moved', 10, () => whatMoved({ models, baseline: observed, scenario }));
  const movedXs = time('xstate moved', 5, () =>
    models.forEach((m) => machineRuns(m, [observed, scenario], toIndex('2030Q4')))
  );
  add('what moved: 5 analysts', movedMs, movedXs, 'XState: the two paths only');
  const cruxMs = time('crux', 3, () =>
    horizonCrux(models, observed, catalog.vocabulary, { from: FROM })
  );
  const cruxXs = time('xstate crux', 1, () =>
    models.forEach((m) =>
      machineRuns(
        m,
        catalog.vocabulary.drivers.map(() => observed).flatMap((s) => [s, s]),
        toIndex('2030Q4')
      )
    )
  );
  add('horizon crux: 5 analysts', cruxMs, cruxXs, 'XState: one run per driver move');

  const header = ['answer (CPU time)', 'engine ms', 'XState ms', 'ratio', 'workload'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log('');
  for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  const slowest = Math.max(...rows.map((r) => Number(r[1])));
  console.log(
    'XState workloads: one machine run per combination or schedule (less than an exact answer needs), or Monte Carlo for the distribution.'
  );
  console.log(
    `slowest interactive answer: ${slowest.toFixed(1)} ms (one what-it-takes search at most ${slowestSearch.toFixed(1)} ms)`
  );
}
