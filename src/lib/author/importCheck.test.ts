import { describe, expect, it } from 'vitest';
import { readYaml } from '$lib/engine/validate';
import { realCatalog } from '$lib/engine/testCatalog';
import { checkData, checkImport } from './importCheck';
import { forecastYaml, withIdInText, withNamesInText } from './exportYaml';
import { newForecast, withId } from './skeleton';

const catalog = realCatalog();
const shared = {
  vocabulary: { drivers: catalog.vocabulary.drivers.filter((d) => !d.declaredBy) },
  likelihood: catalog.likelihood,
  history: catalog.history
};
const loaded = catalog.models;

describe('importing a forecast file', () => {
  it('accepts a valid file under its own id', () => {
    const text = forecastYaml(newForecast('fresh-view', '2026Q2', catalog.vocabulary));
    const outcome = checkImport(text, 'my file.yaml', shared, loaded);
    expect(outcome.kind).toBe('valid');
  });

  it('lists a planted error by file and path, and nothing else is accepted', () => {
    const draft = newForecast('fresh-view', '2026Q2', catalog.vocabulary);
    draft.transitions[0]!.to = 'nowhere';
    const outcome = checkImport(forecastYaml(draft), 'planted.yaml', shared, loaded);
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.issues.map((i) => [i.file, i.path])).toContainEqual([
      'planted.yaml',
      'transitions[0].to'
    ]);
    expect(outcome.issues.find((i) => i.path === 'transitions[0].to')!.message).toMatch(
      /unknown state "nowhere"/
    );
  });

  it('says what is wrong with text that is not YAML', () => {
    const outcome = checkImport('id: [unclosed', 'bad.yaml', shared, loaded);
    expect(outcome).toMatchObject({ kind: 'invalid', issues: [{ file: 'bad.yaml', path: '' }] });
  });

  it('offers a free id for a file whose id is taken, and accepts it under that id', () => {
    const s = catalog.scenarios[0]!;
    const text = forecastYaml(s);
    const outcome = checkImport(text, `${s.id}.yaml`, shared, loaded);
    expect(outcome).toMatchObject({ kind: 'clash', id: s.id, suggested: `${s.id}-2` });
    const renamed = withIdInText(text, 'my-copy');
    const again = checkImport(renamed, 'x.yaml', shared, loaded);
    expect(again.kind).toBe('valid');
    if (again.kind === 'valid') expect(again.model.scenario).toEqual({ ...s, id: 'my-copy' });
  });

  it('keeps comments when it rewrites the id', () => {
    const text = '# my notes\nid: a-b # the id\nthesis: x\n';
    expect(withIdInText(text, 'c-d')).toContain('# my notes');
    const read = readYaml(withIdInText(text, 'c-d'));
    expect('data' in read && read.data).toEqual({ id: 'c-d', thesis: 'x' });
  });

  it('keeps comments when it renames, and removes the short name when it is cleared', () => {
    const text = '# my notes\nid: a-b\nsource:\n  title: Old # kept title note\n  citeAs: Old\n';
    const renamed = withNamesInText(text, { title: 'New title' });
    expect(renamed).toContain('# my notes');
    const read = readYaml(renamed);
    expect('data' in read && read.data).toEqual({ id: 'a-b', source: { title: 'New title' } });
    const named = readYaml(withNamesInText(text, { title: 'T', citeAs: 'Short' }));
    expect('data' in named && named.data).toMatchObject({
      source: { title: 'T', citeAs: 'Short' }
    });
  });

  it('finds a taken-id file’s own problems first', () => {
    const s = catalog.scenarios[0]!;
    const data = withId({ ...s, thesis: '' }, s.id);
    const outcome = checkData(data, 'f.yaml', shared, loaded);
    expect(outcome.kind).toBe('invalid');
  });
});
