/**
 * The table slides as data: every row and column of the scorecard and of the compare matrix,
 * with the colours and emphasis the app gives them. One model for the full-size table a slide
 * draws (SlideTable.svelte), the native PowerPoint table and the checks on both. Pure.
 */
import { quarterRange, MIN_RANKED_QUARTERS, formatLevel, type Catalog } from '../engine';
import { LEVEL_COLOURS, levelTextColour } from '../charts/palette';
import { formatShare } from '../state/scorecardText';
import { OBSERVED_ROW, matrixRows, runView, scoreRows } from '../state/views';
import { quarterSpan, scoredToText } from '../record/recordText';
import { observedThrough } from '../state/exploration';
import { explorationOf } from './slideNotes';
import { scaleKey } from './slideFace';
import type { SlideView } from './deck';

export interface TableCell {
  text: string;
  /** Background, '#rrggbb'. */
  fill?: string;
  /** Text colour, '#rrggbb'. */
  color?: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Columns the cell spans (headers). */
  colspan?: number;
  /** Reached through the model's own reading: drawn with a dashed frame and a mark. */
  reading?: boolean;
  /** A quarter the user added to the record: drawn with a bar under it and a mark. */
  yours?: boolean;
}

export interface SlideTableData {
  /** What the table holds, in one sentence (its caption and text alternative). */
  caption: string;
  header: TableCell[][];
  rows: TableCell[][];
  /** Relative column widths, one per column. */
  widths: number[];
  /** A key under the table: what the colours and marks mean. */
  key?: string;
  /** 'dense' for many narrow columns. */
  density: 'normal' | 'dense';
}

export const TABLE_VIEWS: SlideView[] = ['scorecard-table', 'compare-matrix'];

export const isTableView = (view: SlideView) => TABLE_VIEWS.includes(view);

/** The mark a reading cell carries besides its dashed frame, so it survives without colour. */
export const READING_MARK = '*';

/** The mark of a level the user added to the record, so it survives without colour. */
export const YOURS_MARK = '†';

const fmt = (n: number | undefined, digits = 2) => (n === undefined ? '—' : n.toFixed(digits));
const share = (n: number | undefined) => (n === undefined ? '—' : formatShare(n));

function scorecardTable(catalog: Catalog): SlideTableData {
  const rows = scoreRows(catalog);
  const mine = catalog.userQuarters ?? [];
  // A dagger where a row's scored span takes in the user's quarters; the key names them.
  const yoursWithin = (from: string, to: string) =>
    mine.some((q) => q >= from && q <= to) ? YOURS_MARK : '';
  let rank = 0;
  const head = (text: string, colspan?: number): TableCell => ({
    text,
    bold: true,
    align: colspan ? 'center' : 'left',
    ...(colspan ? { colspan } : {})
  });
  const metric = ['Scored', 'Reading', 'Ranked score', 'Brier', 'Within one', 'Mean error'];
  return {
    caption:
      'Scores per analyst and run, ranked by run A’s ranked probability score (lower is better).',
    header: [
      [
        head(''),
        head(''),
        head(''),
        head('Run A: own assumptions', 6),
        head('Run B: observed drivers', 6)
      ],
      [
        head('Rank'),
        head('Analyst'),
        head('Record scored'),
        ...[...metric, ...metric].map((m) => head(m))
      ]
    ],
    rows: rows.map((r) => {
      const place: TableCell = r.score.ranked
        ? { text: String(++rank), align: 'right' }
        : { text: 'unranked', italic: true, color: '#595959' };
      const run = (s: typeof r.score.runA): TableCell[] => [
        { text: String(s.n), align: 'right' },
        { text: String(s.stated.length - s.n), align: 'right' },
        { text: fmt(s.rps, 3), align: 'right', bold: true },
        { text: fmt(s.brier, 3), align: 'right' },
        { text: share(s.withinOne), align: 'right' },
        { text: fmt(s.meanAbsoluteError), align: 'right' }
      ];
      return [
        place,
        { text: r.label, bold: true },
        { text: `${r.score.from}–${r.score.to}${yoursWithin(r.score.from, r.score.to)}` },
        ...run(r.score.runA),
        ...run(r.score.runB)
      ];
    }),
    // Wide enough for "unranked", a two-line analyst name and a span like 2020Q3–2026Q1† on one line.
    widths: [1.5, 3.1, 2.45, ...[1, 1.2, 1, 1, 1, 1], ...[1, 1.2, 1, 1, 1, 1]],
    key: `Ranked score, Brier and mean error (in levels): lower is better. Within one: share of quarters within one level of what happened. Scored: quarters scored; Reading: quarters reached through a model’s reading, not scored. Unranked: fewer than ${MIN_RANKED_QUARTERS} scored quarters.${mine.length ? ` ${YOURS_MARK} ${scoredToText(observedThrough(catalog), mine)}` : ''}`,
    density: 'normal'
  };
}

function matrixTable(catalog: Catalog, query: string): SlideTableData {
  const e = explorationOf(catalog, query);
  const run = runView(catalog, e);
  const { first, last } = catalog.horizon;
  const quarters = quarterRange(first, last);
  const years: TableCell[] = [];
  for (const q of quarters) {
    const year = q.slice(0, 4);
    const last = years.at(-1);
    if (last?.text === year) last.colspan = (last.colspan ?? 1) + 1;
    else years.push({ text: year, bold: true, align: 'center', colspan: 1 });
  }
  const end = observedThrough(catalog);
  const mine = (catalog.userQuarters ?? []).filter((q) => quarters.includes(q));
  return {
    caption: `The state of each analyst’s model in each quarter, ${first}–${last}, by level on the shared scale, with what happened in the first row; observed record to ${end}.`,
    header: [
      [{ text: '', bold: true }, ...years],
      [
        { text: 'Quarter', bold: true },
        ...quarters.map((q): TableCell => ({
          text: q.slice(4),
          align: 'center',
          bold: q === e.quarter,
          ...(q === e.quarter ? { fill: '#1f5fa8', color: '#ffffff' } : {})
        }))
      ]
    ],
    rows: matrixRows(catalog, run, quarters).map((row) => [
      { text: row.label, bold: true },
      ...row.cells.map((c): TableCell => {
        if (c.level === null) return { text: '', align: 'center' };
        const yours = row.id === OBSERVED_ROW && mine.includes(c.quarter);
        return {
          text: `${formatLevel(c.level)}${c.reading ? READING_MARK : ''}${yours ? YOURS_MARK : ''}`,
          align: 'center',
          fill: LEVEL_COLOURS[c.level],
          color: levelTextColour(c.level),
          ...(c.reading ? { reading: true } : {}),
          ...(yours ? { yours: true } : {})
        };
      })
    ]),
    widths: [2.6, ...quarters.map(() => 0.3)],
    key: `Levels: ${scaleKey(catalog)}. ${READING_MARK} the model’s reading, not the article’s words.${mine.length ? ` ${YOURS_MARK} your addition to the record (${quarterSpan(mine)}).` : ''} Highlighted: ${e.quarter}.`,
    density: 'dense'
  };
}

/** The slide's table, or undefined for a chart slide. */
export function slideTable(
  catalog: Catalog,
  view: SlideView,
  query: string
): SlideTableData | undefined {
  if (view === 'scorecard-table') return scorecardTable(catalog);
  if (view === 'compare-matrix') return matrixTable(catalog, query);
  return undefined;
}
