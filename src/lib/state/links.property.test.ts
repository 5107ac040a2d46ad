/**
 * Property tests of every link parser: /explore and /compare's query (p, o, a, q, f), /explore's
 * mark (h) and /brief/present's slide number (s). Random and half-valid query strings never make
 * a parser throw; each broken part falls back to its default and is reported, one notice for each,
 * and the parts that are fine are kept. Seeded: see src/lib/testing/property.ts to rerun a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realCatalog } from '../engine/testCatalog';
import { HORIZON, type Override } from '../engine';
import { checkProperty } from '../testing/property';
import { slideFromLink } from '../brief/presentLink';
import { decode, defaultExploration, encode, OBSERVED_PRESET, KEYS } from './exploration';
import { highlightProblem, parseHighlight } from './highlight';

const catalog = realCatalog();
const ids = catalog.scenarios.map((s) => s.id);
const defaults = defaultExploration(catalog);
const drivers = catalog.vocabulary.drivers;

// The oracle: what a valid value is, written out again independently of the parser.
const isQuarter = (q: string) => /^\d{4}Q[1-4]$/.test(q) && q >= HORIZON.first && q <= HORIZON.last;

function validOverride(token: string): Override | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return undefined;
  const [driver, level, span] = parts as [string, string, string];
  if (!drivers.find((d) => d.id === driver)?.levels.some((l) => l.id === level)) return undefined;
  const [from, until, ...rest] = span.split('-');
  if (rest.length > 0 || !isQuarter(from!)) return undefined;
  if (until === undefined) return { driver, level, from: from! };
  return isQuarter(until) && until >= from! ? { driver, level, from: from!, until } : undefined;
}

// Values that are valid, nearly valid, or noise, so every branch of each parser is reached.
const noise = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('', ' ', ',', '.', '-', '%', '%zz', '&', '=', '<script>', '"><img src=x>')
);
const quarterArb = fc.oneof(
  fc
    .record({ year: fc.integer({ min: 2015, max: 2035 }), q: fc.integer({ min: 0, max: 5 }) })
    .map(({ year, q }) => `${year}Q${q}`),
  noise
);
const analystArb = fc.oneof(
  fc.constantFrom(...ids),
  fc.constantFrom(...ids).map((id) => `${id}x`),
  noise
);
const overrideArb = fc.oneof(
  fc
    .record({
      driver: fc.constantFrom(...drivers),
      level: fc.nat(),
      from: quarterArb,
      until: fc.option(quarterArb, { nil: undefined })
    })
    .map(
      ({ driver, level, from, until }) =>
        `${driver.id}.${driver.levels[level % driver.levels.length]!.id}.${from}${until === undefined ? '' : `-${until}`}`
    ),
  fc.tuple(noise, noise, quarterArb).map((parts) => parts.join('.')),
  noise
);
const list = (arb: fc.Arbitrary<string>) =>
  fc.array(arb, { maxLength: 5 }).map((xs) => xs.join(','));

/** A query with any of the keys, valid-ish values, noise keys, and keys repeated. */
const queryArb = fc
  .tuple(
    fc.record(
      {
        [KEYS.preset]: fc.oneof(fc.constant(OBSERVED_PRESET), analystArb),
        [KEYS.overrides]: list(overrideArb),
        [KEYS.analysts]: list(analystArb),
        [KEYS.quarter]: quarterArb,
        [KEYS.focus]: analystArb
      },
      { requiredKeys: [] }
    ),
    fc.array(fc.tuple(fc.oneof(noise, fc.constantFrom(...Object.values(KEYS))), noise), {
      maxLength: 3
    }),
    fc.boolean()
  )
  .map(([record, extra, raw]) => {
    const pairs = [...Object.entries(record), ...extra];
    // Half of the time the query is written by hand: unencoded, as a user might paste it.
    return raw
      ? new URLSearchParams(pairs.map(([k, v]) => `${k}=${v}`).join('&'))
      : new URLSearchParams(pairs);
  });

