import { describe, expect, it } from 'vitest';
import { realCatalog } from '../engine/testCatalog';
import { buildSchedule, toIndex } from '../engine';
import {
  analystLabel,
  clearOverrides,
  decode,
  defaultExploration,
  encode,
  presetOf,
  queryString,
  setOverride,
  type Exploration
} from './exploration';

const catalog = realCatalog();
const ids = catalog.scenarios.map((s) => s.id);
const defaults = defaultExploration(catalog);
const params = (query: string) => new URLSearchParams(query);

describe('defaultExploration', () => {
  it('shows what happened for every analyst at the last observed quarter', () => {
    expect(defaults).toEqual({
      preset: 'observed',
      overrides: [],
      analysts: ids,
      quarter: '2026Q1',
      focus: ids[0]
    });
  });
});

describe('encode and decode', () => {
  const cases: Array<{ name: string; exploration: Exploration; query: string }> = [
    { name: 'the default view is the bare path', exploration: defaults, query: '' },
    {
      name: 'an analyst preset',
      exploration: { ...defaults, preset: 'notte-2025-reset' },
      query: '?p=notte-2025-reset'
    },
    {
      name: 'overrides, open-ended and with a span',
      exploration: {
        ...defaults,
        overrides: [
          { driver: 'sanctions', level: 'easing', from: '2026Q3' },
          { driver: 'ukraine', level: 'ceasefire', from: '2026Q1', until: '2026Q4' }
        ]
      },
      query: '?o=sanctions.easing.2026Q3,ukraine.ceasefire.2026Q1-2026Q4'
    },
    {
      name: 'levels with hyphens',
      exploration: {
        ...defaults,
        overrides: [{ driver: 'armsControl', level: 'lapsed-restraint', from: '2020Q1' }]
      },
      query: '?o=armsControl.lapsed-restraint.2020Q1'
    },
    {
      name: 'a subset of analysts, in catalog order, with its first as focus',
      exploration: {
        ...defaults,
        analysts: ['notte-2025-reset', 'trenin-2020-guardrails'],
        focus: 'notte-2025-reset'
      },
      query: '?a=notte-2025-reset,trenin-2020-guardrails'
    },
    {
      name: 'a quarter and a focus that is not the first analyst',
      exploration: { ...defaults, quarter: '2030Q4', focus: 'yusui-2021-stalemate' },
      query: '?q=2030Q4&f=yusui-2021-stalemate'
    },
    {
      name: 'uncertain drivers, held and redrawn',
      exploration: {
        ...defaults,
        uncertain: [
          {
            driver: 'sanctions',
            from: '2027Q1',
            mode: 'held',
            weights: [
              { level: 'steady', weight: 60 },
              { level: 'escalating', weight: 30 },
              { level: 'easing', weight: 10 }
            ]
          },
          {
            driver: 'ukraine',
            from: '2026Q3',
            mode: 'redrawn',
            weights: [
              { level: 'war', weight: 0.5 },
              { level: 'ceasefire', weight: 0.5 }
            ]
          }
        ]
      },
      query:
        '?u=sanctions.2027Q1.held.steady:60,escalating:30,easing:10&u=ukraine.2026Q3.redrawn.war:0.5,ceasefire:0.5'
    },
    {
      name: 'everything at once',
      exploration: {
        preset: 'trenin-2020-guardrails',
        overrides: [{ driver: 'whiteHouse', level: 'hawkish', from: '2020Q1', until: '2030Q4' }],
        analysts: ['trenin-2020-common-threat', 'trenin-2020-guardrails'],
        quarter: '2020Q1',
        focus: 'trenin-2020-guardrails'
      },
      query:
        '?p=trenin-2020-guardrails&o=whiteHouse.hawkish.2020Q1-2030Q4&a=trenin-2020-common-threat,trenin-2020-guardrails&q=2020Q1&f=trenin-2020-guardrails'
    }
  ];

  for (const { name, exploration, query } of cases) {
    it(`round-trips ${name}`, () => {
      const encoded = encode(exploration, catalog);
      expect(queryString(encoded)).toBe(query);
      expect(decode(params(query), catalog)).toEqual({ exploration, notices: [] });
      // Through a real URL, as a browser would hand it back (commas percent-encoded or not).
      const url = new URL(`http://x/explore?${encoded.toString()}`);
      expect(decode(url.searchParams, catalog).exploration).toEqual(exploration);
    });
  }

  it('puts analysts in catalog order and drops duplicates', () => {
    const { exploration, notices } = decode(
      params('?a=trenin-2020-guardrails,kortunov-2025-thaw,trenin-2020-guardrails'),
      catalog
    );
    expect(exploration.analysts).toEqual(['kortunov-2025-thaw', 'trenin-2020-guardrails']);
    expect(notices).toEqual([]);
  });
});

