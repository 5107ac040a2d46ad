/**
 * The CLI and the site agree: a forecast that `validate` passes also loads in the site, and one
 * the site refuses fails `validate` with the same messages. The built-in files are validated by
 * the CLI's own loader at build time (vite/catalogPlugin.ts); a file read in the browser goes
 * through `loadCatalog(files)` (engine/validate.ts) with no numbered articles, so the CLI, which
 * adds the articles, may find more (a misquoted paragraph), never fewer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { catalogFiles } from './readCatalog';
import { main } from './main';
import { formatIssue, loadCatalog } from '../lib/engine/validate';

const BASE = readFileSync(
  new URL('../lib/engine/fixtures/test-analyst.yaml', import.meta.url),
  'utf8'
);
const dir = mkdtempSync(join(tmpdir(), 'crosswinds-agree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `validate <file>`: exit code and printed lines. */
function validate(path: string) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  try {
    return { code: main(['validate', path]), lines: out.flatMap((l) => l.split('\n')) };
  } finally {
    log.mockRestore();
  }
}

/** The forecast as the site loads it, under the name the site gives it. */
function siteLoad(text: string) {
  const path = 'scenarios/forecasts/test-analyst.yaml';
  const { catalog, issues } = loadCatalog({ ...catalogFiles([]), forecasts: [{ path, text }] });
  return { path, loaded: catalog?.scenarios.some((s) => s.id === 'test-analyst') ?? false, issues };
}

const replace = (from: string, to: string) => BASE.replace(from, to);

const FILES: [name: string, text: string][] = [
  ['a valid forecast', BASE],
  ['a YAML syntax error', replace('thesis:', 'thesis: a: b:')],
  ['an unknown key', `${BASE}\nsummary: extra\n`],
  ['a misspelt enum value', replace('basis: stated', 'basis: stater')],
  ['an id that is not the file name', replace('id: test-analyst', 'id: test-other')],
  ['a transition to a state that does not exist', replace('to: breakdown', 'to: brekdown')],
  ['a wrong type', replace('level: -1', 'level: minus one')],
  [
    'an alias bomb',
    `${BASE}\nx: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`
  ],
  ['brackets nested too deep', `${BASE}\nx: ${'['.repeat(100)}${']'.repeat(100)}\n`],
  ['an empty file', ''],
  ['a file that is only a list', '- 1\n- 2\n']
];

describe('the CLI and the site agree', () => {
  it.each(FILES)('%s', (_, text) => {
    const file = join(dir, 'test-analyst.yaml');
    writeFileSync(file, text);
    const cli = validate(file);
    const site = siteLoad(text);
    const siteErrors = site.issues.filter((i) => i.severity === 'error');
    if (site.loaded) {
      expect(siteErrors).toEqual([]);
      expect(cli.code).toBe(0);
    } else {
      expect(siteErrors.length).toBeGreaterThan(0);
      expect(cli.code).toBe(1);
      // The same messages, each under the file's full path (it is outside the working directory).
      for (const issue of siteErrors) expect(cli.lines).toContain(formatIssue({ ...issue, file }));
    }
  });

  it('the planted mistakes are refused and the valid file loads, so the cases test both ways', () => {
    const loaded = FILES.map(([name, text]) => [name, siteLoad(text).loaded]);
    expect(loaded.filter(([, ok]) => ok).map(([name]) => name)).toEqual(['a valid forecast']);
  });
});
