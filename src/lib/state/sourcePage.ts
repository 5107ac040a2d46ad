/**
 * The path of the page that audits an article's forecast: /sources/<ref> for a built-in article
 * (prerendered), /sources/yours?id=<forecast> for one of the user's own. Unresolved: a link
 * passes it through `resolve()` from $app/paths, which adds the site's base path.
 */
import type { Catalog } from '../engine';

export type SourcePath = `/sources/${string}`;

export function sourcePage(
  catalog: Pick<Catalog, 'scenarios' | 'userForecasts'>,
  ref: string
): SourcePath {
  const yours = catalog.scenarios.find(
    (s) => s.source.ref === ref && catalog.userForecasts?.includes(s.id)
  );
  const builtIn = catalog.scenarios.some(
    (s) => s.source.ref === ref && !catalog.userForecasts?.includes(s.id)
  );
  return yours && !builtIn
    ? `/sources/yours?id=${encodeURIComponent(yours.id)}`
    : `/sources/${encodeURIComponent(ref)}`;
}

/** sourcePage with a paragraph anchor. */
export function paragraphLink(
  catalog: Pick<Catalog, 'scenarios' | 'userForecasts'>,
  ref: string,
  para: number
): SourcePath {
  return `${sourcePage(catalog, ref)}#p${para}`;
}
