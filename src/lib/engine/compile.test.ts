import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { compile, machineConfig, runMachine } from './compile';
import { checkModel } from './modelCheck';
import { buildSchedule, framesOf } from './schedule';
import { GUARD_TYPES } from './terms';
import type { AnyGuard } from './guards';
import { toIndex } from './quarter';

const catalog = realCatalog();

function guardNames(guard: AnyGuard, into: Set<string>) {
  into.add(guard.type);
  if (guard.type === 'and' || guard.type === 'or')
    guard.params.guards.forEach((g) => guardNames(g, into));
  if (guard.type === 'not') guardNames(guard.params.guard, into);
  return into;
}

describe('machineConfig', () => {
  for (const [id, model] of catalog.models) {
    it(`exports ${id} as plain JSON with every state and guards named with params`, () => {
      const config = machineConfig(model);
      expect(JSON.parse(JSON.stringify(config))).toEqual(config);
      expect(Object.keys(config.states).sort()).toEqual(Object.keys(model.scenario.states).sort());
      expect(config.initial).toBe(model.scenario.start.state);
      const names = new Set<string>();
      for (const state of Object.values(config.states) as Array<{
        on?: { QUARTER: { guard: AnyGuard }[] };
      }>) {
        for (const t of state.on?.QUARTER ?? []) guardNames(t.guard, names);
      }
      for (const name of names) expect([...GUARD_TYPES, 'chance']).toContain(name);
    });
  }
});

describe('compile', () => {
  it('runs the guardrails machine on what happened and leaves the guardrails when the war starts', () => {
    const model = catalog.models.get('trenin-2020-guardrails')!;
    const frames = framesOf(
      buildSchedule(catalog, { kind: 'observed' }),
      model.startQuarter,
      toIndex('2022Q2')
    );
    const steps = runMachine(compile(model), frames);
    const levelOf = (q: string) =>
      model.scenario.states[steps.find((s) => s.quarter === toIndex(q))!.state]!.level;
    expect(levelOf('2021Q4')).toBeGreaterThan(-3);
    expect(levelOf('2022Q1')).toBe(-3);
  });
});

describe('model checks on every forecast file', () => {
  for (const [id, model] of catalog.models) {
    it(`${id}: every state reachable, every transition can fire, no ambiguity, no always loop`, () => {
      expect(checkModel(model, id)).toEqual([]);
    });
  }
});
