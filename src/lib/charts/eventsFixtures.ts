/**
 * Shared fixtures for the events chart's unit tests: a three-driver vocabulary and a small history
 * whose events cover the awkward cases (a month-only date, a same-day tie, a topic outside the
 * vocabulary), so every test module reasons about the same data.
 */
import type { History, HistoryEvent, Vocabulary } from '$lib/engine';

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

export const vocabulary: Vocabulary = {
  drivers: [
    driver('sanctions', 'Sanctions'),
    driver('energy', 'Energy'),
    driver('ukraine', 'Ukraine')
  ]
};

export function ev(
  date: string,
  topic: string,
  direction: HistoryEvent['direction'],
  summary = 's'
) {
  return { date, driver: topic, direction, summary, source: `https://example.org/${date}` };
}

export const events: HistoryEvent[] = [
  ev('2021-02-10', 'diplomaticTies', 'cooling'),
  ev('2020-05-01', 'ukraine', 'warming'),
  ev('2020-05', 'sanctions', 'neutral'),
  ev('2020-05-01', 'sanctions', 'cooling')
];

export const history: History = {
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

export const levels = [-3, -2, -1, 0, 1, 2, 3].map((level) => ({ level, label: `L${level}` }));
