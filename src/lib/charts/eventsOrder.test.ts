import { describe, expect, it } from 'vitest';
import { defaultSpan, eventsInSpan, parseEventDate, topicOrder } from './eventsOrder';
import { ev, events, history, vocabulary } from './eventsFixtures';

describe('event dates', () => {
  it('parseEventDate puts a month-only date mid-month, in UTC', () => {
    expect(parseEventDate('2020-04-12').toISOString()).toBe('2020-04-12T00:00:00.000Z');
    expect(parseEventDate('2020-04').toISOString()).toBe('2020-04-15T00:00:00.000Z');
  });
});

describe('topicOrder and eventsInSpan', () => {
  it('topicOrder keeps vocabulary order, then other topics, and only topics with events', () => {
    const more = [...events, ev('2020-06-01', 'mystery', 'neutral')];
    expect(topicOrder(more, vocabulary, ['diplomaticTies', 'unused'])).toEqual([
      'sanctions',
      'ukraine',
      'diplomaticTies',
      'mystery'
    ]);
  });

  it('eventsInSpan sorts by date, keeps file order on ties and drops events outside', () => {
    const inSpan = eventsInSpan(events, '2020Q2', '2020Q4');
    expect(inSpan.map((e) => `${e.date} ${e.driver}`)).toEqual([
      '2020-05-01 ukraine',
      '2020-05-01 sanctions',
      '2020-05 sanctions'
    ]);
  });

  it('defaultSpan covers every observed quarter and every event', () => {
    expect(defaultSpan(history)).toEqual({ from: '2020Q1', to: '2021Q1' });
  });
});
