/** Where a slide's chart lives in the app, so a slide can be reopened as a live view. Pure. */
import type { SlideView } from './deck';

export function viewPath(view: SlideView): '/explore' | '/compare' | '/scorecard' {
  if (view.startsWith('explore')) return '/explore';
  if (view.startsWith('compare')) return '/compare';
  return '/scorecard';
}

/** A file name stem for a slide's downloads: "03-where-the-analysts-disagree". */
export function fileStem(index: number, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${String(index + 1).padStart(2, '0')}-${slug || 'slide'}`;
}

/** The view's full address under `site` (the app's root URL, e.g. "https://host/crosswinds"). */
export function viewLink(site: string, view: SlideView, query: string): string {
  return `${site.replace(/\/+$/, '')}${viewPath(view)}${query}`;
}
