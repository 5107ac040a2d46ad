import { error } from '@sveltejs/kit';
import { builtInCatalog as catalog } from '$lib/builtInCatalog';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => catalog.scenarios.map((s) => ({ slug: s.source.ref }));

export const load: PageLoad = ({ params }) => {
  const scenario = catalog.scenarios.find((s) => s.source.ref === params.slug);
  if (!scenario) error(404, `No article "${params.slug}"`);
  return { id: scenario.id };
};
