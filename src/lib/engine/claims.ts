/**
 * Verdicts on the articles' checkable claims: held, did not hold, or still open, from the observed
 * record, with the record's events on the claim's topics as evidence.
 */
import type { Claim, ClaimTest, History, HistoryEvent, Vocabulary } from './schema';
import type { Verdict } from './terms';
import { evaluateGuard, type Frame } from './guards';
import { describeGuard, formatLevel } from './describe';
import { indexDrivers, type DriverIndex } from './vocabulary';
import { fromIndex, quarterOfDate, toIndex, type Quarter } from './quarter';

export interface ClaimVerdict {
  claim: Claim;
  verdict: Verdict;
  /** 'record' when computed from the observed quarters, 'judgement' when stated in the file. */
  decidedBy: 'record' | 'judgement';
  /** The quarters of the window the record covers, and those where the condition held. */
  checked: Quarter[];
  matched: Quarter[];
  /** Why, in a sentence. */
  reason: string;
  /** The tested condition in words, for a computed verdict. */
  condition?: string;
  /** Events on the claim's topics inside the window, oldest first. */
  evidence: HistoryEvent[];
}

/** Pure. The record's quarters decide a test; quarters past the record leave it open. */
export function testVerdict(
  test: ClaimTest,
  outcomes: readonly boolean[],
  windowPastRecord: boolean
): Verdict {
  const any = outcomes.some(Boolean);
  const all = outcomes.length > 0 && outcomes.every(Boolean);
  switch (test.expect) {
    case 'sometime':
      return any ? 'held' : windowPastRecord ? 'open' : 'did-not-hold';
    case 'always':
      return !all && outcomes.length > 0 ? 'did-not-hold' : windowPastRecord ? 'open' : 'held';
    case 'never':
      return any ? 'did-not-hold' : windowPastRecord ? 'open' : 'held';
  }
}

function holds(test: ClaimTest, level: number, frame: Frame, drivers: DriverIndex) {
  const { atLeast = -3, atMost = 3 } = test.level ?? {};
  return (
    level >= atLeast && level <= atMost && (!test.when || evaluateGuard(test.when, frame, drivers))
  );
}

const EXPECTATION: Record<ClaimTest['expect'], string> = {
  sometime: 'in at least one quarter',
  always: 'in every quarter',
  never: 'in no quarter'
};

/** Pure. */
export function claimVerdict(claim: Claim, history: History, vocabulary: Vocabulary): ClaimVerdict {
  const from = toIndex(claim.window.from);
  const until = toIndex(claim.window.until);
  const evidence = history.events
    .filter((e) => claim.topics.includes(e.driver))
    .filter((e) => {
      const q = toIndex(quarterOfDate(e.date));
      return q >= from && q <= until;
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  const inWindow = history.quarters.filter(
    (q) => toIndex(q.quarter) >= from && toIndex(q.quarter) <= until
  );
  const checked = inWindow.map((q) => q.quarter);
  const lastRecorded = toIndex(history.quarters.at(-1)!.quarter);
  const pastRecord = until > lastRecorded;

  if (claim.judged) {
    return {
      claim,
      verdict: claim.judged.verdict,
      decidedBy: 'judgement',
      checked,
      matched: [],
      reason: claim.judged.reason,
      evidence
    };
  }
  const test = claim.test!;
  const drivers = indexDrivers(vocabulary);
  const outcomes = inWindow.map((q) =>
    holds(test, q.level, { quarter: toIndex(q.quarter), drivers: q.drivers }, drivers)
  );
  const matched = checked.filter((_, i) => outcomes[i]);
  const verdict = testVerdict(test, outcomes, pastRecord);
  const span = checked.length
    ? `${checked[0]}–${checked.at(-1)}`
    : `${claim.window.from}–${claim.window.until}`;
  const seen =
    matched.length === 0
      ? 'in none of them'
      : matched.length === checked.length
        ? 'in all of them'
        : `in ${matched.length} of them (${summariseQuarters(matched)})`;
  const tail = pastRecord
    ? ` The window runs to ${claim.window.until}, past the record's last quarter (${fromIndex(lastRecorded)}).`
    : '';
  return {
    claim,
    verdict,
    decidedBy: 'record',
    condition: conditionInWords(test, vocabulary),
    checked,
    matched,
    reason: `The record covers ${checked.length} quarter${checked.length === 1 ? '' : 's'} of it (${span}); the condition held ${seen}.${tail}`,
    evidence
  };
}

/** "2022Q1–2024Q4, 2025Q3": consecutive quarters folded into spans. */
export function summariseQuarters(quarters: readonly Quarter[]): string {
  const spans: string[] = [];
  let start = 0;
  for (let i = 1; i <= quarters.length; i++) {
    if (i === quarters.length || toIndex(quarters[i]!) !== toIndex(quarters[i - 1]!) + 1) {
      spans.push(i - 1 === start ? quarters[start]! : `${quarters[start]}–${quarters[i - 1]}`);
      start = i;
    }
  }
  return spans.join(', ');
}

/** "White House at most divided, relationship level at least +2". Pure. */
export function conditionInWords(test: ClaimTest, vocabulary: Vocabulary): string {
  const parts: string[] = [];
  if (test.when) parts.push(describeGuard(test.when, vocabulary));
  const { atLeast, atMost } = test.level ?? {};
  if (atLeast !== undefined && atMost !== undefined)
    parts.push(`relationship level between ${formatLevel(atLeast)} and ${formatLevel(atMost)}`);
  else if (atLeast !== undefined) parts.push(`relationship level at least ${formatLevel(atLeast)}`);
  else if (atMost !== undefined) parts.push(`relationship level at most ${formatLevel(atMost)}`);
  return `${EXPECTATION[test.expect]}: ${parts.join(', and ')}`;
}