describe('decode with a tampered link', () => {
  const cases: Array<{
    name: string;
    query: string;
    expect: Partial<Exploration>;
    notice: RegExp[];
  }> = [
    {
      name: 'an unknown preset',
      query: '?p=nobody',
      expect: { preset: 'observed' },
      notice: [/unknown analyst "nobody".*showing what happened/]
    },
    {
      name: 'a misspelt driver, with a suggestion',
      query: '?o=sanctons.easing.2026Q3,ukraine.ceasefire.2026Q1',
      expect: { overrides: [{ driver: 'ukraine', level: 'ceasefire', from: '2026Q1' }] },
      notice: [
        /^The link named an unknown driver "sanctons" \(did you mean "sanctions"\?\); that override was ignored\.$/
      ]
    },
    {
      name: 'an unknown level',
      query: '?o=sanctions.easng.2026Q3',
      expect: { overrides: [] },
      notice: [/Sanctions to an unknown level "easng" \(did you mean "easing"\?\)/]
    },
    {
      name: 'a malformed override',
      query: '?o=zzz',
      expect: { overrides: [] },
      notice: [/override "zzz" that is not in the form driver\.level\.quarter/]
    },
    {
      name: "an override's malformed quarter",
      query: '?o=sanctions.easing.2026Q5',
      expect: { overrides: [] },
      notice: [/"2026Q5" is not a quarter/]
    },
    {
      name: "an override's quarter outside the horizon",
      query: '?o=sanctions.easing.2019Q4',
      expect: { overrides: [] },
      notice: [/2019Q4 is outside 2020Q1–2030Q4/]
    },
    {
      name: 'a span that ends before it starts',
      query: '?o=sanctions.easing.2027Q1-2026Q1',
      expect: { overrides: [] },
      notice: [/ends before it starts/]
    },
    {
      name: 'a malformed quarter',
      query: '?q=2099Q9',
      expect: { quarter: '2026Q1' },
      notice: [/quarter "2099Q9" is not a quarter like 2026Q1; showing 2026Q1 instead/]
    },
    {
      name: 'a quarter outside the horizon',
      query: '?q=2031Q1',
      expect: { quarter: '2026Q1' },
      notice: [/2031Q1 is outside 2020Q1–2030Q4/]
    },
    {
      name: 'an unknown analyst among known ones',
      query: '?a=nobody,notte-2025-reset',
      expect: { analysts: ['notte-2025-reset'], focus: 'notte-2025-reset' },
      notice: [/unknown analyst "nobody"; it was left out/]
    },
    {
      name: 'no known analyst at all',
      query: '?a=nobody',
      expect: { analysts: ids },
      notice: [/unknown analyst "nobody"/, /no known analyst; showing all of them/]
    },
    {
      name: 'an empty analyst list',
      query: '?a=',
      expect: { analysts: ids },
      notice: [/no known analyst/]
    },
    {
      name: 'a focus that is not shown',
      query: '?a=notte-2025-reset&f=yusui-2021-stalemate',
      expect: { analysts: ['notte-2025-reset'], focus: 'notte-2025-reset' },
      notice: [
        /focused on Yu Sui 2021, who is not among the analysts shown; focusing on Notte 2025/
      ]
    },
    {
      name: 'an unknown focus',
      query: '?f=trenin-2020-guardrail',
      expect: { focus: ids[0] },
      notice: [
        /unknown analyst "trenin-2020-guardrail" \(did you mean "trenin-2020-guardrails"\?\)/
      ]
    },
    {
      name: 'the tampered link from the browser test',
      query: '?q=2099Q9&a=nobody&o=zzz',
      expect: { quarter: '2026Q1', analysts: ids, overrides: [] },
      notice: [/"zzz"/, /"nobody"/, /no known analyst/, /"2099Q9"/]
    },
    {
      name: 'broken uncertain drivers, keeping the good one',
      query:
        '?u=sanctons.2027Q1.held.steady:1&u=sanctions.2027Q1.sometimes.steady:1&u=ukraine.2026Q3.held.war:x' +
        '&u=ukraine.2026Q3.held.wr:1&u=energy.2099Q1.held.neutral:1&u=energy.2027Q1.held.neutral:0' +
        '&u=zzz&u=energy.2027Q1.redrawn.neutral:2,cooperation:1',
      expect: {
        uncertain: [
          {
            driver: 'energy',
            from: '2027Q1',
            mode: 'redrawn',
            weights: [
              { level: 'neutral', weight: 2 },
              { level: 'cooperation', weight: 1 }
            ]
          }
        ]
      },
      notice: [
        /unknown uncertain driver "sanctons" \(did you mean "sanctions"\?\); that uncertain driver was ignored\.$/,
        /uncertain Sanctions is "sometimes", not held or redrawn/,
        /uncertain Ukraine the weight "war:x", not level:number/,
        /uncertain Ukraine an unknown level "wr" \(did you mean "war"\?\)/,
        /uncertain Energy: 2099Q1 is outside 2020Q1–2030Q4/,
        /uncertain Energy no positive weight/,
        /uncertain driver "zzz" that is not in the form/
      ]
    }
  ];

  for (const c of cases) {
    it(`falls back for ${c.name} only, and says so`, () => {
      const { exploration, notices } = decode(params(c.query), catalog);
      expect(exploration).toEqual({ ...defaults, ...c.expect });
      expect(notices).toHaveLength(c.notice.length);
      c.notice.forEach((pattern, i) => expect(notices[i]).toMatch(pattern));
    });
  }

  it('keeps the good parts of a partly broken link', () => {
    const { exploration, notices } = decode(
      params('?p=notte-2025-reset&q=2099Q9&a=notte-2025-reset,nobody&o=sanctions.lifted.2027Q1,x'),
      catalog
    );
    expect(exploration).toEqual({
      preset: 'notte-2025-reset',
      overrides: [{ driver: 'sanctions', level: 'lifted', from: '2027Q1' }],
      analysts: ['notte-2025-reset'],
      quarter: '2026Q1',
      focus: 'notte-2025-reset'
    });
    expect(notices).toHaveLength(3);
  });

  it('ignores unknown keys', () => {
    expect(decode(params('?utm_source=mail&z=1'), catalog)).toEqual({
      exploration: defaults,
      notices: []
    });
  });
});

