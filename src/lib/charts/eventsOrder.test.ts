import { describe, expect, it } from 'vitest';
import type { History, HistoryEvent, Vocabulary } from '$lib/engine';
import { defaultSpan, eventsInSpan, parseEventDate, topicOrder } from './eventsOrder';

function driver(id: string, label: string): Vocabulary['drivers'][number] {
  return {
    id,
    label,
    group: 'g',
    description: 'd',
    ordered: true,
    levels: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' }
    ],
    sources: [{ ref: 'x', para: 1 }]
  };
}

const vocabulary: Vocabulary = {
  drivers: [
    driver('sanctions', 'Sanctions'),
    driver('energy', 'Energy'),
    driver('ukraine', 'Ukraine')
  ]
};

function ev(date: string, topic: string, direction: HistoryEvent['direction'], summary = 's') {
  return { date, driver: topic, direction, summary, source: `https://example.org/${date}` };
}

const events: HistoryEvent[] = [
  ev('2021-02-10', 'diplomaticTies', 'cooling'),
  ev('2020-05-01', 'ukraine', 'warming'),
  ev('2020-05', 'sanctions', 'neutral'),
  ev('2020-05-01', 'sanctions', 'cooling')
];

const history: History = {
  about: 'test',
  coverage: { from: '2020-01-01', to: '2021-12-31' },
  otherTopics: ['diplomaticTies'],
  events,
  quarters: [
    { quarter: '2020Q1', level: -1, drivers: {} },
    { quarter: '2020Q2', level: -2, drivers: {} },
    { quarter: '2020Q4', level: 0, drivers: {} },
    { quarter: '2021Q1', level: 1, drivers: {} }
  ]
};

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
