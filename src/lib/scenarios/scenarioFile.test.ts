import { describe, expect, it } from 'vitest';
import type { SavedScenario } from '$lib/user/store';
import {
  NAME_MAX,
  SCENARIO_FILE_FORMAT,
  cleanName,
  cleanQuery,
  parseScenarios,
  serializeScenarios
} from './scenarioFile';

const saved = (id: string, name: string, query: string): SavedScenario => ({
  id,
  name,
  query,
  updated: '2026-02-01T10:00:00.000Z'
});

function ids() {
  let n = 0;
  return () => `new-${++n}`;
}

const file = (scenarios: unknown[], extra: object = {}) =>
  JSON.stringify({ format: SCENARIO_FILE_FORMAT, version: 1, scenarios, ...extra });

describe('scenario files', () => {
  it('an exported file imports back into an empty browser as the same scenarios', () => {
    const list = [
      saved('a', 'Sanctions lifted', '?o=sanctions.lifted.2024Q1&q=2025Q1'),
      saved('b', 'Default view', '')
    ];
    const text = serializeScenarios(list);
    expect(JSON.parse(text)).toMatchObject({ format: SCENARIO_FILE_FORMAT, version: 1 });
    const parsed = parseScenarios(text, 'x.json', [], ids());
    expect(parsed).toEqual({
      ok: true,
      duplicates: 0,
      problems: [],
      scenarios: [
        { ...list[0], id: 'new-1' },
        { ...list[1], id: 'new-2' }
      ]
    });
  });

  it('importing the same file twice adds nothing the second time', () => {
    const list = [saved('a', 'Sanctions lifted', '?q=2025Q1')];
    const parsed = parseScenarios(serializeScenarios(list), 'x.json', list, ids());
    expect(parsed).toMatchObject({ ok: true, scenarios: [], duplicates: 1 });
  });

  it('a name already used for another view is kept apart, never replaced', () => {
    const here = [saved('a', 'Mine', '?q=2025Q1')];
    const parsed = parseScenarios(
      file([
        { name: 'Mine', query: '?q=2027Q1' },
        { name: 'Mine', query: '?q=2028Q1' }
      ]),
      'x.json',
      here,
      ids(),
      'NOW'
    );
    expect(parsed.ok && parsed.scenarios.map((s) => [s.name, s.query, s.updated])).toEqual([
      ['Mine (imported)', '?q=2027Q1', 'NOW'],
      ['Mine (imported 2)', '?q=2028Q1', 'NOW']
    ]);
  });

  it('bad entries are named and left out; the good ones come in', () => {
    const parsed = parseScenarios(
      file([
        { name: '  Good   one ', query: '?q=2025Q1' },
        { name: '', query: '?q=2025Q1' },
        { name: 'No link', query: 'https://example.org/explore?q=1' },
        'not an object',
        { name: 'Bare', query: '' }
      ]),
      'team.json',
      [],
      ids()
    );
    expect(parsed).toMatchObject({
      ok: true,
      problems: [
        'Entry 2 has no name; it was left out.',
        'Entry 3 (“No link”) has no view link like ?q=2026Q1; it was left out.',
        'Entry 4 has no name; it was left out.'
      ]
    });
    expect(parsed.ok && parsed.scenarios.map((s) => s.name)).toEqual(['Good one', 'Bare']);
  });

  it('a file that is not a scenarios file changes nothing and says why', () => {
    expect(parseScenarios('{', 'a.json', [], ids())).toEqual({
      ok: false,
      error: 'a.json is not JSON, so it is not a scenarios file.'
    });
    expect(parseScenarios('{"slides":[]}', 'deck.json', [], ids())).toMatchObject({
      ok: false,
      error: expect.stringContaining('deck.json is not a Crosswinds scenarios file')
    });
    expect(parseScenarios(file([], { version: 9 }), 'n.json', [], ids())).toMatchObject({
      ok: false,
      error: expect.stringContaining('newer Crosswinds (version 9)')
    });
    expect(
      parseScenarios(
        JSON.stringify({ format: SCENARIO_FILE_FORMAT, version: 1 }),
        'e.json',
        [],
        ids()
      )
    ).toEqual({ ok: false, error: 'e.json has no list of scenarios.' });
  });

  it('names are one trimmed line of bounded length; queries are a link’s query only', () => {
    expect(cleanName(' a\n\tb ')).toBe('a b');
    expect(cleanName('x'.repeat(500))).toHaveLength(NAME_MAX);
    expect(cleanQuery('?q=2025Q1')).toBe('?q=2025Q1');
    expect(cleanQuery('?')).toBe('');
    expect(cleanQuery('q=2025Q1')).toBeUndefined();
    expect(cleanQuery('?q=1#top')).toBeUndefined();
  });
});
