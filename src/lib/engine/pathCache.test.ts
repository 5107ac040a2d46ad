import { describe, expect, it } from 'vitest';
import { buildSchedule, cachedRunPath, driversRead, runPath, type Override } from './index';
import { realCatalog } from './testCatalog';

const catalog = realCatalog();
const models = [...catalog.models.values()];
const observed = () => buildSchedule(catalog, { kind: 'observed' });
const withOverride = (o: Override) => buildSchedule(catalog, { kind: 'observed' }, [o]);
const allDrivers = catalog.vocabulary.drivers.map((d) => d.id);

/** A level of `driver` other than the one it has in the first quarter under what happened. */
function otherLevel(driver: string): string {
  const now = observed().levels[0]![driver];
  const levels = catalog.vocabulary.drivers.find((d) => d.id === driver)!.levels;
  return levels.map((l) => l.id).find((l) => l !== now) ?? levels[0]!.id;
}

describe('cachedRunPath', () => {
  it('some model ignores some driver (else this suite proves nothing)', () => {
    expect(models.some((m) => driversRead(m).length < allDrivers.length)).toBe(true);
  });

  describe.each(models.map((m) => [m.scenario.id, m] as const))('%s', (_, model) => {
    const read = driversRead(model);
    const unread = allDrivers.filter((d) => !read.includes(d));

    it('gives what runPath gives after a driver it reads changes', () => {
      cachedRunPath(model, observed());
      const driver = read[0]!;
      const changed = withOverride({ driver, level: otherLevel(driver), from: '2021Q1' });
      expect(cachedRunPath(model, changed)).toEqual(runPath(model, changed));
    });

    it.skipIf(unread.length === 0)(
      'reuses its last path when only a driver it does not read changes',
      () => {
        const before = cachedRunPath(model, observed());
        const driver = unread[0]!;
        const changed = withOverride({ driver, level: otherLevel(driver), from: '2021Q1' });
        const after = cachedRunPath(model, changed);
        expect(after).toEqual(runPath(model, changed));
        expect(after.steps).toBe(before.steps);
        expect(after.schedule).toBe(changed);
      }
    );
  });

  it('runs a schedule with forks afresh', () => {
    const forked = catalog.scenarios
      .map((s) => buildSchedule(catalog, { kind: 'assumed', scenario: s }))
      .find((s) => s.forks?.length);
    if (!forked) return expect(forked).toBeUndefined();
    for (const model of models)
      expect(cachedRunPath(model, forked)).toEqual(runPath(model, forked));
  });
});
