import { describe, expect, it } from 'vitest';
import { realCatalog } from '../engine/testCatalog';
import { searchChanges } from '../engine/search';
import { catalogFromData, handleRequest, serve, type Served } from './handleRequest';
import { catalogData, type AnalysisRequest, type FromWorker } from './protocol';
import { AnalysisCancelled, createAnalysisClient, type WorkerLike } from './analysisClient';

const catalog = realCatalog();
const search: AnalysisRequest = {
  kind: 'search',
  analysts: ['kortunov-2025-thaw'],
  target: { kind: 'state', state: 'limitedNormalisation' },
  by: '2027Q4',
  from: '2026Q2',
  schedule: { preset: 'observed', overrides: [] }
};

describe('catalog data', () => {
  it('survives structured cloning and answers as the original catalog does', () => {
    const cloned = catalogFromData(structuredClone(catalogData(catalog)));
    const direct = searchChanges({
      models: [catalog.models.get('kortunov-2025-thaw')!],
      target: { kind: 'state', state: 'limitedNormalisation' },
      by: '2027Q4',
      from: '2026Q2',
      sources: catalog,
      preset: { kind: 'observed' }
    });
    expect(direct.alternatives.length).toBeGreaterThan(0);
    expect(handleRequest(cloned, search)).toEqual(direct);
  });
});

describe('handleRequest', () => {
  it('answers each kind for the analysts named, with progress per analyst', () => {
    const analysts = ['kortunov-2025-thaw', 'notte-2025-reset'];
    const schedule = {
      preset: 'observed',
      overrides: [{ driver: 'sanctions', level: 'easing', from: '2026Q3' }],
      uncertain: [
        {
          driver: 'ukraine',
          from: '2026Q3',
          mode: 'held' as const,
          weights: [
            { level: 'talks', weight: 1 },
            { level: 'ceasefire', weight: 1 }
          ]
        }
      ]
    };
    const steps: number[] = [];
    const dist = handleRequest(catalog, { kind: 'distribution', analysts, schedule }, (d) =>
      steps.push(d)
    );
    expect(dist.map((d) => d.analyst)).toEqual(analysts);
    expect(steps).toEqual([1, 2]);
    const tornadoes = handleRequest(catalog, {
      kind: 'sensitivity',
      analysts,
      schedule,
      from: '2026Q2',
      target: { kind: 'levelAtLeast', level: 2 },
      by: '2028Q4'
    });
    expect(tornadoes.map((t) => t.analyst)).toEqual(analysts);
    expect(tornadoes[0]!.rows[0]!.probability).toBeDefined();
    const moved = handleRequest(catalog, { kind: 'whatMoved', analysts, schedule });
    expect(moved.summary).toMatch(/^\d of 2 moved/);
  });

  it('refuses an analyst or preset the catalog does not have, by name', () => {
    expect(() => handleRequest(catalog, { ...search, analysts: ['nobody'] })).toThrow(
      'unknown analyst "nobody"'
    );
    expect(() =>
      handleRequest(catalog, { ...search, schedule: { preset: 'nobody', overrides: [] } })
    ).toThrow('unknown preset "nobody"');
  });
});

describe('serve', () => {
  it('posts progress and then the result; an error as a message, never a throw', () => {
    const state: Served = {};
    const posted: FromWorker[] = [];
    serve(state, { type: 'run', id: 1, request: search }, (m) => posted.push(m));
    expect(posted).toEqual([
      { type: 'error', id: 1, message: 'the analysis worker has no catalog yet' }
    ]);
    serve(state, { type: 'init', catalog: catalogData(catalog) }, (m) => posted.push(m));
    serve(state, { type: 'run', id: 2, request: search }, (m) => posted.push(m));
    const mine = posted.filter((m) => m.id === 2);
    expect(mine.at(-1)!.type).toBe('result');
    expect(mine.slice(0, -1).every((m) => m.type === 'progress')).toBe(true);
    expect(mine.length).toBeGreaterThan(1);
  });
});

/** A stand-in Worker that serves messages in this process, a task later, like a real one. */
function fakeWorkers() {
  const made: Array<WorkerLike & { terminated: boolean }> = [];
  const create = () => {
    const state: Served = {};
    const w = {
      terminated: false,
      onmessage: null as WorkerLike['onmessage'],
      onerror: null,
      postMessage(message: Parameters<WorkerLike['postMessage']>[0]) {
        setTimeout(() => {
          if (w.terminated) return;
          serve(
            state,
            structuredClone(message),
            (m) => !w.terminated && w.onmessage?.({ data: structuredClone(m) })
          );
        }, 0);
      },
      terminate() {
        w.terminated = true;
      }
    };
    made.push(w);
    return w;
  };
  return { made, create };
}

describe('createAnalysisClient', () => {
  it('resolves a request with the result and reports progress', async () => {
    const workers = fakeWorkers();
    const client = createAnalysisClient(catalog, { createWorker: workers.create });
    const progress: Array<[number, number]> = [];
    const result = await client.run(search).onProgress((d, t) => progress.push([d, t])).promise;
    expect(result).toEqual(handleRequest(catalog, search));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    client.dispose();
  });

  it('cancel rejects that job, stops the worker, and the other job still gets its answer', async () => {
    const workers = fakeWorkers();
    const client = createAnalysisClient(catalog, { createWorker: workers.create });
    const first = client.run(search);
    const second = client.run({ ...search, by: '2028Q4' });
    first.cancel();
    await expect(first.promise).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(workers.made[0]!.terminated).toBe(true);
    const answer = await second.promise;
    expect(answer.by).toBe('2028Q4');
    expect(workers.made).toHaveLength(2);
    client.dispose();
    expect(workers.made[1]!.terminated).toBe(true);
  });

  it('rejects with the worker’s message when a request is bad', async () => {
    const client = createAnalysisClient(catalog, { createWorker: fakeWorkers().create });
    await expect(client.run({ ...search, analysts: ['nobody'] }).promise).rejects.toThrow(
      'unknown analyst "nobody"'
    );
    client.dispose();
  });
});

describe('handleRequest passes options through without losing their defaults', () => {
  it('computes a small distribution exactly when the request leaves the bound out', () => {
    const catalog = realCatalog();
    const [d] = handleRequest(
      catalog,
      {
        kind: 'distribution',
        analysts: ['kortunov-2025-thaw'],
        schedule: {
          preset: 'observed',
          overrides: [],
          uncertain: [
            {
              driver: 'sanctions',
              from: '2026Q2',
              mode: 'held',
              weights: [
                { level: 'steady', weight: 60 },
                { level: 'escalating', weight: 40 }
              ]
            }
          ]
        },
        to: undefined,
        maxCombinations: undefined,
        samples: undefined
      },
      () => {}
    ) as Array<{ method: string; maxCombinations: number; combinations: number }>;
    expect(d!.method).toBe('exact');
    expect(d!.maxCombinations).toBe(4096);
    expect(d!.combinations).toBeLessThanOrEqual(4096);
  });
});
