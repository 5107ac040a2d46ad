import { describe, expect, it } from 'vitest';
import { describePath, fieldId, placeIssues, plainMessage, within } from './fieldPaths';
import type { ValidationIssue } from '$lib/engine';

const issue = (path: string, message = 'm'): ValidationIssue => ({
  severity: 'error',
  file: 'x.yaml',
  path,
  message
});

describe('placing a problem beside its field', () => {
  const fields = ['id', 'states.now.label', 'states.now', 'transitions[0].to', 'transitions[0]'];

  it('puts each problem under the deepest field that holds its path', () => {
    const placed = placeIssues(
      [
        issue('states.now.label'),
        issue('states.now.source.para'),
        issue('transitions[0].to'),
        issue('transitions[0].guard.params.level'),
        issue('transitions[1].to'),
        issue('')
      ],
      fields
    );
    expect(placed.get('states.now.label')!.map((i) => i.path)).toEqual(['states.now.label']);
    expect(placed.get('states.now')!.map((i) => i.path)).toEqual(['states.now.source.para']);
    expect(placed.get('transitions[0].to')!.map((i) => i.path)).toEqual(['transitions[0].to']);
    expect(placed.get('transitions[0]')!.map((i) => i.path)).toEqual([
      'transitions[0].guard.params.level'
    ]);
    expect(placed.get('')!.map((i) => i.path)).toEqual(['transitions[1].to', '']);
  });

  it('matches whole keys only: states.no does not hold states.now', () => {
    expect(within('states.now', 'states.no')).toBe(false);
    expect(within('transitions[10]', 'transitions[1]')).toBe(false);
    expect(within('transitions[1].to', 'transitions[1]')).toBe(true);
  });

  it('gives every path its own element id', () => {
    expect(fieldId('transitions[2].guard.params.level')).toBe('f-transitions_2_guard_params_level');
    expect(fieldId('states.a-b.label')).not.toBe(fieldId('states.a.b.label'));
  });
});

describe('problems in plain words', () => {
  it('names a path as a reader counts', () => {
    expect(describePath('transitions[2].guard.params.level')).toBe(
      'transition 3 › condition › level'
    );
    expect(describePath('states.now.source.para')).toBe('state › now › citation › paragraph');
    expect(describePath('')).toBe('the file');
    expect(describePath('source.author')).toBe('article › author');
  });

  it('says "Required." for a missing value and drops the file format’s markup', () => {
    expect(plainMessage('missing; expected string')).toBe('Required.');
    expect(plainMessage('a reading needs a one-sentence `why`: x')).toBe(
      'A reading needs a one-sentence why: x'
    );
  });
});
