/** The app's root address in this browser, for links that reopen a view from a slide or notes. */
import { base } from '$app/paths';

export function siteRoot(): string {
  return typeof location === 'undefined' ? base : `${location.origin}${base}`;
}
