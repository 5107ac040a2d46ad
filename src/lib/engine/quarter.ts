/** A calendar quarter such as `2020Q1`, the unit of time every forecast steps in. */
export type Quarter = string;

export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

/** The span every view and schedule covers, unless a caller asks for another. */
export const HORIZON = { first: '2020Q1', last: '2030Q4' } as const;

/** `2020Q1` → an integer that orders quarters and steps by one; null when malformed. Pure. */
export function quarterIndex(quarter: string): number | null {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) return null;
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

/** Like quarterIndex, but throws on a malformed quarter: for values already validated. */
export function toIndex(quarter: Quarter): number {
  const i = quarterIndex(quarter);
  if (i === null) throw new Error(`Not a quarter: "${quarter}" (expected a quarter like 2020Q1)`);
  return i;
}

export function fromIndex(index: number): Quarter {
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** Every quarter from `first` to `last`, both included. */
export function quarterRange(first: Quarter, last: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let i = toIndex(first); i <= toIndex(last); i++) out.push(fromIndex(i));
  return out;
}

/** The quarter a calendar date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) falls in; a bare year is Q1. */
export function quarterOfDate(date: string): Quarter {
  const [year, month = '1'] = date.split('-');
  return `${year}Q${Math.floor((Number(month) - 1) / 3) + 1}`;
}

export interface Horizon {
  first: Quarter;
  last: Quarter;
}

/**
 * The quarters a catalog's schedules and charts cover, from its data: from the earliest of the
 * forecasts' starts and the record's first quarter, to the latest of the forecasts' ends and the
 * record's last quarter. A forecast that names no end (`until`) looks to HORIZON.last. Pure.
 */
export function horizonOf(
  scenarios: ReadonlyArray<{ start: { quarter: Quarter }; until?: Quarter }>,
  record?: ReadonlyArray<{ quarter: Quarter }>
): Horizon {
  const firsts = [...scenarios.map((s) => s.start.quarter), ...(record?.slice(0, 1) ?? [])];
  const ends = scenarios.length ? scenarios.map((s) => s.until ?? HORIZON.last) : [HORIZON.last];
  const lasts = [...ends, ...(record?.slice(-1) ?? [])];
  if (firsts.length === 0) return { ...HORIZON };
  const indices = (qs: Array<Quarter | { quarter: Quarter }>) =>
    qs.map((q) => toIndex(typeof q === 'string' ? q : q.quarter));
  return {
    first: fromIndex(Math.min(...indices(firsts))),
    last: fromIndex(Math.max(...indices(lasts)))
  };
}
