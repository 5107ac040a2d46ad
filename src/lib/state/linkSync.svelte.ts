/**
 * Keeps a page's ExplorationView and its URL in step: reads the link once, then writes every
 * change back with replaceState, so the address bar always reproduces the view.
 */
import { page } from '$app/state';
import { afterNavigate, replaceState } from '$app/navigation';
import { resolve } from '$app/paths';
import type { ExplorationView } from './explorationView.svelte';

/** Call during a page component's initialisation (it registers a navigation hook and an effect). */
export function syncLink(view: ExplorationView, path: '/explore' | '/compare') {
  // Read the link once the first navigation has settled: the router accepts replaceState only
  // from then on, and the prerendered HTML (which has no query) has been hydrated.
  afterNavigate(() => view.readLink(page.url.searchParams));

  $effect(() => {
    const query = view.query;
    if (!view.ready || query === window.location.search) return;
    replaceState(query ? resolve(`${path}?${query.slice(1)}`) : resolve(path), {});
  });
}
