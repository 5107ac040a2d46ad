import { describe, expect, it } from 'vitest';
import { realCatalog } from '../engine/testCatalog';
import { buildSchedule, runPath } from '../engine';
import { observedThrough } from '../state/exploration';
import { exportNotes, findingTitle, prefillSlide, slideCaveat } from './slideFace';
import { slideTable } from './slideTable';

const catalog = realCatalog();
const end = observedThrough(catalog);

describe('slide face', () => {
  it('marks a what-if as hypothetical, naming the override', () => {
    const caveat = slideCaveat(catalog, 'explore-timeline', '?o=sanctions.easing.2027Q1&q=2027Q2');
    expect(caveat).toMatch(/^Hypothetical: Sanctions easing from 2027Q1/);
  });

  it('marks levels carried past the record as hypothetical, and the record itself as not', () => {
    expect(slideCaveat(catalog, 'compare-matrix', '?q=2028Q1')).toMatch(
      new RegExp(`^Hypothetical: drivers held at their ${end} levels`)
    );
    expect(slideCaveat(catalog, 'compare-matrix', `?q=2022Q1`) ?? '').not.toContain('Hypothetical');
  });

  it('titles a slide with its finding: how many analysts share the commonest level', () => {
    const observed = buildSchedule(catalog, { kind: 'observed' });
    const levels = catalog.scenarios
      .map((s) => runPath(catalog.models.get(s.id)!, observed).steps.find((x) => x.quarter === end))
      .filter((s) => s !== undefined)
      .map((s) => s.level);
    const top = Math.max(...levels.map((l) => levels.filter((x) => x === l).length));
    const title = findingTitle(catalog, 'explore-timeline', `?q=${end}`);
    expect(title).toMatch(/^Under the observed drivers, /);
    expect(title).toContain(
      top === levels.length ? `all ${top} analysts` : `${top} of ${levels.length} analysts`
    );
    // The level is given with its name on the scale, never bare.
    expect(title).toMatch(/at [−+]?\d, [a-zé]+, in /);
  });

  it('prefills notes with the link that reopens the view, and exports each part once', () => {
    const link = 'https://example.org/explore?q=2022Q1';
    const slide = prefillSlide(catalog, 'explore-timeline', '?q=2022Q1', link);
    expect(slide.notes).toContain(`Reopen this view: ${link}`);
    const notes = exportNotes(
      catalog,
      { view: 'explore-timeline', query: '?q=2022Q1', ...slide },
      link
    );
    expect(notes.match(/Reopen this view/g)).toHaveLength(1);
    expect(notes.match(/^Sources:/gm)).toHaveLength(1);
    // Notes written before links existed get one.
    const old = exportNotes(
      catalog,
      {
        view: 'explore-timeline',
        query: '?o=sanctions.lifted.2022Q1',
        notes: 'Mine.',
        sources: []
      },
      link
    );
    expect(old).toMatch(
      /^Mine\.\n\nHypothetical: Sanctions lifted from 2022Q1\.\n\nSources: observed record to/
    );
    expect(old).toContain(link);
  });
});

describe('slideTable', () => {
  it('holds every analyst and every quarter of the compare matrix', () => {
    const table = slideTable(catalog, 'compare-matrix', '?q=2026Q1')!;
    expect(table.rows).toHaveLength(1 + catalog.scenarios.length);
    const quarters = table.header[1]!.length - 1;
    expect(quarters).toBe(44);
    for (const row of table.rows) expect(row).toHaveLength(1 + quarters);
    const spans = table.header[0]!.slice(1).reduce((n, c) => n + (c.colspan ?? 1), 0);
    expect(spans).toBe(quarters);
  });

  it('holds every scored analyst with both runs', () => {
    const table = slideTable(catalog, 'scorecard-table', '')!;
    expect(table.rows.length).toBe(catalog.scenarios.length);
    for (const row of table.rows) expect(row).toHaveLength(table.header[1]!.length);
  });

  it('marks the quarters the user added to the record, in the matrix and the scorecard', () => {
    const last = catalog.history.quarters.at(-1)!;
    const added = ['2026Q2', '2026Q3'].map((quarter) => ({
      quarter,
      level: 2,
      drivers: last.drivers
    }));
    const extended = {
      ...catalog,
      history: {
        ...catalog.history,
        quarters: [...catalog.history.quarters, ...added],
        coverage: { ...catalog.history.coverage, to: '2026-09-30' }
      },
      userQuarters: ['2026Q2', '2026Q3']
    };
    const matrix = slideTable(extended, 'compare-matrix', '?q=2026Q1')!;
    const quarterOf = (i: number) => {
      const years = matrix.header[0]!.slice(1).flatMap((c) => Array(c.colspan ?? 1).fill(c.text));
      return `${years[i]}${matrix.header[1]![i + 1]!.text}`;
    };
    const observed = matrix.rows[0]!.slice(1);
    const marked = observed.flatMap((c, i) => (c.yours ? [quarterOf(i)] : []));
    expect(marked).toEqual(['2026Q2', '2026Q3']);
    for (const c of observed.filter((c) => c.yours)) expect(c.text).toBe('+2†');
    // Only the record's row: an analyst's level in those quarters is not the user's.
    expect(
      matrix.rows
        .slice(1)
        .flat()
        .some((c) => c.yours)
    ).toBe(false);
    expect(matrix.key).toContain('† your addition to the record (2026Q2–2026Q3)');
    expect(slideTable(catalog, 'compare-matrix', '?q=2026Q1')!.key).not.toContain('†');

    const scores = slideTable(extended, 'scorecard-table', '')!;
    const spans = scores.rows.map((r) => r[2]!.text);
    expect(spans.some((t) => /^\d{4}Q\d–2026Q3†$/.test(t))).toBe(true);
    expect(spans.filter((t) => t.endsWith('†'))).toEqual(spans.filter((t) => t.includes('2026Q3')));
    expect(scores.key).toContain(
      '† Scored to 2026Q3; 2026Q2–2026Q3 are your additions to the record.'
    );
  });
});
