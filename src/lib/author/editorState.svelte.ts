/**
 * One forecast being edited: the draft the form and the YAML tab change, the checks `validate`
 * makes (run a moment after each edit), and where each problem is shown. The fields the form
 * draws register their paths, so a problem goes beside the field it names, or the nearest one
 * that holds it.
 */
import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { builtInCatalog } from '$lib/builtInCatalog';
import type { Model, ValidationIssue } from '$lib/engine';
import type { UserForecast } from '$lib/user/store';
import { placeIssues } from './fieldPaths';
import { prune } from './draftEdit';
import type { Draft } from './skeleton';

/** A pause in typing before the checks run, so each key press does not run them. */
export const CHECK_DELAY_MS = 200;

export interface DriverChoice {
  id: string;
  label: string;
  ordered: boolean;
  levels: Array<{ id: string; label: string }>;
}

export class EditorState {
  draft = $state() as Draft;
  /** The id the forecast was saved under (undefined until it is saved once). */
  readonly original: string | undefined;
  readonly origin: UserForecast['origin'];
  issues = $state.raw<ValidationIssue[]>([]);
  /** The model of the last draft without errors (the preview draws it). */
  model = $state.raw<Model | undefined>(undefined);
  /** The checks have run on the current draft. */
  checked = $state(false);
  fields = new SvelteSet<string>();
  errors = $derived(this.issues.filter((i) => i.severity === 'error'));
  placed = $derived(placeIssues(this.errors, this.fields));
  #run = 0;

  /**
   * The file text the user last had (the stored file, or what they typed in the YAML tab): the
   * saved text is written over it, so their comments and layout stay where the form left them.
   */
  text: string | undefined;

  constructor(
    draft: Draft,
    original?: string,
    origin: UserForecast['origin'] = 'authored',
    text?: string
  ) {
    this.draft = draft;
    this.original = original;
    this.origin = origin;
    this.text = text;
  }

  /** The problems shown beside the field at `path`. */
  at(path: string): ValidationIssue[] {
    return this.placed.get(path) ?? [];
  }

  /** Shared drivers, then the forecast's own, for the selects. */
  get drivers(): DriverChoice[] {
    const shared = builtInCatalog.vocabulary.drivers
      .filter((d) => !d.declaredBy)
      .map((d) => ({ id: d.id, label: d.label, ordered: d.ordered, levels: d.levels }));
    const own = (this.draft.drivers ?? []).map((d) => ({
      id: d.id ?? '',
      label: d.label || d.id || '',
      ordered: d.ordered ?? true,
      levels: d.levels ?? []
    }));
    return [...shared, ...own.filter((d) => d.id)];
  }

  levelsOf(driver: string) {
    return this.drivers.find((d) => d.id === driver)?.levels ?? [];
  }

  get stateIds(): string[] {
    return Object.keys(this.draft.states ?? {});
  }

  /** The draft as file data: empty fields left out. */
  data(): Draft {
    return prune($state.snapshot(this.draft) as Draft);
  }

  /** Runs the same checks as `validate` on the draft, against the catalog shown. */
  async check(): Promise<void> {
    const run = ++this.#run;
    const data = this.data();
    const { checkDraft } = await import('./workerChecks');
    const id = typeof data.id === 'string' && data.id ? data.id : 'forecast';
    const result = await checkDraft(data, `${id}.yaml`, this.original);
    if (run !== this.#run) return;
    this.issues = result.issues;
    if (result.model) this.model = result.model;
    this.checked = true;
  }

  /** The draft changed: the checks run again after a pause. */
  touched() {
    this.checked = false;
  }
}

const KEY = Symbol('author-editor');

/** The editor the form's fields belong to (set by ForecastEditor). */
export function setEditor(ed: EditorState) {
  setContext(KEY, ed);
}

export function getEditor(): EditorState {
  return getContext<EditorState>(KEY);
}
