import { describe, expect, it } from 'vitest';
import { checkForecast, readYaml } from '$lib/engine/validate';
import { realCatalog } from '$lib/engine/testCatalog';
import { copyForecast, newForecast, uniqueId, withId } from './skeleton';
import { fileData, forecastYaml, forecastYamlOver } from './exportYaml';
import { readFileSync } from 'node:fs';
import { normalise, prune, renameState, reshapeGuard } from './draftEdit';
import type { Guard } from '$lib/engine/schema';

const catalog = realCatalog();
const shared = {
  vocabulary: { drivers: catalog.vocabulary.drivers.filter((d) => !d.declaredBy) },
  likelihood: catalog.likelihood,
  history: catalog.history
};
const check = (data: unknown, id: string) =>
  checkForecast(data, `${id}.yaml`, shared, new Map(catalog.models));
const errors = (r: ReturnType<typeof check>) => r.issues.filter((i) => i.severity === 'error');
const read = (text: string) => {
  const r = readYaml(text);
  if (!('data' in r)) throw new Error(r.problem);
  return r.data;
};

describe('a new forecast', () => {
  it('validates as it stands, with two states and one transition', () => {
    const draft = newForecast('my-view', '2026Q2', catalog.vocabulary);
    const result = check(draft, 'my-view');
    expect(errors(result)).toEqual([]);
    expect(Object.keys(draft.states)).toHaveLength(2);
    expect(draft.transitions).toHaveLength(1);
  });

  it('is refused when its id is taken, and named so', () => {
    const taken = catalog.scenarios[0]!.id;
    const result = check(newForecast(taken, '2026Q2', catalog.vocabulary), taken);
    expect(errors(result).map((i) => [i.path, i.message])).toContainEqual([
      'id',
      `duplicate forecast id "${taken}"`
    ]);
  });
});

describe('a copy of a forecast', () => {
  const original = catalog.scenarios[0]!;
  const taken = new Set(catalog.scenarios.map((s) => s.id));

  it('gets a free id ending in -copy and otherwise the same data', () => {
    const copy = copyForecast(original, taken);
    expect(copy.id).toBe(`${original.id}-copy`);
    expect({ ...copy, id: original.id }).toEqual(original);
    expect(copy.states).not.toBe(original.states);
  });

  it('takes the next free id when the copy exists already', () => {
    expect(uniqueId('a-copy', new Set(['a-copy', 'a-copy-2']))).toBe('a-copy-3');
    expect(copyForecast(original, new Set([...taken, `${original.id}-copy`])).id).toBe(
      `${original.id}-copy-2`
    );
  });

  it('validates beside the original', () => {
    const copy = copyForecast(original, taken);
    expect(errors(check(copy, copy.id))).toEqual([]);
  });
});

