/**
 * The page's side of the checks worker: one worker, started on the first question, answering
 * each request by id. Nothing here loads zod or the YAML parser.
 */
import type { CheckRequest, CheckResponse, CheckResult } from './checkRequests';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

function start(): Worker {
  const w = new Worker(new URL('./checks.worker.ts', import.meta.url), {
    type: 'module',
    name: 'crosswinds-checks'
  });
  w.onmessage = (event: MessageEvent<CheckResponse>) => {
    const job = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!job) return;
    if (event.data.ok) job.resolve(event.data.result);
    else job.reject(new Error(event.data.message));
  };
  w.onerror = (event) => {
    const error = new Error(`the checks worker failed: ${event.message ?? 'unknown error'}`);
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };
  return w;
}

/** Asks the checks worker; rejects with the worker's message when it cannot answer. */
export function check<R extends CheckRequest>(request: R): Promise<CheckResult<R>> {
  worker ??= start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    worker!.postMessage({ id, request: plain(request) });
  });
}

/** Plain data for postMessage: Svelte's state proxies cannot be cloned. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
