import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { catalogPlugin } from './vite/catalogPlugin.ts';
import { staticImportsFirstPlugin } from './vite/staticImportsFirst.ts';

export default defineConfig({
  plugins: [catalogPlugin(), sveltekit(), staticImportsFirstPlugin()],
  // The analysis worker is bundled on its own and imports the built catalog too.
  worker: { format: 'es', plugins: () => [catalogPlugin()] },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: './vite.config.ts',
        test: {
          name: 'unit',
          environment: 'node',
          // Property tests run thousands of cases; on a busy 2-core machine they can pass 5 s.
          // Nothing here tests wall time, so a slow run must not fail.
          testTimeout: 60_000,
          include: ['src/**/*.test.ts', 'vite/**/*.test.ts'],
          // Component tests (*.svelte.test.ts) will get their own project when they arrive.
          exclude: ['src/**/*.svelte.test.ts']
        }
      }
    ]
  }
});
