/**
 * Engine speed, as ratios against the XState machine measured in the same run (never asserted in
 * a test). Run: npm run bench
 */
import { readCatalog } from '../src/cli/readCatalog';
import { benchAnalysis } from './analysis';
import {
  buildSchedule,
  cruxDrivers,
  executables,
  framesOf,
  levelVectors,
  propagate,
  runMachine,
  runPath,
  scorecard,
  step,
  toIndex,
  HORIZON
} from '../src/lib/engine';

const { catalog } = readCatalog();
if (!catalog) throw new Error('scenario files do not validate: run npm run crosswinds -- validate');

function time(label: string, repeat: number, fn: () => void): number {
  for (let i = 0; i < Math.min(repeat, 20); i++) fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  const ms = (performance.now() - t0) / repeat;
  return ms;
}

const schedule = buildSchedule(catalog, { kind: 'observed' });
const rows: string[][] = [];
for (const model of catalog.models.values()) {
  const { machine, table } = executables(model);
  const last = toIndex(HORIZON.last);
  const frames = framesOf(schedule, model.startQuarter, last);
  const vectors = levelVectors(schedule, catalog.vocabulary, model.startQuarter, last);
  const quarters = frames.length;
  const machineMs = time('machine', 200, () => runMachine(machine, frames));
  const tableMs = time('table', 20000, () => {
    let s = table.start;
    for (let t = 1; t < vectors.length; t++)
      s = step(table, s, vectors[t]!, model.startQuarter + t, frames[t]!.draws);
  });
  const exactMs = time('propagate', 5000, () => propagate(table, vectors));
  const pathMs = time('runPath', 200, () => runPath(model, schedule));
  rows.push([
    model.scenario.id,
    String(quarters),
    ((machineMs * 1000) / quarters).toFixed(2),
    ((tableMs * 1000) / quarters).toFixed(3),
    (machineMs / tableMs).toFixed(0) + '×',
    (exactMs * 1000).toFixed(1),
    pathMs.toFixed(2)
  ]);
}
const header = [
  'forecast',
  'quarters',
  'XState µs/quarter',
  'table µs/quarter',
  'table speed-up',
  'exact distribution µs',
  'runPath ms'
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));

// The compare page and the scorecard, against one runPath of every forecast in the same run: the
// crux reruns each model once per driver move, the scorecard runs each model twice.
const models = [...catalog.models.values()];
const allPathsMs = time('all runPath', 100, () => models.forEach((m) => runPath(m, schedule)));
const cruxMs = time('crux', 50, () =>
  cruxDrivers(models, schedule, catalog.vocabulary, HORIZON.last)
);
const scorecardMs = time('scorecard', 50, () => scorecard(catalog));
console.log('');
console.log(`runPath of all ${models.length} forecasts: ${allPathsMs.toFixed(2)} ms (baseline)`);
console.log(
  `crux drivers at ${HORIZON.last}: ${cruxMs.toFixed(2)} ms (${(cruxMs / allPathsMs).toFixed(1)}× the baseline)`
);
console.log(
  `scorecard (runs A and B): ${scorecardMs.toFixed(2)} ms (${(scorecardMs / allPathsMs).toFixed(1)}× the baseline)`
);

benchAnalysis(catalog);
