/** The app's root address in this browser, for links that reopen a view from a slide or notes. */
import { base } from '$app/paths';
import { SITE_OVERRIDE } from './siteOverride';

export function siteRoot(): string {
  if (typeof location === 'undefined') return base;
  let override: string | null = null;
  try {
    override = localStorage.getItem(SITE_OVERRIDE);
  } catch {
    // Storage blocked: the page's own address is right anyway.
  }
  return override && /^https?:\/\//.test(override) ? override : `${location.origin}${base}`;
}
