export { catalog, catalogNow, showCatalog } from './catalog.svelte';
export { builtInCatalog } from './builtInCatalog';
