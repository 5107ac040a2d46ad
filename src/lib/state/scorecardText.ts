/**
 * The scorecard in words: what each number means and what the decomposition says, per analyst.
 * Neutral wording, numbers only; pure, so the sentences can be tested.
 */
import { summariseQuarters, type AnalystScore, type QuarterVerdict } from '../engine';

export const METRIC_MEANING = {
  rps: 'Ranked probability score (the main score): how far the model’s chances over the seven ordered levels were from what happened, so that a miss by three levels costs three times a miss by one. Lower is better; 0 is a sure, right forecast, 1 a sure forecast at the far end of the scale. A model without probabilities counts as sure of its one path.',
  withinOne:
    'Within one level: the share of scored quarters in which the model’s most likely state sat no more than one level from the observed one. Higher is better; 100% means never off by two or more.',
  meanAbsoluteError:
    'Mean absolute error: how many levels, on average, the model’s most likely state was from the observed one. Lower is better; 0 is exact, 6 the widest possible miss.',
  brier:
    'Brier score: for models with probabilities, the squared gap between the chance the model gave each of the seven levels and what happened, summed over levels and averaged over quarters. Lower is better; 0 is a sure, right forecast and 2 a sure, wrong one. It ignores the order of the levels: a near miss costs as much as a far one.'
} as const;

/** When two scores seem to disagree, and why that is not a contradiction. */
export const METRICS_DISAGREE =
  'The scores can rank two analysts differently. Brier counts every wrong level the same, so a model that spreads its chances over neighbouring levels can score worse on Brier and better on the ranked score than one that is sure and two levels off. Within-one and mean error read only the most likely path and ignore the chances; the ranked score reads them all. Rank by the ranked score, and read the others for how the model missed.';

/** Why some quarters are not in an analyst's score. */
export const STATED_ONLY =
  'An analyst is scored only on quarters the model reached through what the article states. Where the model got to its state through one of its own readings (a transition, condition or state the article does not state), that quarter is counted apart as “model’s reading” and is not in the analyst’s score.';

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
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Over 23 quarters (2020Q3–2026Q1): …" — the decomposition of one analyst, in sentences. */
export function decompositionSentences(score: AnalystScore, label: string): string[] {
  const n = score.quarters.length;
  const counted = score.verdictCounted.filter(Boolean).length;
  const where = (v: QuarterVerdict) =>
    summariseQuarters(
      score.quarters.filter((_, i) => score.verdictCounted[i] && score.verdicts[i] === v)
    );
  const parts = VERDICT_ORDER.filter((v) => score.counts[v] > 0).map(
    (v) => `${plural(score.counts[v], 'quarter')} where ${VERDICT_WORDS[v].meaning} (${where(v)})`
  );
  const readings = n - counted;
  const sentences = [
    counted === 0
      ? `${label} has ${plural(n, 'quarter')}, ${score.from}–${score.to}, and in every one a run reached its state through the model’s reading, so none is scored.`
      : `${label} is scored over ${plural(counted, 'quarter')} of ${n}, ${score.from}–${score.to}: ${parts.join('; ')}.`
  ];
  if (readings > 0 && counted > 0) {
    sentences.push(
      `${plural(readings, 'quarter')} (${summariseQuarters(score.quarters.filter((_, i) => !score.verdictCounted[i]))}) rest on the model’s reading in at least one run and are left out.`
    );
  }
  const a = score.runA.meanAbsoluteError;
  const b = score.runB.meanAbsoluteError;
  if (a === undefined || b === undefined) return sentences;
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

/** One run's scores in words: "ranked score 0.120, 78% within one level, …, over 18 quarters". */
export function runSentence(r: AnalystScore['runA']): string {
  const readings = r.stated.length - r.n;
  const apart = readings > 0 ? ` (${plural(readings, 'quarter')} of model’s reading left out)` : '';
  if (r.n === 0) return `no quarter reached through stated elements${apart}`;
  return `ranked score ${r.rps!.toFixed(3)}, ${percent(r.withinOne!)} within one level, mean error ${levels(r.meanAbsoluteError!)}${r.brier === undefined ? '' : `, Brier ${r.brier.toFixed(3)}`}, over ${plural(r.n, 'quarter')}${apart}`;
}

/** One line of the score table in words, for its text alternative and the speaker notes. */
export function scoreSentence(score: AnalystScore, label: string): string {
  const rank = score.ranked ? '' : ' Too few quarters to rank.';
  return `${label}: run A ${runSentence(score.runA)}; run B ${runSentence(score.runB)}.${rank}`;
}

export { percent as formatShare };
