import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { realCatalog } from './testCatalog';
import { executables } from './path';
import { runMachine } from './compile';
import { settle, step, type TableTransition } from './table';
import { levelVectors, propagate } from './distribution';
import { HORIZON, toIndex } from './quarter';
import type { Schedule } from './schedule';
import type { Frame } from './guards';

const catalog = realCatalog();

/** A random schedule: every driver at any of its levels in every quarter, plus random draws. */
function arbitraryRun(modelId: string) {
  const model = catalog.models.get(modelId)!;
  const quarters = toIndex(HORIZON.last) - model.startQuarter + 1;
  const driverLevels = catalog.vocabulary.drivers.map((d) =>
    fc.constantFrom(...d.levels.map((l) => l.id))
  );
  const quarter = fc.tuple(
    fc.tuple(...driverLevels),
    fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
      minLength: model.scenario.transitions.length,
      maxLength: model.scenario.transitions.length
    })
  );
  // Drivers that hold for a few quarters make long paths through the model likelier than noise.
  return fc
    .array(fc.tuple(quarter, fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: quarters })
    .map((runs) => {
      const frames: Frame[] = [];
      for (const [[levels, draws], length] of runs) {
        for (let k = 0; k < length && frames.length < quarters; k++) {
          frames.push({
            quarter: model.startQuarter + frames.length,
            drivers: Object.fromEntries(
              catalog.vocabulary.drivers.map((d, i) => [d.id, levels[i]!])
            ),
            draws: Object.fromEntries(model.scenario.transitions.map((t, i) => [t.id, draws[i]!]))
          });
        }
      }
      return frames;
    });
}

describe('table and XState machine', () => {
  for (const id of catalog.models.keys()) {
    it(`give identical paths for ${id} on 1,000 random driver schedules`, () => {
      const model = catalog.models.get(id)!;
      const { machine, table } = executables(model);
      let moved = 0;
      fc.assert(
        fc.property(arbitraryRun(id), (frames) => {
          const byMachine = runMachine(machine, frames);
          const schedule: Schedule = {
            first: frames[0]!.quarter,
            levels: frames.map((f) => f.drivers),
            provenance: []
          };
          const vectors = levelVectors(
            schedule,
            catalog.vocabulary,
            frames[0]!.quarter,
            frames.at(-1)!.quarter
          );
          let state = -1;
          const byTable = frames.map((frame, t) => {
            const taken: TableTransition[] = [];
            state =
              t === 0
                ? settle(table, table.start, vectors[0]!, frame.quarter, taken)
                : step(table, state, vectors[t]!, frame.quarter, frame.draws, taken);
            return {
              quarter: frame.quarter,
              state: table.states[state]!,
              taken: taken.map((x) => x.id)
            };
          });
          if (new Set(byMachine.map((s) => s.state)).size > 1) moved++;
          expect(byTable).toEqual(byMachine);
        }),
        { numRuns: 1000, seed: 20260101 }
      );
      // The comparison means little if random schedules never move the model.
      expect(moved).toBeGreaterThan(50);
    });
  }
});

describe('propagate', () => {
  it('gives every quarter a distribution that sums to 1, for every forecast and random schedule', () => {
    for (const model of catalog.models.values()) {
      const { table } = executables(model);
      fc.assert(
        fc.property(arbitraryRun(model.scenario.id), (frames) => {
          const schedule: Schedule = {
            first: frames[0]!.quarter,
            levels: frames.map((f) => f.drivers),
            provenance: []
          };
          const rows = propagate(
            table,
            levelVectors(schedule, catalog.vocabulary, frames[0]!.quarter, frames.at(-1)!.quarter)
          );
          for (const row of rows) {
            expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
            for (const p of row) expect(p).toBeGreaterThanOrEqual(0);
          }
        }),
        { numRuns: 200, seed: 7 }
      );
    }
  });
});
