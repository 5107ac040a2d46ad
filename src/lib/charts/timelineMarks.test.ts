import { describe, expect, it } from 'vitest';
import { realCatalog } from '../engine/testCatalog';
import { buildSchedule, HORIZON, quarterOfDate, quarterRange } from '../engine';
import { timelineMarks } from './timelineMarks';

const catalog = realCatalog();
const quarters = quarterRange(HORIZON.first, HORIZON.last);

describe('timelineMarks', () => {
  it('marks an override’s first quarter with the driver’s new level, and nothing after it', () => {
    const schedule = buildSchedule(catalog, { kind: 'observed' }, [
      { driver: 'sanctions', level: 'lifted', from: '2028Q2' }
    ]);
    const marks = timelineMarks(schedule, catalog.vocabulary, { events: [] }, quarters);
    const at = marks.find((m) => m.quarter === '2028Q2');
    expect(at?.drivers).toEqual(['Sanctions → lifted']);
    expect(marks.filter((m) => m.quarter > '2028Q2')).toEqual([]);
  });

  it('puts every event of the record in its quarter, and never marks the first quarter as a change', () => {
    const schedule = buildSchedule(catalog, { kind: 'observed' });
    const marks = timelineMarks(schedule, catalog.vocabulary, catalog.history, quarters);
    const counted = marks.reduce((n, m) => n + m.events.length, 0);
    const inRange = catalog.history.events.filter((e) => quarters.includes(quarterOfDate(e.date)));
    expect(counted).toBe(inRange.length);
    expect(marks.find((m) => m.quarter === quarters[0])?.drivers ?? []).toEqual([]);
    // The invasion quarter shows the war as a driver change.
    expect(marks.find((m) => m.quarter === '2022Q1')?.drivers.join(' ')).toMatch(/Ukraine →/);
  });
});
