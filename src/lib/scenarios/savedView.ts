/**
 * A saved scenario's view: its link decoded against the catalog shown now, run through every
 * model, and described in a line for the list. Pure: no Svelte, no DOM.
 */
import type { Catalog } from '$lib/engine';
import { analystLabel, decode, type Exploration } from '$lib/state/exploration';
import { runView, type ViewRun } from '$lib/state/views';

export interface SavedView {
  exploration: Exploration;
  /** What of the link the catalog no longer knows (a deleted forecast, say), in words. */
  notices: string[];
  run: ViewRun;
}

export function savedView(catalog: Catalog, query: string): SavedView {
  const { exploration, notices } = decode(new URLSearchParams(query), catalog);
  return { exploration, notices, run: runView(catalog, exploration) };
}

/** "What happened · 2 driver changes · 3 of 5 analysts · 2024Q3": a saved view in a line. */
export function describeView(catalog: Catalog, e: Exploration): string {
  const preset = catalog.scenarios.find((s) => s.id === e.preset);
  const changes = e.overrides.length + (e.uncertain?.length ?? 0);
  return [
    preset ? `${analystLabel(preset, catalog)}’s assumptions` : 'What happened',
    changes > 0 ? `${changes} driver change${changes === 1 ? '' : 's'}` : 'no driver changes',
    e.analysts.length === catalog.scenarios.length
      ? 'every analyst'
      : `${e.analysts.length} of ${catalog.scenarios.length} analysts`,
    e.quarter
  ].join(' · ');
}
