/**
 * One question put to the analysis worker, as live state for a panel: running with its progress,
 * done with its answer, failed with a message, or cancelled. Starting a new question cancels the
 * one still running, so an answer never belongs to a view the user has already left.
 */
import { builtInCatalog, catalogNow } from '$lib/catalog';
import {
  AnalysisCancelled,
  createAnalysisClient,
  type AnalysisClient,
  type AnalysisJob,
  type AnalysisRequest,
  type AnalysisResult
} from '$lib/worker';

let client: AnalysisClient | undefined;
let clientCatalog: unknown;

/**
 * The page's one worker client, started on the first question. The worker loads the built-in
 * catalog itself; a catalog with the user's own forecasts or record is sent to it, and a change of
 * catalog starts a new worker (jobs of the old one are cancelled).
 */
export function analysisClient(): AnalysisClient {
  const now = catalogNow();
  if (client && clientCatalog === now) return client;
  client?.dispose();
  client = createAnalysisClient(now, { sendCatalog: now !== builtInCatalog });
  clientCatalog = now;
  return client;
}

export type TaskStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export class AnalysisTask<R extends AnalysisRequest> {
  status = $state<TaskStatus>('idle');
  /** Share of the work done, 0…1, while running. */
  progress = $state(0);
  result = $state<AnalysisResult<R> | undefined>(undefined);
  error = $state('');
  /** The request the result answers. */
  request = $state<R | undefined>(undefined);
  #job: AnalysisJob<AnalysisResult<R>> | undefined;
  /**
   * Whether a new question stops the one still running. Cancelling restarts the worker, which is
   * right for a long search the user moved on from, and wasteful for the short questions a page
   * asks on every driver change: those let the stale answer finish and ignore it.
   */
  #cancelsRunning: boolean;

  constructor(options: { cancelsRunning?: boolean } = {}) {
    this.#cancelsRunning = options.cancelsRunning ?? true;
  }

  run(request: R): Promise<void> {
    if (this.#cancelsRunning) this.#job?.cancel();
    const job = analysisClient().run(request);
    this.#job = job;
    this.status = 'running';
    this.progress = 0;
    this.error = '';
    job.onProgress((done, total) => {
      if (this.#job === job) this.progress = total > 0 ? done / total : 0;
    });
    return job.promise.then(
      (result) => {
        if (this.#job !== job) return;
        this.result = result;
        this.request = request;
        this.status = 'done';
      },
      (error: unknown) => {
        if (this.#job !== job) return;
        if (error instanceof AnalysisCancelled) {
          this.status = 'cancelled';
        } else {
          this.status = 'error';
          this.error = error instanceof Error ? error.message : String(error);
        }
      }
    );
  }

  cancel() {
    this.#job?.cancel();
  }

  /** Forgets the answer (the question no longer applies). */
  clear() {
    this.#job?.cancel();
    this.#job = undefined;
    this.status = 'idle';
    this.result = undefined;
    this.request = undefined;
  }
}