describe('export as YAML', () => {
  it.each(catalog.scenarios.map((s) => [s.id, s] as const))(
    '%s reads back as the same forecast',
    (id, scenario) => {
      const text = forecastYaml(scenario);
      const result = checkForecast(read(text), `${id}.yaml`, shared);
      expect(errors(result)).toEqual([]);
      expect(result.model!.scenario).toEqual(scenario);
    }
  );

  it('writes keys in the format’s order and leaves out defaulted empties', () => {
    const s = catalog.scenarios.find((x) => x.assumptions.changes.length === 0)!;
    const data = fileData({ ...s, claims: [] });
    expect(Object.keys(data)).toEqual(
      [
        'id',
        'source',
        'thesis',
        'start',
        'until',
        'drivers',
        'states',
        'transitions',
        'assumptions',
        'claims'
      ].filter((k) => k in data)
    );
    expect(data).not.toHaveProperty('claims');
    expect(data.assumptions).not.toHaveProperty('changes');
    expect(data.transitions.some((t) => t.trigger === 'quarter')).toBe(false);
    const text = forecastYaml(s);
    expect(text.startsWith(`id: ${s.id}\nsource:`)).toBe(true);
    expect(text).toMatch(/source: \{ para: \d+, basis: stated, quote: /);
  });

  it('imports back under a new id with the same states and transitions', () => {
    const s = catalog.scenarios[1]!;
    const data = withId(read(forecastYaml(s)), 'copy-of-it');
    const result = check(data, 'copy-of-it');
    expect(errors(result)).toEqual([]);
    expect(result.model!.scenario).toEqual({ ...s, id: 'copy-of-it' });
  });
});

describe('editing a draft', () => {
  it('leaves out empty fields, so optional ones pass and required ones say so', () => {
    const draft = newForecast('x', '2026Q2', catalog.vocabulary);
    const edited = { ...draft, source: { ...draft.source, citeAs: '', author: '' } };
    const result = check(prune(edited), 'x');
    expect(errors(result).map((i) => i.path)).toEqual(['source.author']);
  });

  it('renames a state wherever the start and the transitions name it', () => {
    const draft = newForecast('x', '2026Q2', catalog.vocabulary);
    const renamed = renameState(draft, 'now', 'today');
    expect(Object.keys(renamed.states)).toEqual(['today', 'next']);
    expect(renamed.start.state).toBe('today');
    expect(renamed.transitions[0]!.from).toBe('today');
    expect(errors(check(renamed, 'x'))).toEqual([]);
    expect(renameState(draft, 'now', 'next')).toBe(draft);
  });

  it('changes a condition’s kind and keeps what still applies', () => {
    const source = { para: 3, basis: 'reading' as const, why: 'w' };
    const leaf: Guard = {
      type: 'driverIs',
      params: { driver: 'sanctions', levels: ['easing'] },
      source
    };
    const fallback = { driver: 'ukraine', level: 'war', quarter: '2026Q1' };
    expect(reshapeGuard(leaf, 'driverAtLeast', fallback)).toEqual({
      type: 'driverAtLeast',
      params: { driver: 'sanctions', level: 'easing' },
      source
    });
    const all = reshapeGuard(leaf, 'and', fallback);
    expect(all).toEqual({ type: 'and', params: { guards: [leaf] } });
    expect(reshapeGuard(all, 'not', fallback)).toEqual({ type: 'not', params: { guard: leaf } });
    expect(reshapeGuard(leaf, 'from', fallback)).toEqual({
      type: 'from',
      params: { quarter: '2026Q1' },
      source
    });
  });
});

describe('a half-written file in the form', () => {
  it('gets every part the form draws, and the checks still name what is missing', () => {
    const data = {
      id: 'half',
      states: { a: 'oops' },
      transitions: [{ id: 't', guard: { type: 'and', params: { guards: ['x'] } } }, 'junk'],
      claims: [{ id: 'c' }]
    };
    const draft = normalise(data)!;
    expect(draft.states).toEqual({ a: {} });
    expect(draft.transitions[1]).toMatchObject({ guard: { params: {} } });
    expect(draft.transitions[0]!.guard).toMatchObject({
      type: 'and',
      params: { guards: [{ type: 'driverIs', params: {} }] }
    });
    expect(draft.claims![0]).toMatchObject({ window: {}, topics: [] });
    expect(errors(check(prune(draft), 'half')).length).toBeGreaterThan(0);
    expect(normalise('text')).toBeUndefined();
    expect(normalise([1])).toBeUndefined();
  });
});

describe('saving over the text the user had', () => {
  const text = readFileSync(
    new URL('../../../examples/forecasts/tkachenko-2025-gamble.yaml', import.meta.url),
    'utf8'
  );
  const data = () => normalise(read(text))!;

  it('keeps every comment when the form changed nothing, and the file reads the same', () => {
    const out = forecastYamlOver(text, data());
    for (const line of text.split('\n').filter((l) => l.trim().startsWith('#')))
      expect(out).toContain(line.trim());
    expect(fileData(normalise(read(out))!)).toEqual(fileData(data()));
  });

  it('writes what the form changed, and keeps the comments of what it left', () => {
    const draft = data();
    draft.states['pragmatic-thaw']!.label = 'A cautious thaw';
    delete draft.until;
    draft.thesis = 'A new thesis.';
    const out = forecastYamlOver(text, draft);
    expect(read(out)).toMatchObject({ thesis: 'A new thesis.' });
    expect(out).toContain('label: A cautious thaw');
    expect(out).not.toContain('label: Pragmatic thaw');
    expect(out).toContain('# The fork the article names and leaves open: both answers, weighted.');
    expect(out).toContain('# Stanislav Tkachenko (St. Petersburg State University)');
    expect(fileData(normalise(read(out))!)).toEqual(fileData(draft));
  });

  it('adds and removes list items and keys as the form did', () => {
    const draft = data();
    const before = draft.transitions.length;
    draft.transitions = draft.transitions.slice(1);
    draft.claims = [];
    const out = forecastYamlOver(text, draft);
    const back = normalise(read(out))!;
    expect(back.transitions).toHaveLength(before - 1);
    expect(back.claims ?? []).toEqual([]);
    expect(fileData(back)).toEqual(fileData(draft));
  });

  it('writes a fresh file where there is no earlier text, or it does not read as YAML', () => {
    const draft = data();
    expect(forecastYamlOver(undefined, draft)).toBe(forecastYaml(draft));
    expect(forecastYamlOver('id: [unclosed', draft)).toBe(forecastYaml(draft));
  });
});
