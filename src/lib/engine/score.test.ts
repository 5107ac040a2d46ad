import { describe, expect, it } from 'vitest';
import {
  brierScore,
  meanAbsoluteError,
  quarterVerdict,
  rankedProbabilityScore,
  withinOneShare
} from './score';

// Every expected number below was worked out by hand from the inputs, not taken from the code.
describe('withinOneShare', () => {
  it('counts a quarter as right when the level is off by at most one', () => {
    // |0-0|=0 ok, |1-(-1)|=2 miss, |-2-(-3)|=1 ok, |3-0|=3 miss → 2 of 4
    expect(withinOneShare([0, 1, -2, 3], [0, -1, -3, 0])).toBe(0.5);
  });
  it('is 1 for a perfect forecast and 0 when every quarter is two or more off', () => {
    expect(withinOneShare([-1, -1], [-1, -1])).toBe(1);
    expect(withinOneShare([1, 1, 1], [-1, -2, -3])).toBe(0);
  });
  it('refuses series of different lengths or nothing to score', () => {
    expect(() => withinOneShare([0], [0, 1])).toThrow(/1 forecasts against 2/);
    expect(() => withinOneShare([], [])).toThrow(/no quarters/);
  });
});

describe('meanAbsoluteError', () => {
  it('averages the absolute level gaps', () => {
    // gaps 0, 2, 1, 3 → 6 / 4 = 1.5
    expect(meanAbsoluteError([0, 1, -2, 3], [0, -1, -3, 0])).toBe(1.5);
  });
  it('reaches 6 only for the widest miss', () => {
    expect(meanAbsoluteError([3], [-3])).toBe(6);
  });
});

describe('brierScore (seven-level, multi-class)', () => {
  it('is 0 for a sure, right forecast and 2 for a sure, wrong one', () => {
    expect(brierScore([{ [-1]: 1 }], [-1])).toBe(0);
    // (1-0)² on level 0 + (0-1)² on level -1 = 2
    expect(brierScore([{ 0: 1 }], [-1])).toBe(2);
  });
  it('scores a split forecast by the squared gaps on every level', () => {
    // p(-1)=0.5, p(0)=0.3, p(1)=0.2; it happened at -1:
    // (0.5-1)² + 0.3² + 0.2² = 0.25 + 0.09 + 0.04 = 0.38
    expect(brierScore([{ [-1]: 0.5, 0: 0.3, 1: 0.2 }], [-1])).toBeCloseTo(0.38, 12);
  });
  it('averages over quarters', () => {
    // quarter 1: 0 (sure and right); quarter 2: 0.38 as above → 0.19
    expect(brierScore([{ 2: 1 }, { [-1]: 0.5, 0: 0.3, 1: 0.2 }], [2, -1])).toBeCloseTo(0.19, 12);
  });
  it('counts a level the distribution does not name as probability 0', () => {
    // p(1)=0.6, p(2)=0.4, it happened at -3: 0.36 + 0.16 + 1 = 1.52
    expect(brierScore([{ 1: 0.6, 2: 0.4 }], [-3])).toBeCloseTo(1.52, 12);
  });
});

describe('quarterVerdict: the decomposition rule', () => {
  it('says both held when both runs are within one level', () => {
    expect(quarterVerdict(-1, 0, -1)).toBe('both-held');
  });
  it('blames the assumptions when only the observed-driver run is close', () => {
    expect(quarterVerdict(-1, -3, -3)).toBe('assumptions-missed');
  });
  it('says the outcome matched only under the analyst’s assumptions when only run A is close', () => {
    expect(quarterVerdict(0, 2, 0)).toBe('assumptions-only');
  });
  it('blames the model when both runs miss by two or more', () => {
    expect(quarterVerdict(-1, -1, -3)).toBe('model-missed');
  });
});

describe('rankedProbabilityScore (seven ordered levels)', () => {
  it('is 0 for a sure, right forecast and 1 for a sure forecast at the far end', () => {
    expect(rankedProbabilityScore([{ 2: 1 }], [2])).toBe(0);
    // cumulative forecast 1 from -3 on, outcome only at +3: six gaps of 1 → 6/6
    expect(rankedProbabilityScore([{ [-3]: 1 }], [3])).toBe(1);
  });
  it('counts a miss by three levels three times a miss by one, unlike Brier', () => {
    // sure at 0, happened at -1: only the threshold at -1 differs (F=0, O=1) → 1/6
    expect(rankedProbabilityScore([{ 0: 1 }], [-1])).toBeCloseTo(1 / 6, 12);
    // sure at 2, happened at -1: thresholds -1, 0, 1 differ → 3/6
    expect(rankedProbabilityScore([{ 2: 1 }], [-1])).toBeCloseTo(3 / 6, 12);
    expect(brierScore([{ 0: 1 }], [-1])).toBe(brierScore([{ 2: 1 }], [-1]));
  });
  it('scores a split forecast by its cumulative gaps', () => {
    // p(-1)=0.5, p(0)=0.3, p(1)=0.2, happened at 0.
    // thresholds -3,-2: F=0,O=0 → 0; -1: F=.5,O=0 → .25; 0: F=.8,O=1 → .04; 1: F=1,O=1 → 0; 2: 0
    // (0.25 + 0.04) / 6 = 0.048333…
    expect(rankedProbabilityScore([{ [-1]: 0.5, 0: 0.3, 1: 0.2 }], [0])).toBeCloseTo(0.29 / 6, 12);
  });
  it('averages over quarters', () => {
    expect(rankedProbabilityScore([{ 0: 1 }, { 0: 1 }], [0, -1])).toBeCloseTo(1 / 12, 12);
  });
});