describe('the explore and compare link, property-based', () => {
  it('never throws; every broken part falls back to its default, with one notice each', () => {
    checkProperty(
      fc.property(queryArb, (params) => {
        const { exploration: e, notices } = decode(params, catalog);
        let expected = 0;

        const p = params.get(KEYS.preset);
        if (p !== null && p !== OBSERVED_PRESET && !ids.includes(p)) {
          expected++;
          expect(e.preset).toBe(defaults.preset);
        } else expect(e.preset).toBe(p ?? defaults.preset);

        const q = params.get(KEYS.quarter);
        if (q !== null && !isQuarter(q)) {
          expected++;
          expect(e.quarter).toBe(defaults.quarter);
        } else expect(e.quarter).toBe(q ?? defaults.quarter);

        const tokens = (params.get(KEYS.overrides) ?? '').split(',').filter((t) => t.trim());
        const good = tokens.map(validOverride).filter((o) => o !== undefined);
        expected += tokens.length - good.length;
        expect(e.overrides).toEqual(good);

        const a = params.get(KEYS.analysts);
        if (a !== null) {
          const asked = a.split(',').filter((t) => t.trim() !== '');
          expected += asked.filter((t) => !ids.includes(t)).length;
          const known = ids.filter((id) => asked.includes(id));
          if (known.length === 0) expected++;
          expect(e.analysts).toEqual(known.length > 0 ? known : ids);
        } else expect(e.analysts).toEqual(ids);

        const f = params.get(KEYS.focus);
        if (f !== null && !e.analysts.includes(f)) expected++;
        expect(e.focus).toBe(f !== null && e.analysts.includes(f) ? f : e.analysts[0]);

        // Each uncertain driver in the link is either kept or reported, once.
        const asked = params.getAll(KEYS.uncertain).filter((t) => t.trim() !== '').length;
        expected += asked - (e.uncertain ?? []).length;

        expect(notices).toHaveLength(expected);
        for (const notice of notices) expect(notice).toMatch(/^The link/);
        // What was kept makes a link that reads back the same, with nothing to report.
        expect(decode(encode(e, catalog), catalog)).toEqual({ exploration: e, notices: [] });
      }),
      { numRuns: 5_000, file: import.meta.filename }
    );
  }, 60_000);

  it('any text at all as a query never throws and leaves a well-formed view', () => {
    checkProperty(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const { exploration: e } = decode(new URLSearchParams(text), catalog);
        expect(e.analysts.length).toBeGreaterThan(0);
        expect(e.analysts).toContain(e.focus);
        expect(isQuarter(e.quarter)).toBe(true);
      }),
      { numRuns: 5_000, file: import.meta.filename }
    );
  }, 60_000);
});

describe('the mark on /explore (h), property-based', () => {
  const model = catalog.models.get(ids[0]!)!;
  const elements = [
    ...Object.keys(model.scenario.states).map((id) => `state.${id}`),
    ...model.scenario.transitions.map((t) => `transition.${t.id}`)
  ];
  it('marks an element the diagram has, and otherwise marks nothing and says so', () => {
    checkProperty(
      fc.property(
        fc.oneof(
          fc.constantFrom(...elements),
          fc.constantFrom(...elements).map((e) => `${e}x`),
          noise
        ),
        (h) => {
          const mark = parseHighlight(h, model);
          const problem = highlightProblem(h, model, 'Analyst');
          const known = elements.includes(h);
          expect(mark === undefined).toBe(!known);
          // An empty h asks for nothing, so there is nothing to report.
          expect(problem === undefined).toBe(known || h === '');
        }
      ),
      { numRuns: 3_000, file: import.meta.filename }
    );
  }, 60_000);
});

describe('the slide number on /brief/present (s), property-based', () => {
  it('opens the slide asked for, and otherwise the nearest one, saying so', () => {
    checkProperty(
      fc.property(
        fc.oneof(fc.integer({ min: -3, max: 300 }).map(String), noise),
        fc.integer({ min: 2, max: 202 }),
        (s, total) => {
          const { index, notice } = slideFromLink(s, total);
          expect(Number.isInteger(index) && index >= 0 && index < total).toBe(true);
          const asked = /^\d+$/.test(s) ? Number(s) : NaN;
          if (s === '') expect({ index, notice }).toEqual({ index: 0 });
          else if (asked >= 1 && asked <= total)
            expect({ index, notice }).toEqual({ index: asked - 1 });
          else expect(notice).toMatch(/^The link asked for slide/);
        }
      ),
      { numRuns: 3_000, file: import.meta.filename }
    );
  }, 60_000);
});
