export { catalog, catalogNow, showCatalog, showCatalogData } from './catalog.svelte';
export { builtInCatalog } from './builtInCatalog';
