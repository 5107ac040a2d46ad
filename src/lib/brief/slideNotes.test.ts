import { describe, expect, it } from 'vitest';
import { realCatalog } from '../engine/testCatalog';
import { buildSchedule, runPath } from '../engine';
import { describeSlide, sourcesLine } from './slideNotes';
import { slideCsv } from './slideCsv';
import { prefillSlide } from './slideFace';
import { SLIDE_VIEWS } from './deck';

const catalog = realCatalog();

describe('describeSlide', () => {
  it('says where each analyst stands at the quarter, as the engine computes it', () => {
    const { notes } = describeSlide(catalog, 'compare-matrix', '?q=2022Q1');
    const observed = buildSchedule(catalog, { kind: 'observed' });
    const step = runPath(catalog.models.get('trenin-2020-guardrails')!, observed).steps.find(
      (s) => s.quarter === '2022Q1'
    )!;
    expect(notes).toContain(`Trenin 2020 (guardrails) at ${step.label} (−3)`);
    // Kortunov's and Notte's forecasts start in 2025: they are not in 2022Q1.
    expect(notes).not.toContain('Kortunov 2025 at');
    expect(notes).toContain('In 2022Q1 every driver is at its observed level.');
  });

  it('lists the drivers that differ from the observed history', () => {
    const { notes } = describeSlide(
      catalog,
      'explore-timeline',
      '?o=sanctions.lifted.2022Q1&q=2023Q1'
    );
    expect(notes).toContain('with overrides: Sanctions Lifted from 2022Q1');
    expect(notes).toContain(
      'Drivers that differ from the observed history in 2023Q1: Sanctions Lifted (observed Escalating).'
    );
  });

  it('cites the paragraphs of the state and the transition into it', () => {
    const slide = describeSlide(catalog, 'explore-diagram', '?q=2022Q1&f=trenin-2020-guardrails');
    const model = catalog.models.get('trenin-2020-guardrails')!;
    const path = runPath(model, buildSchedule(catalog, { kind: 'observed' }));
    const step = path.steps.find((s) => s.quarter === '2022Q1')!;
    expect(slide.sources).toEqual(
      expect.arrayContaining([
        { ref: 'trenin-2020-guardrails', para: model.scenario.states[step.state]!.source.para },
        { ref: 'trenin-2020-guardrails', para: step.transitions[0]!.source.para }
      ])
    );
    expect(slide.notes).toMatch(/Sources: Trenin 2020 \(guardrails\) ¶\d+/);
  });

  it('gives every view a title and notes, even from a tampered link', () => {
    for (const view of SLIDE_VIEWS) {
      const slide = prefillSlide(catalog, view, '?q=1999Q9&a=nobody');
      expect(slide.title.length).toBeGreaterThan(0);
      expect(slide.notes.length).toBeGreaterThan(0);
    }
  });
});

describe('sourcesLine', () => {
  it('groups paragraphs by article, sorted and without repeats', () => {
    expect(
      sourcesLine(catalog, [
        { ref: 'notte-2025-reset', para: 12 },
        { ref: 'notte-2025-reset', para: 3 },
        { ref: 'notte-2025-reset', para: 12 }
      ])
    ).toBe('Sources: Notte 2025 ¶3, ¶12.');
    expect(sourcesLine(catalog, [])).toBe('');
  });
});

describe('slideCsv', () => {
  it('gives the scorecard table one row per analyst and run', () => {
    const lines = slideCsv(catalog, 'scorecard-table', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'rank,analyst,from,to,run,quarters_scored,quarters_model_reading,ranked_probability_score,brier,within_one_share,mean_abs_error'
    );
    expect(lines).toHaveLength(1 + 2 * catalog.scenarios.length);
    // Ranked first, and the 2025 forecasts (three quarters of record) marked too few to rank.
    expect(lines[1]!.startsWith('1,')).toBe(true);
    expect(lines.filter((l) => l.startsWith('too few to rank,')).length).toBeGreaterThanOrEqual(4);
  });

  it('gives the timeline one row per analyst and quarter, with the state the engine computes', () => {
    const csv = slideCsv(catalog, 'explore-timeline', '?a=trenin-2020-guardrails');
    const row = csv.split('\r\n').find((l) => l.startsWith('2022Q1,'))!;
    expect(row).toBe('2022Q1,-3,record,Trenin 2020 (guardrails),Rupture over Donbass,-3,1');
  });

  it('says which observed quarters the user added, and leaves the forecast-only ones blank', () => {
    const last = catalog.history.quarters.at(-1)!;
    const added = { quarter: '2026Q2', level: 2, drivers: last.drivers };
    const extended = {
      ...catalog,
      history: { ...catalog.history, quarters: [...catalog.history.quarters, added] },
      userQuarters: ['2026Q2']
    };
    const csv = slideCsv(extended, 'explore-timeline', '?a=trenin-2020-guardrails').split('\r\n');
    expect(csv.find((l) => l.startsWith('2026Q2,'))).toMatch(/^2026Q2,2,you,/);
    expect(csv.find((l) => l.startsWith('2026Q1,'))).toMatch(/^2026Q1,-?\d,record,/);
    expect(csv.find((l) => l.startsWith('2027Q1,'))).toMatch(/^2027Q1,,,/);
  });
});
