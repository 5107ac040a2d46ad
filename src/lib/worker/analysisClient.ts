/**
 * The main thread's side of the analysis worker: run a request, get a promise, progress and a
 * cancel. Cancelling terminates the worker (the engine runs synchronously there, so a message
 * could not interrupt it); other jobs still waiting are sent again to a fresh worker.
 */
import {
  catalogData,
  type AnalysisRequest,
  type AnalysisResult,
  type CatalogData,
  type FromWorker,
  type ToWorker
} from './protocol';

/** What the client needs of a Worker; a test can pass an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror?: ((event: { message?: string }) => void) | null;
}

/** The reason a cancelled job's promise rejects with. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

export interface AnalysisJob<T> {
  promise: Promise<T>;
  /** Stops the job: its promise rejects with AnalysisCancelled. No effect once settled. */
  cancel(): void;
  /** Adds a progress listener (done of total steps); returns the job for chaining. */
  onProgress(listener: (done: number, total: number) => void): AnalysisJob<T>;
}

export interface AnalysisClient {
  run<R extends AnalysisRequest>(request: R): AnalysisJob<AnalysisResult<R>>;
  /** Terminates the worker and cancels every job. */
  dispose(): void;
}

interface Pending {
  request: AnalysisRequest;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  listeners: Array<(done: number, total: number) => void>;
}

function moduleWorker(): WorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
    type: 'module'
  }) as unknown as WorkerLike;
}

/**
 * A client for `catalog` (a Catalog or its data). The worker starts on the first request and is
 * given the catalog's plain data once per start, unless `sendCatalog` is false.
 */
export function createAnalysisClient(
  catalog: CatalogData,
  options: {
    createWorker?: () => WorkerLike;
    /**
     * False when the worker already holds this catalog (the module worker loads the built-in
     * one): no init message, so the page does not clone the catalog on its own thread.
     */
    sendCatalog?: boolean;
  } = {}
): AnalysisClient {
  const create = options.createWorker ?? moduleWorker;
  const data = options.sendCatalog === false ? undefined : catalogData(catalog);
  const pending = new Map<number, Pending>();
  let worker: WorkerLike | null = null;
  let nextId = 1;

  const settle = (id: number) => {
    const job = pending.get(id);
    pending.delete(id);
    return job;
  };
  const onMessage = (message: FromWorker) => {
    if (message.type === 'progress') {
      pending.get(message.id)?.listeners.forEach((l) => l(message.done, message.total));
    } else if (message.type === 'result') {
      settle(message.id)?.resolve(message.result);
    } else {
      settle(message.id)?.reject(new Error(message.message));
    }
  };
  const start = () => {
    const w = create();
    w.onmessage = (event) => onMessage(event.data);
    w.onerror = (event) => {
      // The worker itself failed (not a request): fail every job and start afresh next time.
      const error = new Error(`the analysis worker failed: ${event?.message ?? 'unknown error'}`);
      for (const id of [...pending.keys()]) settle(id)?.reject(error);
      stop();
    };
    if (data) w.postMessage({ type: 'init', catalog: data });
    for (const [id, job] of pending) w.postMessage({ type: 'run', id, request: job.request });
    return w;
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  return {
    run<R extends AnalysisRequest>(request: R): AnalysisJob<AnalysisResult<R>> {
      const id = nextId++;
      let entry!: Pending;
      const promise = new Promise<AnalysisResult<R>>((resolve, reject) => {
        entry = { request, resolve: resolve as (v: unknown) => void, reject, listeners: [] };
      });
      pending.set(id, entry);
      if (worker) worker.postMessage({ type: 'run', id, request });
      else worker = start();
      const job: AnalysisJob<AnalysisResult<R>> = {
        promise,
        cancel() {
          if (!pending.has(id)) return;
          settle(id)!.reject(new AnalysisCancelled());
          stop();
          if (pending.size > 0) worker = start();
        },
        onProgress(listener) {
          entry.listeners.push(listener);
          return job;
        }
      };
      return job;
    },
    dispose() {
      for (const id of [...pending.keys()]) settle(id)?.reject(new AnalysisCancelled());
      stop();
    }
  };
}
