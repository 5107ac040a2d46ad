/**
 * Property tests of forecast validation: random documents, and the small valid forecast
 * (fixtures/test-analyst.yaml) mutated at random, as data and as text. Whatever the input,
 * loading never throws, returns a model or errors that name the file and a path, and leaves
 * Object.prototype as it was. Seeded: see src/lib/testing/property.ts to rerun a failure.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkProperty } from '../testing/property';
import { mutate, mutationArb } from '../testing/mutate';
import { realCatalog } from './testCatalog';
import { checkForecast, loadForecast, type SharedFiles } from './catalog';
import type { ValidationIssue } from './issues';

const FILE = 'scenarios/forecasts/test-analyst.yaml';
const BASE_TEXT = readFileSync(new URL('./fixtures/test-analyst.yaml', import.meta.url), 'utf8');
const BASE = parse(BASE_TEXT) as unknown;
const shared: SharedFiles = realCatalog();

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** Keys that matter to the schema, and keys that have hurt parsers before. */
const keyArb = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'id',
    'source',
    'states',
    'transitions',
    'claims',
    'assumptions',
    'guard',
    'level',
    'label',
    'from',
    'to',
    'para',
    'basis',
    'quote'
  )
);
const valueArb = fc.anything({ key: keyArb, maxDepth: 3, maxKeys: 4, withNullPrototype: true });

function expectSoundResult(result: { model?: unknown; issues: ValidationIssue[] }) {
  const errors = result.issues.filter((i) => i.severity === 'error');
  // Either a model and no error, or no model and at least one error.
  expect(result.model === undefined).toBe(errors.length > 0);
  for (const issue of result.issues) {
    expect(issue.file).toBe(FILE);
    expect(typeof issue.path).toBe('string');
    expect(issue.message.trim()).not.toBe('');
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const load = (text: string) => loadForecast({ path: FILE, text }, shared);

describe('forecast validation, property-based', () => {
  it('the unmutated base forecast loads (so the mutations start from a valid file)', () => {
    expect(load(BASE_TEXT).issues).toEqual([]);
  });

  it('random documents: never throws; a model or errors with a path', () => {
    checkProperty(
      fc.property(valueArb, (doc) => expectSoundResult(load(stringify(doc) ?? ''))),
      { numRuns: 2_000, file: import.meta.filename }
    );
  }, 60_000);

  it('the base forecast mutated as data: never throws; a model or errors with a path', () => {
    checkProperty(
      fc.property(fc.array(mutationArb(valueArb), { minLength: 1, maxLength: 4 }), (mutations) =>
        expectSoundResult(checkForecast(mutate(BASE, mutations), FILE, shared))
      ),
      { numRuns: 1_500, file: import.meta.filename }
    );
  }, 60_000);

  it('the base forecast mutated as text: never throws; a model or errors with a path', () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 20 }),
      insert: fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom('&a ', '*a', '[', '{', '"', "'", ': ', '- ', '\n  ', '\t', '!!js/function ')
      )
    });
    checkProperty(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = BASE_TEXT;
        for (const { at, cut, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + cut);
        }
        expectSoundResult(load(text));
      }),
      { numRuns: 1_000, file: import.meta.filename }
    );
  }, 60_000);

  it('a __proto__ key in a forecast is refused as an unknown key and pollutes nothing', () => {
    const text = `${BASE_TEXT}\n__proto__:\n  polluted: yes\n`;
    const result = load(text);
    expectSoundResult(result);
    expect(result.issues.map((i) => i.message)).toContainEqual(
      expect.stringContaining('"__proto__"')
    );
  });
});
