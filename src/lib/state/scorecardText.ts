/**
 * The scorecard in words: what each number means and what the decomposition says, per analyst.
 * Neutral wording, numbers only; pure, so the sentences can be tested.
 */
import { summariseQuarters, type AnalystScore, type QuarterVerdict } from '../engine';

export const METRIC_MEANING = {
  withinOne:
    'Within one level: the share of scored quarters in which the model’s most likely state sat no more than one level from the observed one. Higher is better; 100% means never off by two or more.',
  meanAbsoluteError:
    'Mean absolute error: how many levels, on average, the model’s most likely state was from the observed one. Lower is better; 0 is exact, 6 the widest possible miss.',
  brier:
    'Brier score: for models with probabilities, the squared gap between the chance the model gave each of the seven levels and what happened, summed over levels and averaged over quarters. Lower is better; 0 is a sure, right forecast and 2 a sure, wrong one.'
} as const;

export const RUN_MEANING = {
  runA: 'Run A: the model on the analyst’s own assumed drivers.',
  runB: 'Run B: the same model on the drivers that were observed.'
} as const;

export const VERDICT_WORDS: Record<QuarterVerdict, { label: string; meaning: string }> = {
  'both-held': {
    label: 'Both runs within one level',
    meaning: 'the reasoning and the assumptions held'
  },
  'assumptions-missed': {
    label: 'Only run B within one level',
    meaning: 'the reasoning held but the assumptions missed'
  },
  'assumptions-only': {
    label: 'Only run A within one level',
    meaning: 'the outcome matched only under the analyst’s own assumptions'
  },
  'model-missed': {
    label: 'Neither run within one level',
    meaning: 'the model itself missed'
  }
};

export const VERDICT_ORDER: QuarterVerdict[] = [
  'both-held',
  'assumptions-missed',
  'assumptions-only',
  'model-missed'
];

const percent = (x: number) => `${Math.round(x * 100)}%`;
const levels = (n: number) => `${n.toFixed(2)} levels`;

/** "Over 23 quarters (2020Q3–2026Q1): …" — the decomposition of one analyst, in sentences. */
export function decompositionSentences(score: AnalystScore, label: string): string[] {
  const n = score.quarters.length;
  const where = (v: QuarterVerdict) =>
    summariseQuarters(score.quarters.filter((_, i) => score.verdicts[i] === v));
  const parts = VERDICT_ORDER.filter((v) => score.counts[v] > 0).map(
    (v) =>
      `${score.counts[v]} quarter${score.counts[v] === 1 ? '' : 's'} where ${VERDICT_WORDS[v].meaning} (${where(v)})`
  );
  const sentences = [
    `${label} is scored over ${n} quarter${n === 1 ? '' : 's'}, ${score.from}–${score.to}: ${parts.join('; ')}.`
  ];
  const a = score.runA.meanAbsoluteError;
  const b = score.runB.meanAbsoluteError;
  if (b < a)
    sentences.push(
      `On the observed drivers the model is closer to what happened (mean error ${levels(b)} against ${levels(a)} on its own assumptions).`
    );
  else if (b > a)
    sentences.push(
      `On its own assumptions the model is closer to what happened (mean error ${levels(a)} against ${levels(b)} on the observed drivers).`
    );
  else sentences.push(`Both runs are equally close to what happened (mean error ${levels(a)}).`);
  return sentences;
}

/** One line of the score table in words, for its text alternative and the speaker notes. */
export function scoreSentence(score: AnalystScore, label: string): string {
  const run = (r: AnalystScore['runA']) =>
    `${percent(r.withinOne)} within one level, mean error ${levels(r.meanAbsoluteError)}${r.brier === undefined ? '' : `, Brier ${r.brier.toFixed(3)}`}`;
  return `${label}: run A ${run(score.runA)}; run B ${run(score.runB)}.`;
}

export { percent as formatShare };
