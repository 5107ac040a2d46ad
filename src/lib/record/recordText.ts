/**
 * Sentences that say where the record ends once the user has added to it, naming the added
 * quarters as theirs. Pure.
 */
import { recordEndSentence } from '../engine/describe';

/** The record-end sentence, with the user's quarters (if any) named as theirs. */
export function recordEndText(
  history: { coverage: { to: string } },
  userQuarters: readonly string[] | undefined
): string {
  if (!userQuarters?.length) return recordEndSentence(history);
  const built = recordEndSentence(history).replace(
    /^The record ends (.*?); later quarters.*$/,
    'The built-in record ends $1'
  );
  const last = userQuarters.at(-1)!;
  return `${built}; ${quarterSpan(userQuarters)} ${userQuarters.length === 1 ? 'is your addition' : 'are your additions'}, so the record runs to ${last} and later quarters carry ${last}’s levels forward.`;
}

/** Where the scorecard scores to, and which of those quarters are the user's. */
export function scoredToText(
  recordEnd: string,
  userQuarters: readonly string[] | undefined
): string {
  if (!userQuarters?.length) return `Scored to ${recordEnd}, the end of the built-in record.`;
  return `Scored to ${recordEnd}; ${quarterSpan(userQuarters)} ${userQuarters.length === 1 ? 'is your addition' : 'are your additions'} to the record.`;
}

/** "2026Q2 (yours)" for a quarter the user added; the quarter alone otherwise. */
export function quarterName(quarter: string, userQuarters: readonly string[] | undefined): string {
  return userQuarters?.includes(quarter) ? `${quarter} (yours)` : quarter;
}

/** " (yours)" after an observed reading of a quarter the user added; nothing otherwise. */
export function yoursSuffix(
  kind: 'observed' | 'forecast',
  quarter: string,
  userQuarters: readonly string[] | undefined
): string {
  return kind === 'observed' && userQuarters?.includes(quarter) ? ' (yours)' : '';
}

/** "2026Q2" or "2026Q2–2026Q3": the quarters the user added, as one span. */
export function quarterSpan(quarters: readonly string[]): string {
  if (quarters.length === 0) return '';
  return quarters.length === 1 ? quarters[0]! : `${quarters[0]}–${quarters.at(-1)}`;
}
