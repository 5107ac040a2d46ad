/**
 * The analysis worker's work as plain functions, testable in Node: rebuild the catalog from its
 * data, answer one request, and serve the message protocol. The worker file only wires these up.
 */
import type { Catalog } from '../engine/catalog';
import type { Model } from '../engine/model';
import { buildSchedule, type Preset } from '../engine/schedule';
import { searchChanges } from '../engine/search';
import { uncertainDistribution } from '../engine/uncertainty';
import { tornado } from '../engine/sensitivity';
import { whatMoved } from '../engine/whatMoved';
import type {
  AnalysisRequest,
  AnalysisResult,
  FromWorker,
  ScheduleSpec,
  ToWorker
} from './protocol';

/** A catalog rebuilt from its data (already validated where it was loaded). Pure. */
export { catalogFromData } from '../engine/catalogData';
import { catalogFromData } from '../engine/catalogData';

function modelsOf(catalog: Catalog, ids: string[]): Model[] {
  return ids.map((id) => {
    const model = catalog.models.get(id);
    if (!model) throw new RangeError(`unknown analyst "${id}"`);
    return model;
  });
}

function presetOf(catalog: Catalog, spec: ScheduleSpec): Preset {
  if (spec.preset === 'observed') return { kind: 'observed' };
  const scenario = catalog.scenarios.find((s) => s.id === spec.preset);
  if (!scenario) throw new RangeError(`unknown preset "${spec.preset}"`);
  return { kind: 'assumed', scenario };
}

/**
 * Answers one request. Pure apart from `progress`; throws RangeError on a request naming
 * something the catalog does not have.
 */
export function handleRequest<R extends AnalysisRequest>(
  catalog: Catalog,
  request: R,
  progress: (done: number, total: number) => void = () => {}
): AnalysisResult<R> {
  const models = modelsOf(catalog, request.analysts);
  const preset = presetOf(catalog, request.schedule);
  const { overrides, uncertain = [] } = request.schedule;
  const schedule = () => buildSchedule(catalog, preset, overrides);
  // Per-analyst work reports one step per analyst.
  const each = <T>(work: (model: Model) => T): T[] =>
    models.map((model, i) => {
      const result = work(model);
      progress(i + 1, models.length);
      return result;
    });
  const r = request as AnalysisRequest;
  switch (r.kind) {
    case 'search':
      return searchChanges({
        models,
        atLeast: r.atLeast,
        target: r.target,
        by: r.by,
        from: r.from,
        sources: catalog,
        preset,
        overrides,
        limits: r.limits,
        onProgress: progress
      }) as AnalysisResult<R>;
    case 'distribution': {
      const s = schedule();
      const options = {
        to: r.to,
        maxCombinations: r.maxCombinations,
        samples: r.samples,
        seed: r.seed
      };
      return each((m) => uncertainDistribution(m, s, uncertain, options)) as AnalysisResult<R>;
    }
    case 'sensitivity': {
      const s = schedule();
      return each((m) =>
        tornado({
          model: m,
          schedule: s,
          uncertain,
          from: r.from,
          to: r.to,
          at: r.at,
          target: r.target,
          by: r.by
        })
      ) as AnalysisResult<R>;
    }
    case 'whatMoved':
      return whatMoved({
        models,
        baseline: buildSchedule(catalog, preset),
        scenario: schedule(),
        uncertain,
        to: r.to,
        labels: r.labels
      }) as AnalysisResult<R>;
  }
}

/** The worker's state: the catalog once it has been sent. */
export interface Served {
  catalog?: Catalog;
}

/** Handles one message to the worker, posting progress and the result or the error. */
export function serve(state: Served, message: ToWorker, post: (m: FromWorker) => void): void {
  if (message.type === 'init') {
    state.catalog = catalogFromData(message.catalog);
    return;
  }
  const { id, request } = message;
  try {
    if (!state.catalog) throw new Error('the analysis worker has no catalog yet');
    const result = handleRequest(state.catalog, request, (done, total) =>
      post({ type: 'progress', id, done, total })
    );
    post({ type: 'result', id, result });
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
}
