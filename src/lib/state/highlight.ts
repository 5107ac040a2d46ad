/**
 * The element a link asks /explore to mark (`?h=state.rupture`, `?h=transition.war-subsides`):
 * the sources page links each citation back to the state or transition it belongs to. Pure.
 */
import type { Model } from '../engine';

export interface Highlight {
  kind: 'state' | 'transition';
  id: string;
}

export const HIGHLIGHT_KEY = 'h';

export function encodeHighlight(h: Highlight): string {
  return `${h.kind}.${h.id}`;
}

/** The highlight a link names, when the model has that element; undefined otherwise. */
export function parseHighlight(text: string | null, model: Pick<Model, 'scenario'>) {
  const m = /^(state|transition)\.([a-zA-Z][a-zA-Z0-9-]*)$/.exec(text ?? '');
  if (!m) return undefined;
  const kind = m[1] as Highlight['kind'];
  const id = m[2]!;
  const known =
    kind === 'state'
      ? id in model.scenario.states
      : model.scenario.transitions.some((t) => t.id === id);
  return known ? { kind, id } : undefined;
}

/**
 * Why a link's `h` marks nothing in the diagram of `who` (the analyst focused), in words;
 * undefined when there is no `h` or it names an element the model has.
 */
export function highlightProblem(
  text: string | null,
  model: Pick<Model, 'scenario'>,
  who: string
): string | undefined {
  if (!text || parseHighlight(text, model)) return undefined;
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  return /^(state|transition)\./.test(text)
    ? `The link asked to mark ${shown}, which is not in ${who}’s diagram; nothing is marked.`
    : `The link asked to mark ${shown}, which is not a state or transition like state.rupture; nothing is marked.`;
}
