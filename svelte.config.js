import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Runes everywhere in our own code; libraries in node_modules decide for themselves.
    runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
  },
  kit: {
    // Every route is prerendered (see src/routes/+layout.ts), so no SPA fallback is needed.
    adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
    csp: {
      // Every page is prerendered, so SvelteKit writes the policy into each page as a <meta> tag
      // with the hash of its one inline bootstrap script. (A meta policy ignores frame-ancestors,
      // report-uri and sandbox, so none is set here.)
      mode: 'hash',
      directives: {
        // Also covers fetches of the site's own data and module Workers loaded from its own files
        // (worker-src falls back to script-src, then default-src).
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // Svelte writes `style:` directives (swatch colours, positions, the slide's scale) into
        // the prerendered HTML as style attributes, and hydration keeps them, so blocking them
        // would leave charts unstyled. A style attribute cannot run script or hold a selector;
        // <style> elements and stylesheets stay limited to the site's own files.
        'style-src-attr': ['unsafe-inline'],
        // Charts are rasterised to PNG by drawing their SVG (a data: URL) into a canvas.
        'img-src': ['self', 'data:'],
        'object-src': ['none'],
        // No page sets a <base> or submits a form to a server (forms are handled in script).
        'base-uri': ['none'],
        'form-action': ['none']
      }
    },
    typescript: {
      // Type-check the top-level tooling too, not only src/ and tests/.
      config: (tsconfig) => {
        tsconfig.include.push('../playwright.config.ts', '../scripts/**/*.ts');
      }
    }
  }
};

export default config;
