/** Node-side loading: reads scenarios/ and the numbered articles from disk for the engine. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadCatalog,
  type ArticleNumbering,
  type CatalogFiles,
  type SourceFile
} from '../lib/engine/validate';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const scenariosDir = join(repoRoot, 'scenarios');

/** Where the numbered articles live: CROSSWINDS_SEEDS, or ../shared/seeds/numbered beside the repo. */
export function seedsDir(): string {
  return process.env.CROSSWINDS_SEEDS ?? resolve(repoRoot, '../shared/seeds/numbered');
}

/** A path as named from where the user ran the command (npm runs scripts from the repo root). */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** Files under the working directory are named relative to it, any other by its full path. */
function read(path: string): SourceFile {
  const near = relative(process.cwd(), path);
  const name = near && !near.startsWith('..') && !isAbsolute(near) ? near : path;
  return { path: name, text: readFileSync(path, 'utf8') };
}

/** The ¶-numbered articles by slug; undefined when the folder is not there. */
export function readArticles(dir = seedsDir()): ArticleNumbering | undefined {
  if (!existsSync(dir)) return undefined;
  const articles: ArticleNumbering = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const paragraphs: string[] = [];
    let current = -1;
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      const m = /^¶(\d+)\s+(.*)$/.exec(line);
      if (m) {
        current = Number(m[1]) - 1;
        paragraphs[current] = m[2]!;
      } else if (current >= 0 && line.trim()) {
        paragraphs[current] += ` ${line.trim()}`;
      }
    }
    articles[name.replace(/\.md$/, '')] = paragraphs;
  }
  return articles;
}

/**
 * The catalog's files: `forecasts` in place of the ones in scenarios/forecasts when given, and
 * `extra` forecast files from any path after them (a file already among them is read once).
 */
export function catalogFiles(forecasts?: string[], extra: string[] = []): CatalogFiles {
  const forecastDir = join(scenariosDir, 'forecasts');
  const listed =
    forecasts ??
    readdirSync(forecastDir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => join(forecastDir, n));
  const paths = [...new Set([...listed, ...extra].map((p) => resolve(p)))];
  return {
    drivers: read(join(scenariosDir, 'drivers.yaml')),
    scale: read(join(scenariosDir, 'scale.yaml')),
    likelihood: read(join(scenariosDir, 'likelihood.yaml')),
    history: read(join(scenariosDir, 'history', 'observed.json')),
    forecasts: paths.map(read)
  };
}

export function readCatalog(forecasts?: string[], extra: string[] = []) {
  const articles = readArticles();
  return {
    ...loadCatalog(catalogFiles(forecasts, extra), { articles }),
    articlesFound: articles !== undefined
  };
}
