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
    typescript: {
      // Type-check the top-level tooling too, not only src/ and tests/.
      config: (tsconfig) => {
        tsconfig.include.push('../playwright.config.ts', '../scripts/**/*.ts');
      }
    }
  }
};

export default config;
