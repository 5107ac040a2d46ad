/**
 * The author page's checks, answered by the checks worker (src/lib/user/checks.worker.ts) with the
 * same code `validate` runs, so zod and the model checks stay off the page's thread. The page gets
 * plain scenarios back and resolves them into models for the preview here.
 */
import { builtInCatalog } from '$lib/builtInCatalog';
import { composeVocabulary, resolveModel, type Model, type Scenario } from '$lib/engine';
import type { ValidationIssue } from '$lib/engine';
import { check } from '$lib/user/checksClient';
import { userData } from '$lib/user/userData.svelte';
import type { ImportOutcome } from './importCheck';

/** A checked forecast's model, against the shared drivers plus its own. */
export function previewModel(scenario: Scenario): Model {
  const shared = { drivers: builtInCatalog.vocabulary.drivers.filter((d) => !d.declaredBy) };
  return resolveModel(scenario, {
    vocabulary: composeVocabulary(shared, [scenario]),
    likelihood: builtInCatalog.likelihood
  });
}

const others = (except: ReadonlyArray<string | undefined>) =>
  userData.forecasts.filter((f) => !except.includes(f.id));

const record = () => (userData.record ? { record: userData.record } : {});

/** The draft checked as the file `<id>.yaml`; `editing` is the id it was saved under, if any. */
export async function checkDraft(
  data: unknown,
  file: string,
  editing?: string
): Promise<{ issues: ValidationIssue[]; model?: Model }> {
  const id = file.replace(/\.yaml$/, '');
  const { issues, scenario } = await check({
    kind: 'forecast',
    data,
    file,
    others: others([editing, id]),
    ...record()
  });
  return scenario ? { issues, model: previewModel(scenario) } : { issues };
}

/** A file brought in, checked before anything is kept. */
export async function checkImportText(text: string, file: string): Promise<ImportOutcome> {
  const answer = await check({ kind: 'import', text, file, others: others([]), ...record() });
  if (answer.kind !== 'valid') return answer;
  return { ...answer, model: previewModel(answer.scenario) };
}
