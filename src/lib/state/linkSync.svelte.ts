/**
 * Keeps a page's ExplorationView and its URL in step: reads the link once, then writes every
 * change back with replaceState, so the address bar always reproduces the view.
 *
 * The write waits until the frame showing the change has been painted: replaceState costs the
 * browser several milliseconds, which would otherwise hold up the charts. Changes in between are
 * written once, as the latest view.
 */
import { page } from '$app/state';
import { afterNavigate, replaceState } from '$app/navigation';
import { resolve } from '$app/paths';
import type { ExplorationView } from './explorationView.svelte';
import { userData } from '$lib/user/userData.svelte';

/** Call during a page component's initialisation (it registers a navigation hook and an effect). */
export function syncLink(view: ExplorationView, path: '/explore' | '/compare') {
  // Read the link once the first navigation has settled: the router accepts replaceState only
  // from then on, and the prerendered HTML (which has no query) has been hydrated.
  // The user's own forecasts must be in the catalog first, or a link naming one would lose it.
  afterNavigate(() => {
    const params = page.url.searchParams;
    void userData.load().then(() => view.readLink(params));
  });

  let pending: string | undefined;
  const write = () => {
    const query = pending;
    pending = undefined;
    if (query === undefined || query === window.location.search) return;
    replaceState(query ? resolve(`${path}?${query.slice(1)}`) : resolve(path), {});
  };

  $effect(() => {
    const query = view.query;
    if (!view.ready || query === window.location.search) return;
    const scheduled = pending !== undefined;
    pending = query;
    // The next frame's callback runs before its paint; the timeout it posts runs after.
    if (!scheduled) requestAnimationFrame(() => setTimeout(write, 0));
  });
}
