import { describe, expect, it } from 'vitest';
import type { AnalystScore } from '../engine';
import { decompositionSentences, scoreSentence } from './scorecardText';

const allStated = [true, true, true, true];
const noReadings = [[], [], [], []];

/** Four quarters, levels picked by hand so each decomposition case occurs once. */
const score: AnalystScore = {
  scenario: 'x',
  published: '2020Q2',
  from: '2020Q3',
  to: '2021Q2',
  quarters: ['2020Q3', '2020Q4', '2021Q1', '2021Q2'],
  observed: [-1, -3, 0, -3],
  probabilistic: false,
  // run A: -1 (ok), -1 (miss by 2), 0 (ok), -1 (miss)
  runA: {
    levels: [-1, -1, 0, -1],
    states: [],
    stated: allStated,
    readings: noReadings,
    n: 4,
    withinOne: 0.5,
    meanAbsoluteError: 1,
    rps: 1 / 6
  },
  // run B: 0 (ok), -3 (ok), 2 (miss), -1 (miss)
  runB: {
    levels: [0, -3, 2, -1],
    states: [],
    stated: allStated,
    readings: noReadings,
    n: 4,
    withinOne: 0.5,
    meanAbsoluteError: 1.25,
    rps: 1.25 / 6
  },
  verdicts: ['both-held', 'assumptions-missed', 'assumptions-only', 'model-missed'],
  verdictCounted: allStated,
  counts: { 'both-held': 1, 'assumptions-missed': 1, 'assumptions-only': 1, 'model-missed': 1 },
  ranked: false
};

describe('decompositionSentences', () => {
  it('names each case with its quarters, and which run came closer on average', () => {
    const [first, second] = decompositionSentences(score, 'Analyst 2020');
    expect(first).toBe(
      'Analyst 2020 is scored over 4 quarters of 4, 2020Q3–2021Q2: 1 quarter where the reasoning and the assumptions held (2020Q3); 1 quarter where the reasoning held but the assumptions missed (2020Q4); 1 quarter where the outcome matched only under the analyst’s own assumptions (2021Q1); 1 quarter where the model itself missed (2021Q2).'
    );
    expect(second).toBe(
      'On its own assumptions the model is closer to what happened (mean error 1.00 levels against 1.25 levels on the observed drivers).'
    );
  });
  it('leaves out cases with no quarter', () => {
    const [first] = decompositionSentences(
      {
        ...score,
        verdicts: ['both-held', 'both-held', 'both-held', 'both-held'],
        counts: {
          'both-held': 4,
          'assumptions-missed': 0,
          'assumptions-only': 0,
          'model-missed': 0
        }
      },
      'A'
    );
    expect(first).toContain(
      '4 quarters where the reasoning and the assumptions held (2020Q3–2021Q2).'
    );
    expect(first).not.toContain('missed');
  });
  it('says which quarters rest on the model’s reading and leaves them out', () => {
    const counted = [true, false, false, true];
    const sentences = decompositionSentences(
      {
        ...score,
        verdictCounted: counted,
        counts: {
          'both-held': 1,
          'assumptions-missed': 0,
          'assumptions-only': 0,
          'model-missed': 1
        }
      },
      'A'
    );
    expect(sentences[0]).toContain('scored over 2 quarters of 4');
    expect(sentences[0]).not.toContain('2020Q4');
    expect(sentences[1]).toBe(
      '2 quarters (2020Q4–2021Q1) rest on the model’s reading in at least one run and are left out.'
    );
  });
});

describe('scoreSentence', () => {
  it('gives both runs’ numbers, the ranked score first, and a Brier score only when there is one', () => {
    expect(scoreSentence(score, 'A')).toBe(
      'A: run A ranked score 0.167, 50% within one level, mean error 1.00 levels, over 4 quarters; run B ranked score 0.208, 50% within one level, mean error 1.25 levels, over 4 quarters. Too few quarters to rank.'
    );
    const withBrier = { ...score, ranked: true, runA: { ...score.runA, brier: 0.38 } };
    expect(scoreSentence(withBrier, 'A')).toContain('mean error 1.00 levels, Brier 0.380, over');
    expect(scoreSentence(withBrier, 'A')).not.toContain('Too few');
  });
  it('counts the quarters of the model’s reading apart', () => {
    const apart = {
      ...score,
      runA: { ...score.runA, stated: [true, false, true, false], n: 2 }
    };
    expect(scoreSentence(apart, 'A')).toContain(
      'over 2 quarters (2 quarters of model’s reading left out)'
    );
    const none = { ...score, runA: { ...score.runA, stated: [false, false, false, false], n: 0 } };
    expect(scoreSentence(none, 'A')).toContain('run A no quarter reached through stated elements');
  });
});
