import { describe, expect, it } from 'vitest';
import type { Manifest } from 'vite';
import { staticImportsFirst } from './staticImportsFirst';
// The walk SvelteKit runs over this manifest to find a page's stylesheets and preloads.
import { find_deps } from '../node_modules/@sveltejs/kit/src/exports/vite/build/utils.js';

const PAGE = '.svelte-kit/generated/client-optimized/nodes/10.js';

/**
 * The page imports a panel and then the timeline; the panel lazily imports a list that imports
 * the timeline too. So a depth-first walk meets the timeline through the lazy list first.
 */
const manifest: Manifest = {
  [PAGE]: { file: 'nodes/10.js', imports: ['_panel.js', '_timeline.js'], css: ['10.css'] },
  '_panel.js': { file: 'panel.js', imports: ['_shared.js'], dynamicImports: ['src/List.svelte'] },
  '_timeline.js': { file: 'timeline.js', imports: ['_shared.js'], css: ['Timeline.css'] },
  '_shared.js': { file: 'shared.js' },
  'src/List.svelte': {
    file: 'list.js',
    imports: ['_timeline.js'],
    css: ['List.css'],
    isDynamicEntry: true
  }
};

describe('staticImportsFirst', () => {
  it('reproduces the gap it closes: the walk leaves a static chunk out when a lazy one meets it first', () => {
    const deps = find_deps(manifest, PAGE, true);
    expect(deps.imports).not.toContain('timeline.js');
    expect(deps.stylesheet_map.get(PAGE)?.css).not.toContain('Timeline.css');
  });

  it('lets the walk find every static chunk and stylesheet of the page, and keeps lazy ones lazy', () => {
    const deps = find_deps(staticImportsFirst(manifest), PAGE, true);
    expect(deps.imports.sort()).toEqual(['nodes/10.js', 'panel.js', 'shared.js', 'timeline.js']);
    expect([...deps.stylesheet_map.get(PAGE)!.css].sort()).toEqual(['10.css', 'Timeline.css']);
    // The list is still loaded on use, and its own stylesheet stays with it.
    expect(deps.imports).not.toContain('list.js');
    expect([...deps.stylesheet_map.get('src/List.svelte')!.css]).toEqual(['List.css']);
  });

  it('leaves the input as it was', () => {
    const before = JSON.stringify(manifest);
    staticImportsFirst(manifest);
    expect(JSON.stringify(manifest)).toBe(before);
  });
});
