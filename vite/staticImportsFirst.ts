/**
 * Puts every page's static imports ahead of its lazy ones in the client build's manifest, so that
 * each prerendered page links the stylesheets of every component it draws at first paint.
 *
 * Why: SvelteKit 2 works out a page's stylesheets and preloads by walking the manifest depth
 * first, marking each chunk as seen. Where a chunk the page imports statically (Timeline) is first
 * reached through a lazy import of an earlier chunk (the saved-scenarios panel imports Timeline
 * too), the walk skips it later: its stylesheet is left out of the page's HTML and arrives only
 * with the JavaScript, so the page jumps as it hydrates (a layout shift of 0.28 on /explore).
 * Listing a page's whole static closure on the page itself, and moving the lazy imports of those
 * chunks onto the page, makes the walk meet every static chunk first. What is lazy stays lazy.
 * tests/first-paint.spec.ts checks the result on every page.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, Plugin } from 'vite';

/** A page's client entry, as SvelteKit names it in the manifest. */
const isPageEntry = (key: string) => /\/generated\/client-optimized\/nodes\/\d+\.js$/.test(key);

/** Pure: the manifest with each page's static imports first. */
export function staticImportsFirst(
  manifest: Manifest,
  isPage: (key: string) => boolean = isPageEntry
): Manifest {
  const out: Manifest = structuredClone(manifest);
  const hoisted = new Map<string, { imports: string[]; dynamicImports: string[] }>();
  const emptied = new Set<string>();
  for (const key of Object.keys(out).filter(isPage)) {
    // In depth-first order, as SvelteKit's walk would meet them; a Set keeps insertion order.
    const closure = new Set<string>();
    const visit = (k: string) => {
      for (const next of out[k]?.imports ?? []) {
        if (closure.has(next) || next === key) continue;
        closure.add(next);
        visit(next);
      }
    };
    visit(key);
    const lazy = [key, ...closure].flatMap((k) => out[k]?.dynamicImports ?? []);
    hoisted.set(key, {
      imports: [...closure],
      dynamicImports: [...new Set(lazy)].filter((k) => !closure.has(k) && k !== key)
    });
    for (const k of closure) emptied.add(k);
  }
  for (const k of emptied) if (!isPage(k)) delete out[k]!.dynamicImports;
  for (const [key, lists] of hoisted) {
    out[key]!.imports = lists.imports;
    if (lists.dynamicImports.length) out[key]!.dynamicImports = lists.dynamicImports;
    else delete out[key]!.dynamicImports;
  }
  return out;
}

/** Rewrites the client build's `.vite/manifest.json` once it is written (see above). */
export function staticImportsFirstPlugin(): Plugin {
  return {
    name: 'crosswinds:static-imports-first',
    apply: 'build',
    enforce: 'post',
    // The manifest is written with the bundle, after the last generateBundle hook: rewrite the
    // file before SvelteKit reads it.
    writeBundle(options) {
      const file = join(options.dir ?? '', '.vite', 'manifest.json');
      if (!existsSync(file)) return;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      // Only the client build has page entries; the server's manifest is left as it is.
      if (!Object.keys(manifest).some(isPageEntry)) return;
      writeFileSync(file, JSON.stringify(staticImportsFirst(manifest), null, 2));
    }
  };
}
