/** The catalog the build validated (vite/catalogPlugin.ts), as plain JSON data. */
declare module 'virtual:crosswinds-catalog' {
  const data: import('$lib/engine').CatalogData;
  export default data;
}
