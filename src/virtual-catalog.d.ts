/** The catalog the build validated (vite/catalogPlugin.ts), as plain JSON data. */
declare module 'virtual:crosswinds-catalog' {
  const data: import('$lib/engine').CatalogData;
  export default data;
}

/** Each built-in forecast's state diagram as laid out at build time, by forecast id. */
declare module 'virtual:crosswinds-diagrams' {
  const layouts: Record<string, import('$lib/charts/diagramLayout').DiagramLayout>;
  export default layouts;
}

/** The built-in forecast files the build left out, each with its messages. */
declare module 'virtual:crosswinds-skipped' {
  const skipped: import('$lib/engine').SkippedFile[];
  export default skipped;
}
