import { describe, expect, it } from 'vitest';
import { eventsGeometry } from './eventsMath';
import {
  csvField,
  describeEvent,
  eventsCsv,
  eventsSummary,
  formatEventDate,
  humanise,
  topicLabel
} from './eventsText';
import { ev, events, history, vocabulary } from './eventsFixtures';

describe('dates and labels', () => {
  it('formatEventDate writes the day only when the date has one', () => {
    expect(formatEventDate('2020-04-02')).toBe('2 Apr 2020');
    expect(formatEventDate('2026-12')).toBe('Dec 2026');
  });

  it('topicLabel uses the vocabulary, else a readable form of the id', () => {
    expect(topicLabel('energy', vocabulary)).toBe('Energy');
    expect(topicLabel('diplomaticTies', vocabulary)).toBe('Diplomatic ties');
    expect(humanise('newStartTreaty')).toBe('New start treaty');
  });
});

describe('the chart in words', () => {
  it('describeEvent and eventsSummary say it in words', () => {
    const g = eventsGeometry(history, vocabulary, { width: 900 });
    expect(describeEvent(g.markers[0]!)).toBe('1 May 2020, Ukraine, warming: s');
    expect(eventsSummary(events, '2020Q1', '2021Q1')).toBe(
      '4 events, 1 warming, 2 cooling, 1 neutral, from 2020Q1 to 2021Q1'
    );
  });
});

describe('eventsCsv', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and leaves plain fields bare', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a header and one CRLF line per event, by date, with topic labels', () => {
    const csv = eventsCsv(
      [ev('2021-01-02', 'diplomaticTies', 'cooling', 'Envoys, "recalled"'), events[1]!],
      vocabulary
    );
    expect(csv).toBe(
      'date,topic,direction,summary,source\r\n' +
        '2020-05-01,Ukraine,warming,s,https://example.org/2020-05-01\r\n' +
        '2021-01-02,Diplomatic ties,cooling,"Envoys, ""recalled""",https://example.org/2021-01-02\r\n'
    );
  });
});
