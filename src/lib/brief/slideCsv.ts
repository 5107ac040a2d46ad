/**
 * The data under each chart as CSV, for "download data": the same numbers the chart draws,
 * computed again from the slide's view and link. Pure.
 */
import { quarterRange, type Catalog } from '../engine';
import { csvField, eventsCsv } from '../charts/eventsText';
import { cruxRows, runView, scoreRows } from '../state/views';
import { explorationOf } from './slideNotes';
import type { SlideView } from './deck';

const line = (fields: Array<string | number | undefined>) =>
  fields.map((f) => csvField(f === undefined ? '' : String(f))).join(',');

const table = (header: string[], rows: Array<Array<string | number | undefined>>) =>
  [line(header), ...rows.map(line)].join('\r\n') + '\r\n';

/** Pure. */
export function slideCsv(catalog: Catalog, view: SlideView, query: string): string {
  if (view === 'scorecard-events') return eventsCsv(catalog.history.events, catalog.vocabulary);
  if (view === 'scorecard-table' || view === 'scorecard-decomposition') {
    const rows = scoreRows(catalog);
    if (view === 'scorecard-table') {
      let rank = 0;
      return table(
        [
          'rank',
          'analyst',
          'from',
          'to',
          'run',
          'quarters_scored',
          'quarters_model_reading',
          'ranked_probability_score',
          'brier',
          'within_one_share',
          'mean_abs_error'
        ],
        rows.flatMap((r) => {
          const place = r.score.ranked ? String(++rank) : 'too few to rank';
          return (['A', 'B'] as const).map((run) => {
            const s = run === 'A' ? r.score.runA : r.score.runB;
            return [
              place,
              r.label,
              r.score.from,
              r.score.to,
              run,
              s.n,
              s.stated.length - s.n,
              s.rps,
              s.brier,
              s.withinOne,
              s.meanAbsoluteError
            ];
          });
        })
      );
    }
    return table(
      [
        'analyst',
        'quarter',
        'observed_level',
        'observed_by',
        'run_a_level',
        'run_b_level',
        'verdict',
        'scored'
      ],
      rows.flatMap((r) =>
        r.score.quarters.map((q, i) => [
          r.label,
          q,
          r.score.observed[i],
          observedBy(catalog, q),
          r.score.runA.levels[i],
          r.score.runB.levels[i],
          r.score.verdicts[i],
          r.score.verdictCounted[i]
            ? 'stated'
            : r.score.runB.unknown?.[i] && r.score.runA.stated[i] && r.score.runB.stated[i]
              ? 'unknown: driver not recorded'
              : 'model’s reading'
        ])
      )
    );
  }

  const e = explorationOf(catalog, query);
  const run = runView(catalog, e);
  if (view === 'compare-crux')
    return table(
      ['quarter', 'driver', 'analysts_moved', 'analyst', 'moves'],
      cruxRows(catalog, run).flatMap((r) =>
        r.changed.length === 0
          ? [[e.quarter, r.label, 0, '', '']]
          : r.changed.map((c) => [
              e.quarter,
              r.label,
              r.changed.length,
              c.label,
              c.moves.join('; ')
            ])
      )
    );
  const observed = new Map(catalog.history.quarters.map((q) => [q.quarter, q.level]));
  const analysts =
    view === 'explore-diagram' ? run.shown.filter((a) => a.id === e.focus).slice(0, 1) : run.shown;
  const quarters = quarterRange(catalog.horizon.first, catalog.horizon.last);
  return table(
    [
      'quarter',
      'observed_level',
      'observed_by',
      'analyst',
      'state',
      'level',
      'probability_of_state'
    ],
    analysts.flatMap((a) => {
      const steps = new Map(run.paths.get(a.id)!.steps.map((s) => [s.quarter, s]));
      return quarters.flatMap((q) => {
        const s = steps.get(q);
        return s
          ? [
              [
                q,
                observed.get(q),
                observedBy(catalog, q),
                a.label,
                s.label,
                s.level,
                s.distribution[s.state]
              ]
            ]
          : [];
      });
    })
  );
}

/** Who recorded a quarter's observed level: the record, the user (their addition), or nobody. */
function observedBy(catalog: Catalog, quarter: string): string {
  if (catalog.userQuarters?.includes(quarter)) return 'you';
  return catalog.history.quarters.some((q) => q.quarter === quarter) ? 'record' : '';
}