describe('setOverride', () => {
  const base = [
    { driver: 'sanctions', level: 'easing', from: '2022Q1' },
    { driver: 'ukraine', level: 'talks', from: '2023Q1' },
    { driver: 'sanctions', level: 'lifted', from: '2025Q1' }
  ];

  it('replaces the overrides of that driver from that quarter on and keeps earlier ones', () => {
    expect(setOverride(base, 'sanctions', 'steady', '2024Q1')).toEqual([
      { driver: 'sanctions', level: 'easing', from: '2022Q1' },
      { driver: 'ukraine', level: 'talks', from: '2023Q1' },
      { driver: 'sanctions', level: 'steady', from: '2024Q1' }
    ]);
  });

  it('sets the level from the quarter onward and leaves earlier quarters alone', () => {
    const overrides = setOverride(base, 'sanctions', 'escalating', '2023Q3');
    const s = buildSchedule(catalog, { kind: 'observed' }, overrides);
    const before = buildSchedule(catalog, { kind: 'observed' }, base);
    for (let i = 0; i < s.levels.length; i++) {
      if (s.first + i >= toIndex('2023Q3')) expect(s.levels[i]!.sanctions).toBe('escalating');
      else expect(s.levels[i]).toEqual(before.levels[i]);
    }
  });

  it('clearOverrides removes every override of one driver', () => {
    expect(clearOverrides(base, 'sanctions')).toEqual([base[1]]);
  });
});

describe('presetOf and analystLabel', () => {
  it("maps 'observed' and an analyst id to the engine's presets", () => {
    expect(presetOf('observed', catalog)).toEqual({ kind: 'observed' });
    const preset = presetOf('notte-2025-reset', catalog);
    expect(preset.kind === 'assumed' && preset.scenario.id).toBe('notte-2025-reset');
  });

  it('names analysts by surname and year, telling apart two forecasts of one year', () => {
    expect(catalog.scenarios.map((s) => analystLabel(s, catalog))).toEqual([
      'Kortunov 2025',
      'Notte 2025',
      'Trenin 2020 (common threat)',
      'Trenin 2020 (guardrails)',
      'Yu Sui 2021'
    ]);
  });
});
