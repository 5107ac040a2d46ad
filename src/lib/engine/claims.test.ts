import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { claimVerdict, summariseQuarters, testVerdict } from './claims';
import { Claim, type History } from './schema';

const { vocabulary } = realCatalog();

const drivers = (armsControl: string) => ({
  ...realCatalog().history.quarters[0]!.drivers,
  armsControl
});
/** Three quarters: levels -1, -3, 0; arms control in force, then lapsed. */
const history: History = {
  about: 'test',
  coverage: { from: '2021Q1', to: '2021Q3' },
  otherTopics: [],
  events: [
    {
      date: '2021-02-03',
      driver: 'armsControl',
      direction: 'warming',
      summary: 'a',
      source: 'https://e.org/a'
    },
    {
      date: '2021-05-01',
      driver: 'sanctions',
      direction: 'cooling',
      summary: 'b',
      source: 'https://e.org/b'
    },
    {
      date: '2020-12-01',
      driver: 'armsControl',
      direction: 'cooling',
      summary: 'c',
      source: 'https://e.org/c'
    }
  ],
  quarters: [
    { quarter: '2021Q1', level: -1, drivers: drivers('in-force') },
    { quarter: '2021Q2', level: -3, drivers: drivers('in-force') },
    { quarter: '2021Q3', level: 0, drivers: drivers('lapsed-restraint') }
  ]
};

const claim = (test: object, window = { from: '2021Q1', until: '2021Q3' }) =>
  Claim.parse({
    id: 'c',
    claim: 'A claim.',
    source: { para: 1, basis: 'stated', quote: 'a test' },
    window,
    topics: ['armsControl'],
    test
  });

describe('testVerdict', () => {
  it('decides "sometime": held on any match, open while the window outlasts the record', () => {
    expect(testVerdict({ expect: 'sometime' }, [false, true], false)).toBe('held');
    expect(testVerdict({ expect: 'sometime' }, [false, false], true)).toBe('open');
    expect(testVerdict({ expect: 'sometime' }, [false, false], false)).toBe('did-not-hold');
  });
  it('decides "always": one miss settles it, otherwise open until the window closes', () => {
    expect(testVerdict({ expect: 'always' }, [true, false], true)).toBe('did-not-hold');
    expect(testVerdict({ expect: 'always' }, [true, true], true)).toBe('open');
    expect(testVerdict({ expect: 'always' }, [true, true], false)).toBe('held');
  });
  it('decides "never": one match settles it, otherwise open until the window closes', () => {
    expect(testVerdict({ expect: 'never' }, [false, true], false)).toBe('did-not-hold');
    expect(testVerdict({ expect: 'never' }, [false, false], true)).toBe('open');
    expect(testVerdict({ expect: 'never' }, [false, false], false)).toBe('held');
  });
});

describe('claimVerdict', () => {
  it('checks a driver condition in every quarter of the window', () => {
    const v = claimVerdict(
      claim({
        expect: 'always',
        when: { type: 'driverAtLeast', params: { driver: 'armsControl', level: 'in-force' } }
      }),
      history,
      vocabulary
    );
    expect(v.verdict).toBe('did-not-hold');
    expect(v.matched).toEqual(['2021Q1', '2021Q2']);
    expect(v.reason).toMatch(/in 2 of them \(2021Q1–2021Q2\)/);
  });
  it('checks a level bound and ANDs it with the driver condition', () => {
    const never = claimVerdict(
      claim({ expect: 'never', level: { atMost: -3 } }),
      history,
      vocabulary
    );
    expect(never.verdict).toBe('did-not-hold');
    expect(never.matched).toEqual(['2021Q2']);
    const both = claimVerdict(
      claim({
        expect: 'sometime',
        level: { atLeast: 0 },
        when: { type: 'driverIs', params: { driver: 'armsControl', levels: ['in-force'] } }
      }),
      history,
      vocabulary
    );
    // Level 0 only in 2021Q3, when the treaty had lapsed: never both at once.
    expect(both.verdict).toBe('did-not-hold');
  });
  it('stays open when the window runs past the record and nothing has settled it', () => {
    const v = claimVerdict(
      claim({ expect: 'never', level: { atLeast: 2 } }, { from: '2021Q2', until: '2022Q4' }),
      history,
      vocabulary
    );
    expect(v.verdict).toBe('open');
    expect(v.checked).toEqual(['2021Q2', '2021Q3']);
    expect(v.reason).toMatch(/past the record's last quarter \(2021Q3\)/);
  });
  it('shows as evidence only the events on its topics inside its window, oldest first', () => {
    const v = claimVerdict(claim({ expect: 'never', level: { atLeast: 2 } }), history, vocabulary);
    expect(v.evidence.map((e) => e.summary)).toEqual(['a']);
  });
  it('reports a judged claim as judged, with its reason', () => {
    const judged = Claim.parse({
      id: 'j',
      claim: 'x',
      source: { para: 1, basis: 'stated', quote: 'a test' },
      window: { from: '2021Q1', until: '2021Q3' },
      topics: ['sanctions'],
      judged: { verdict: 'held', reason: 'Because.' }
    });
    const v = claimVerdict(judged, history, vocabulary);
    expect(v).toMatchObject({ verdict: 'held', decidedBy: 'judgement', reason: 'Because.' });
    expect(v.evidence.map((e) => e.summary)).toEqual(['b']);
  });
  it('refuses a claim with both a test and a judgement, or neither', () => {
    const base = {
      id: 'j',
      claim: 'x',
      source: { para: 1, basis: 'stated', quote: 'a test' },
      window: { from: '2021Q1', until: '2021Q3' },
      topics: ['sanctions']
    };
    expect(Claim.safeParse(base).success).toBe(false);
    expect(
      Claim.safeParse({
        ...base,
        test: { expect: 'never', level: { atLeast: 2 } },
        judged: { verdict: 'held', reason: 'r' }
      }).success
    ).toBe(false);
  });
});

describe('summariseQuarters', () => {
  it('folds runs of consecutive quarters', () => {
    expect(summariseQuarters(['2022Q3', '2022Q4', '2023Q1', '2023Q3'])).toBe(
      '2022Q3–2023Q1, 2023Q3'
    );
  });
});

describe('the forecasts’ claims', () => {
  it('gives every claim in the catalog a verdict, and settles the ones the record can', () => {
    const catalog = realCatalog();
    const verdicts = catalog.scenarios.flatMap((s) =>
      s.claims.map((c) => [
        `${s.id}/${c.id}`,
        claimVerdict(c, catalog.history, catalog.vocabulary).verdict
      ])
    );
    const by = Object.fromEntries(verdicts);
    // New START was extended in February 2021 (the record's 2021-02-03 event).
    expect(by['trenin-2020-guardrails/new-start-extended']).toBe('held');
    // The record's levels in 2023–2024 stay at -3: no signs of détente.
    expect(by['yusui-2021-stalemate/detente-signs-late-biden']).toBe('did-not-hold');
    // The window runs to 2028Q4, past the record.
    expect(by['notte-2025-reset/u-turn-risk']).toBe('open');
  });
});
