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
