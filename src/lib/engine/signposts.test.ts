import { describe, expect, it } from 'vitest';
import { realCatalog } from './testCatalog';
import { signposts } from './signposts';
import { buildSchedule, framesOf } from './schedule';
import { evaluateGuard } from './guards';
import { toIndex } from './quarter';

const catalog = realCatalog();
const model = (id: string) => catalog.models.get(id)!;
const observed = buildSchedule(catalog, { kind: 'observed' });
const frameAt = (quarter: string) => framesOf(observed, toIndex(quarter), toIndex(quarter))[0]!;

describe('signposts', () => {
  const trenin = model('trenin-2020-guardrails');
  const posts = signposts(trenin, 'guardrailed', frameAt('2022Q1'));
  const byId = (id: string) => posts.find((p) => p.transition.id === id)!;

  it('lists every transition out of the state in the model’s try order (quarter, then always)', () => {
    const expected = [
      ...trenin.quarterOut.get('guardrailed')!,
      ...trenin.alwaysOut.get('guardrailed')!
    ].map((t) => t.id);
    expect(posts.map((p) => p.transition.id)).toEqual(expected);
    expect(expected[0]).toBe('donbass-war-breaks-guardrails');

    const threat = model('trenin-2020-common-threat');
    for (const state of threat.stateIds) {
      const ids = signposts(threat, state, frameAt('2022Q1')).map((p) => p.transition.id);
      const quarter = threat.quarterOut.get(state)!.map((t) => t.id);
      const always = threat.alwaysOut.get(state)!.map((t) => t.id);
      expect(ids).toEqual([...quarter, ...always]);
    }
  });

  it('holds the Donbass war transition in 2022Q1 with all its conditions met, citing ¶16', () => {
    const war = byId('donbass-war-breaks-guardrails');
    expect(war.holds).toBe(true);
    expect(war.met).toBe(war.total);
    expect(war.total).toBe(1);
    expect(war.toLabel).toBe('Rupture over Donbass');
    expect(war.toLevel).toBe(-3);
    expect(war.guardText).toMatch(/^Ukraine at full-scale war/);
    expect(war.conditions[0]).toMatchObject({ held: true, saw: 'full-scale war' });
    expect(war.source).toMatchObject({ ref: 'trenin-2020-guardrails', para: 16 });
    // The first certain transition that holds is the one taken: nothing after it can fire.
    expect(war.fireChance).toBe(1);
    expect(posts.slice(1).every((p) => p.fireChance === 0)).toBe(true);
  });

  it('counts met/total over the items of the guard’s top group', () => {
    for (const p of posts) {
      expect(p.total).toBe(p.group.items.length);
      expect(p.met).toBe(
        p.group.items.filter((i) => (i.kind === 'condition' ? i.condition.held : i.held)).length
      );
    }
    const dialogue = byId('post-start-dialogue-begins');
    expect([dialogue.met, dialogue.total]).toEqual([2, 3]);
    expect(dialogue.holds).toBe(false);
  });

  it('says which conditions fail in a transition that does not hold, and what they saw', () => {
    const reset = byId('reset-far-from-assumptions');
    expect(reset.holds).toBe(false);
    expect(reset.conditions.map((c) => [c.text, c.held, c.saw])).toEqual([
      ['sanctions at lifted', false, 'escalating'],
      ['Ukraine at settlement', false, 'full-scale war']
    ]);
    const dialogue = byId('post-start-dialogue-begins');
    const failing = dialogue.conditions.filter((c) => !c.held);
    expect(failing).toHaveLength(1);
    expect(failing[0]!.text).toMatch(/U\.S\. political consensus at softening/);
    expect(failing[0]!.saw).toBe('hostile');
  });

  it('agrees with evaluateGuard on whether each guard holds, quarter after quarter', () => {
    for (const [, m] of catalog.models) {
      for (const quarter of ['2020Q2', '2022Q1', '2024Q3', '2026Q1']) {
        const frame = frameAt(quarter);
        for (const state of m.stateIds) {
          for (const p of signposts(m, state, frame)) {
            expect(p.holds).toBe(evaluateGuard(p.transition.guard, frame, m.drivers));
          }
        }
      }
    }
  });

  it('gives a probabilistic transition its per-quarter chance and splits the firing mass in try order', () => {
    const dialogue = byId('post-start-dialogue-begins');
    expect(dialogue.chance).toBeGreaterThan(0);
    expect(dialogue.chance).toBeLessThan(0.05);
    // With the U.S. consensus softened in 2021Q2 and nothing else holding, only the chance is left.
    const frame = frameAt('2021Q2');
    const softened = { ...frame, drivers: { ...frame.drivers, usConsensus: 'softening' } };
    const open = signposts(trenin, 'guardrailed', softened);
    const fire = open.find((p) => p.transition.id === 'post-start-dialogue-begins')!;
    expect(fire.holds).toBe(true);
    expect(fire.fireChance).toBeCloseTo(fire.chance!, 12);
    const total = open.reduce((sum, p) => sum + p.fireChance, 0);
    expect(total).toBeLessThanOrEqual(1);
  });

  it('gives the first `always` transition that holds the mass no quarter transition took', () => {
    const threat = model('trenin-2020-common-threat');
    const frame = frameAt('2022Q1');
    const crisis = {
      ...frame,
      drivers: { ...frame.drivers, commonThreat: 'existential', energy: 'cooperation' }
    };
    const out = signposts(threat, 'outreach', crisis);
    const fire = Object.fromEntries(out.map((p) => [p.transition.id, p.fireChance]));
    // The backlash of 2020 is out of its window in 2022; the later one (a quarter transition,
    // tried first) may fire; what it leaves goes to the first `always` transition that holds.
    const early = out.find((p) => p.transition.id === 'outreach-draws-backlash')!;
    expect(early.holds).toBe(false);
    expect(fire['outreach-draws-backlash']).toBe(0);
    const backlash = out.find((p) => p.transition.id === 'later-outreach-draws-backlash')!;
    expect(backlash.holds).toBe(true);
    expect(backlash.chance).toBeGreaterThan(0);
    expect(backlash.chance).toBeLessThan(1);
    expect(fire['later-outreach-draws-backlash']).toBeCloseTo(backlash.chance!, 12);
    expect(fire['existential-threat-makes-allies']).toBeCloseTo(1 - backlash.chance!, 12);
    expect(fire['oil-deal-out-of-self-interest']).toBe(0);
    expect(out.map((p) => p.transition.trigger)).toEqual([
      'quarter',
      'quarter',
      'quarter',
      'always',
      'always'
    ]);
  });

  it('returns no signposts for a state the model does not have', () => {
    expect(signposts(trenin, 'no-such-state', frameAt('2022Q1'))).toEqual([]);
  });
});
