/// <reference lib="webworker" />
/**
 * Validates what the user wrote, off the page's thread: the same zod schemas and model checks as
 * `validate`. It is bundled on its own, so the YAML parser and the full zod never share a chunk
 * with the page's code (the brief's deck reader uses the small zod/mini) and never block a paint.
 */
import { builtInCatalog } from '$lib/builtInCatalog';
import { answerCheck, type CheckRequest, type CheckResponse } from './checkRequests';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<{ id: number; request: CheckRequest }>) => {
  const { id, request } = event.data;
  let response: CheckResponse;
  try {
    response = { id, ok: true, result: answerCheck(builtInCatalog, request) };
  } catch (e) {
    response = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(response);
};
