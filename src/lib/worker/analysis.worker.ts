/// <reference lib="webworker" />
/**
 * The analysis Web Worker: a thin wrapper around serve() (handleRequest.ts). It loads the built-in
 * catalog itself, so the page never clones the catalog into a message on its own thread; an init
 * message (a catalog with the user's forecasts, or a test's) replaces it.
 */
import { builtInCatalog as catalog } from '$lib/builtInCatalog';
import { serve, type Served } from './handleRequest';
import type { FromWorker, ToWorker } from './protocol';

const state: Served = { catalog };
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<ToWorker>) =>
  serve(state, event.data, (message: FromWorker) => scope.postMessage(message));
