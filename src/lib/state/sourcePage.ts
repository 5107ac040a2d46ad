/**
 * The address of the page that audits an article's forecast: /sources/<ref> for a built-in
 * article (prerendered), /sources/yours?id=<forecast> for one of the user's own.
 */
import { resolve } from '$app/paths';
import type { Catalog } from '../engine';

export function sourcePage(
  catalog: Pick<Catalog, 'scenarios' | 'userForecasts'>,
  ref: string
): string {
  const yours = catalog.scenarios.find(
    (s) => s.source.ref === ref && catalog.userForecasts?.includes(s.id)
  );
  const builtIn = catalog.scenarios.some(
    (s) => s.source.ref === ref && !catalog.userForecasts?.includes(s.id)
  );
  return yours && !builtIn
    ? `${resolve('/sources/yours')}?id=${encodeURIComponent(yours.id)}`
    : resolve('/sources/[slug]', { slug: ref });
}

/** sourcePage with a paragraph anchor. */
export function paragraphLink(
  catalog: Pick<Catalog, 'scenarios' | 'userForecasts'>,
  ref: string,
  para: number
): string {
  return `${sourcePage(catalog, ref)}#p${para}`;
}
