/**
 * What the timeline says in words about one quarter: the readings behind its tooltip, its data
 * table and the sentence screen readers hear. Pure, like the geometry in timelineMath.ts.
 */
import { OBSERVED_COLOUR } from './palette';
import {
  formatLevel,
  nameOf,
  type LevelName,
  type ObservedPoint,
  type TimelineSeries
} from './timelineMath';

/** What one series says about one quarter, for the tooltip, the table and screen readers. */
export interface QuarterReading {
  id: string;
  label: string;
  colour: string;
  kind: 'observed' | 'forecast';
  /** Absent before the series starts (or after the observed record ends). */
  level?: number;
  levelName?: string;
  /** The analyst's state ("Managed standoff"); absent for the observed line. */
  state?: string;
  /** Probability of this level in this quarter, for a probabilistic series. */
  probability?: number;
  /** True when the state was entered in this very quarter. */
  changed: boolean;
  /** The transition that led to the current state, and when it was taken. */
  because?: { quarter: string; guardText: string };
  /** The series' first quarter, when the asked quarter is before it. */
  startsAt?: string;
}

/** Pure. One reading per series (the observed line first) for `quarter`. */
export function readingsAt(
  input: { series: TimelineSeries[]; observed: ObservedPoint[]; levels: LevelName[] },
  quarter: string
): QuarterReading[] {
  const o = input.observed.find((p) => p.quarter === quarter);
  const observed: QuarterReading = {
    id: 'observed',
    label: 'Observed',
    colour: OBSERVED_COLOUR,
    kind: 'observed',
    changed: false,
    ...(o ? { level: o.level, levelName: nameOf(input.levels, o.level) } : {})
  };
  return [
    observed,
    ...input.series.map((s): QuarterReading => {
      const base = { id: s.id, label: s.label, colour: s.colour, kind: 'forecast' as const };
      const i = s.steps.findIndex((st) => st.quarter === quarter);
      if (i < 0) return { ...base, changed: false, startsAt: s.steps[0]?.quarter };
      const step = s.steps[i]!;
      let because: QuarterReading['because'];
      for (let j = i; j >= 0; j--) {
        const t = s.steps[j]!.transitions.at(-1);
        if (t) {
          because = { quarter: s.steps[j]!.quarter, guardText: t.guardText };
          break;
        }
      }
      return {
        ...base,
        level: step.level,
        levelName: nameOf(input.levels, step.level),
        state: step.label,
        ...(s.probabilistic ? { probability: step.levelDistribution[step.level] ?? 0 } : {}),
        changed: step.transitions.length > 0,
        because
      };
    })
  ];
}

/** "83%" (whole percents; "<1%" and ">99%" at the ends so nothing certain-looking is rounded in). */
export function formatProbability(p: number): string {
  if (p > 0 && p < 0.005) return '<1%';
  if (p < 1 && p > 0.995) return '>99%';
  return `${Math.round(p * 100)}%`;
}

/** A sentence for screen readers: "2024Q1. Observed: Confrontation, level −2. …". Pure. */
export function describeQuarter(quarter: string, readings: QuarterReading[]): string {
  const parts = readings.map((r) => {
    if (r.level === undefined) {
      return r.kind === 'observed'
        ? `${r.label}: no record`
        : `${r.label}: not started${r.startsAt ? ` (starts ${r.startsAt})` : ''}`;
    }
    const what = r.state ? `${r.state}, ${r.levelName}` : r.levelName;
    const p =
      r.probability !== undefined && r.probability < 0.995
        ? `, ${formatProbability(r.probability)}`
        : '';
    const why = r.changed && r.because ? `; moved because ${r.because.guardText}` : '';
    return `${r.label}: ${what}, level ${formatLevel(r.level)}${p}${why}`;
  });
  return `${quarter}. ${parts.join('. ')}.`;
}

/** " · 68%" when a reading is not certain, else "". */
function chanceSuffix(r: QuarterReading): string {
  return r.probability !== undefined && r.probability < 0.995
    ? ` · ${formatProbability(r.probability)}`
    : '';
}

/** Pure. "· Thaw (+1) · 89%" for the tooltip: the level, and its chance when it is not certain. */
export function tooltipLevelText(r: QuarterReading): string {
  return `${r.state ? '· ' : ''}${r.levelName} (${formatLevel(r.level ?? 0)})${chanceSuffix(r)}`;
}

/** Pure. "−2 Confrontation · 68%" for the data table. */
export function tableCellText(r: QuarterReading): string {
  return `${formatLevel(r.level ?? 0)} ${r.levelName}${chanceSuffix(r)}`;
}
