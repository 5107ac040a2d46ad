/**
 * YAML bombs: each is refused before it can expand, with a message that names the file and says
 * why, while the real scenario files still read. Memory is checked by the heap's growth, which a
 * bomb that expanded would blow far past (a billion laughs is 9⁹ strings).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogFiles } from '../../cli/readCatalog';
import { loadCatalog } from './catalog';
import { MAX_ALIASES, MAX_DEPTH, MAX_FILE_CHARS, MAX_INDENT, readYaml } from './readYaml';

const FILE = 'scenarios/forecasts/test-analyst.yaml';
const BASE = readFileSync(new URL('./fixtures/test-analyst.yaml', import.meta.url), 'utf8');

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'
    .split('')
    .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)
].join('\n');

const BOMBS: [name: string, text: string, message: RegExp][] = [
  ['a billion laughs (aliases of aliases)', BILLION_LAUGHS, /aliases.*more than 100 copies/],
  [
    '10,000 nested flow lists',
    `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    /nested too deeply.*brackets at line 1 nest more than 64 levels/
  ],
  [
    '10,000 nested flow maps across lines',
    Array.from({ length: 10_000 }, () => '{a:').join('\n') + '}'.repeat(10_000),
    /nested too deeply.*brackets at line 65 nest/
  ],
  [
    '1,000 nested block lists',
    Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}-`).join('\n'),
    /nested too deeply to read: line 202 is indented more than 200 columns/
  ],
  [
    'block maps nested deeper than allowed within the indent limit',
    Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' x',
    /nested too deeply to read: lists and maps nest more than 64 levels/
  ],
  ['lists nested on one line', `${'- '.repeat(5_000)}x`, /nested too deeply|not valid YAML/],
  [
    'a huge file',
    `notes: "${'x'.repeat(MAX_FILE_CHARS)}"\n`,
    /too large to read \(1,000,010 characters; at most 1,000,000\)/
  ]
];

describe('YAML bombs', () => {
  it.each(BOMBS)('refuses %s with a clear message and bounded memory', (_, text, message) => {
    const before = process.memoryUsage().heapUsed;
    const result = readYaml(text);
    const grown = process.memoryUsage().heapUsed - before;
    expect(result).toEqual({ problem: expect.stringMatching(message) });
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });

  it('names the file the bomb was in, and the other forecasts still load', () => {
    const { catalog, issues } = loadCatalog({
      ...catalogFiles([]),
      forecasts: [
        { path: FILE, text: BASE },
        { path: 'scenarios/forecasts/bomb.yaml', text: BILLION_LAUGHS }
      ]
    });
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'scenarios/forecasts/bomb.yaml',
        path: '',
        message: `uses YAML aliases (*name) that expand to more than ${MAX_ALIASES} copies; write the values out instead`
      }
    ]);
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['test-analyst']);
  });

  it('reads every real scenario file, well inside each limit', () => {
    const files = catalogFiles();
    for (const file of [
      files.drivers,
      files.scale,
      files.likelihood,
      files.history,
      ...files.forecasts
    ]) {
      expect(file.text.length, file.path).toBeLessThan(MAX_FILE_CHARS / 10);
      expect(readYaml(file.text), file.path).toHaveProperty('data');
    }
  });

  it('a few aliases, brackets in quotes and comments, and deep-but-allowed nesting still read', () => {
    expect(readYaml('a: &x [1, 2]\nb: *x\n')).toEqual({ data: { a: [1, 2], b: [1, 2] } });
    const quoted = `q: "${'['.repeat(MAX_DEPTH + 5)}" # ${'{'.repeat(MAX_DEPTH + 5)}\nr: it's [fine]`;
    expect(readYaml(quoted)).toEqual({
      data: { q: '['.repeat(MAX_DEPTH + 5), r: "it's [fine]" }
    });
    const allowed = `${'['.repeat(MAX_DEPTH)}1${']'.repeat(MAX_DEPTH)}`;
    expect(readYaml(allowed)).toHaveProperty('data');
    expect(readYaml(`${' '.repeat(MAX_INDENT)}x: 1`)).toEqual({ data: { x: 1 } });
  });
});

it('an unknown YAML tag is refused rather than read as a string', () => {
  expect(readYaml('a: !!js/function "x"\n')).toEqual({
    problem: expect.stringMatching(
      /^cannot be read: Unresolved tag: .*js\/function at line 1, column 4$/
    )
  });
});
