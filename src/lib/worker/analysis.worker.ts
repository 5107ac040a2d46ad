/// <reference lib="webworker" />
/** The analysis Web Worker: a thin wrapper around serve() (handleRequest.ts). */
import { serve, type Served } from './handleRequest';
import type { FromWorker, ToWorker } from './protocol';

const state: Served = {};
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<ToWorker>) =>
  serve(state, event.data, (message: FromWorker) => scope.postMessage(message));
