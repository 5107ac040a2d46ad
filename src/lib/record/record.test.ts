import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '$lib/catalog';
import { userCatalog } from '$lib/user/userCatalog';
import { checkAdditions, importRecord } from './recordCheck';
import { additionsOf, nextQuarter, quarterChanges, recordFile } from './recordDraft';
import { recordEndText, scoredToText } from './recordText';

const builtIn = builtInCatalog.history;
const vocabulary = builtInCatalog.vocabulary;
const last = builtIn.quarters.at(-1)!;
const stored = (quarters = [nextQuarter(builtIn, [])], events = [] as typeof builtIn.events) => ({
  id: 'record' as const,
  quarters,
  events,
  updated: '2026-05-01T00:00:00Z'
});

describe('the next quarter to add', () => {
  it('follows the built-in record with its last levels', () => {
    const q = nextQuarter(builtIn, []);
    expect(last.quarter).toBe('2026Q1');
    expect(q.quarter).toBe('2026Q2');
    expect(q.level).toBe(last.level);
    expect(q.drivers).toEqual(last.drivers);
    expect(q.drivers).not.toBe(last.drivers);
    expect(q.note).toBeUndefined();
  });

  it('follows the user’s last quarter when there is one', () => {
    const mine = { ...nextQuarter(builtIn, []), level: 2, drivers: { sanctions: 'easing' } };
    const q = nextQuarter(builtIn, [mine]);
    expect(q.quarter).toBe('2026Q3');
    expect(q.level).toBe(2);
    expect(q.drivers).toEqual({ sanctions: 'easing' });
  });

  it('names what changed from the quarter before, a left-out driver as not recorded', () => {
    const q = nextQuarter(builtIn, []);
    const { sanctions: _, ...rest } = q.drivers;
    const changes = quarterChanges(last, { ...q, drivers: rest }, vocabulary);
    expect(changes).toEqual([expect.stringMatching(/^Sanctions: .+ → not recorded$/)]);
  });
});

describe('checking the additions as the record is checked', () => {
  it('accepts the prefilled next quarter', () => {
    expect(
      checkAdditions(builtIn, vocabulary, { quarters: [nextQuarter(builtIn, [])], events: [] })
    ).toEqual([]);
  });

  it('names each problem by its place in the additions', () => {
    const q = { ...nextQuarter(builtIn, []), drivers: { ...last.drivers, sanctions: 'gone' } };
    const event = {
      date: '2026-5-1',
      driver: 'sanctions',
      direction: 'neutral' as const,
      summary: ' ',
      source: 'nowhere'
    };
    const paths = checkAdditions(builtIn, vocabulary, { quarters: [q], events: [event] }).map(
      (p) => p.path
    );
    expect(paths).toEqual(
      expect.arrayContaining(['events[0].date', 'events[0].summary', 'events[0].source'])
    );
    const drivers = checkAdditions(builtIn, vocabulary, { quarters: [q], events: [] });
    expect(drivers).toEqual([
      {
        path: 'quarters[0].drivers.sanctions',
        message: expect.stringContaining('unknown level "gone"')
      }
    ]);
  });

  it('refuses a first quarter that does not follow the built-in record', () => {
    const q = { ...nextQuarter(builtIn, []), quarter: '2026Q3' };
    expect(
      checkAdditions(builtIn, vocabulary, { quarters: [q], events: [] }).map((p) => p.path)
    ).toContain('quarters[0].quarter');
  });
});

describe('export and import', () => {
  const additions = {
    quarters: [
      { ...nextQuarter(builtIn, []), level: 2, note: 'A summit.' },
      { ...nextQuarter(builtIn, []), quarter: '2026Q3', level: 1 }
    ],
    events: [
      {
        date: '2026-05-02',
        driver: 'ukraine',
        direction: 'warming' as const,
        summary: 'A ceasefire.',
        source: 'https://example.org/a'
      }
    ]
  };

  it('writes the whole record with the additions appended and reads them back unchanged', () => {
    const file = recordFile(builtIn, additions);
    expect(file.quarters.slice(0, builtIn.quarters.length)).toEqual(builtIn.quarters);
    expect(file.coverage.to).toBe('2026-09-30');
    const read = importRecord(JSON.stringify(file), builtIn, vocabulary);
    expect(read.additions).toEqual(additions);
  });

  it('reads a plain observed.json as no additions, and the additions of a file shaped like it', () => {
    expect(importRecord(JSON.stringify(builtIn), builtIn, vocabulary).additions).toEqual({
      quarters: [],
      events: []
    });
    const own = { ...builtIn, quarters: [...builtIn.quarters, additions.quarters[0]!] };
    expect(additionsOf(builtIn, own).quarters).toEqual([additions.quarters[0]!]);
  });

  it('lists a bad file’s problems by their path in the file and returns no additions', () => {
    const file = recordFile(builtIn, additions);
    const bad = JSON.parse(JSON.stringify(file));
    bad.quarters[builtIn.quarters.length].level = 7;
    bad.events.at(-1).source = 'not an address';
    const read = importRecord(JSON.stringify(bad), builtIn, vocabulary);
    expect(read.additions).toBeUndefined();
    expect(read.problems!.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        `quarters[${builtIn.quarters.length}].level`,
        `events[${builtIn.events.length}].source`
      ])
    );
    expect(importRecord('{ nope', builtIn, vocabulary).problems![0]!.message).toMatch(/^not JSON/);
  });
});

describe('the user’s quarters in the catalog and its sentences', () => {
  it('marks the added quarters and events as the user’s', () => {
    const event = {
      date: '2026-05-02',
      driver: 'ukraine',
      direction: 'warming' as const,
      summary: 'A ceasefire.',
      source: 'https://example.org/a'
    };
    const { catalog, skipped } = userCatalog(builtInCatalog, [], stored(undefined, [event]));
    expect(skipped).toEqual([]);
    expect(catalog.userQuarters).toEqual(['2026Q2']);
    expect(catalog.userEvents).toEqual([event]);
    expect(catalog.history.quarters.at(-1)!.quarter).toBe('2026Q2');
  });

  it('says where the built-in record ends and which quarters are the user’s', () => {
    expect(recordEndText(builtIn, undefined)).toMatch(/^The record ends .*2026; later quarters/);
    expect(recordEndText(builtIn, ['2026Q2', '2026Q3'])).toMatch(
      /^The built-in record ends .*2026; 2026Q2–2026Q3 are your additions, so the record runs to 2026Q3/
    );
    expect(scoredToText('2026Q2', ['2026Q2'])).toBe(
      'Scored to 2026Q2; 2026Q2 is your addition to the record.'
    );
    expect(scoredToText('2026Q1', undefined)).toMatch(
      /^Scored to 2026Q1, the end of the built-in record/
    );
  });
});
