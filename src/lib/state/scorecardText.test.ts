import { describe, expect, it } from 'vitest';
import type { AnalystScore } from '../engine';
import { decompositionSentences, scoreSentence } from './scorecardText';

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
  runA: { levels: [-1, -1, 0, -1], states: [], withinOne: 0.5, meanAbsoluteError: 1 },
  // run B: 0 (ok), -3 (ok), 2 (miss), -1 (miss)
  runB: { levels: [0, -3, 2, -1], states: [], withinOne: 0.5, meanAbsoluteError: 1.25 },
  verdicts: ['both-held', 'assumptions-missed', 'assumptions-only', 'model-missed'],
  counts: { 'both-held': 1, 'assumptions-missed': 1, 'assumptions-only': 1, 'model-missed': 1 }
};

describe('decompositionSentences', () => {
  it('names each case with its quarters, and which run came closer on average', () => {
    const [first, second] = decompositionSentences(score, 'Analyst 2020');
    expect(first).toBe(
      'Analyst 2020 is scored over 4 quarters, 2020Q3–2021Q2: 1 quarter where the reasoning and the assumptions held (2020Q3); 1 quarter where the reasoning held but the assumptions missed (2020Q4); 1 quarter where the outcome matched only under the analyst’s own assumptions (2021Q1); 1 quarter where the model itself missed (2021Q2).'
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
});

describe('scoreSentence', () => {
  it('gives both runs’ numbers, and a Brier score only when there is one', () => {
    expect(scoreSentence(score, 'A')).toBe(
      'A: run A 50% within one level, mean error 1.00 levels; run B 50% within one level, mean error 1.25 levels.'
    );
    const withBrier = { ...score, runA: { ...score.runA, brier: 0.38 } };
    expect(scoreSentence(withBrier, 'A')).toContain('mean error 1.00 levels, Brier 0.380;');
  });
});
