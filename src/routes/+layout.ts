// adapter-static: every route is rendered to HTML at build time.
export const prerender = true;
// '/explore' is written as explore.html, which any static host serves at /explore.
export const trailingSlash = 'never';
