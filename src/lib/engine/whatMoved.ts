/**
 * Baseline against scenario, per analyst: did the path (or its chances) move between the preset's
 * schedule and the one with the user's overrides and uncertain drivers, and in a sentence why, or
 * what held the analyst back: the unmet conditions of the nearest way out of where it stays.
 */
import type { Model } from './model';
import { framesOf, lastQuarter, withOverride, type Schedule } from './schedule';
import { mixtureRun, shownPath, tableOf } from './mixture';
import { traceGuard } from './guards';
import { conditionsInWords, type ConditionInWords } from './describe';
import { signposts } from './signposts';
import { uncertainRun, type UncertainDriver } from './uncertainty';
import { fromIndex, toIndex, type Quarter } from './quarter';

export interface WhatMovedInput {
  models: readonly Model[];
  /** The preset's schedule, without the user's changes. */
  baseline: Schedule;
  /** The schedule with the user's overrides. */
  scenario: Schedule;
  /** Uncertain drivers of the scenario: they move chances; the path shown takes each one's most likely level. */
  uncertain?: UncertainDriver[];
  /** Last quarter compared (default: the end of the horizon). */
  to?: Quarter;
  /** Names for sentences by analyst id (default: the author). */
  labels?: Record<string, string>;
}

export interface AnalystMove {
  analyst: string;
  /** The path shown or the expected level differs in some quarter. */
  moved: boolean;
  /** The first quarter that differs. */
  firstQuarter?: Quarter;
  /** For a mover: the transition that fired there in one run and not in the other. */
  transition?: {
    id: string;
    fromLabel: string;
    toLabel: string;
    /** Its conditions in words, as they stood in the run it fired in. */
    conditions: ConditionInWords[];
    /** Which run it fired in. */
    in: 'scenario' | 'baseline';
  };
  /** For a non-mover: the nearest way out of the state it ends in, and what it lacks. */
  heldBack?: { state: string; stateLabel: string; toLabel: string; unmet: ConditionInWords[] };
  sentence: string;
}

export interface WhatMoved {
  analysts: AnalystMove[];
  /** "2 of 5 moved: …; … did not: …". */
  summary: string;
}

const and = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The schedule with every uncertain driver at its most likely level. */
function likeliest(schedule: Schedule, uncertain: readonly UncertainDriver[]): Schedule {
  return uncertain.reduce((s, u) => {
    const top = u.weights.reduce((a, b) => (b.weight > a.weight ? b : a));
    return withOverride(s, u.driver, top.level, toIndex(u.from));
  }, schedule);
}

/** The first quarter index where the scenario's drivers differ from the baseline's. */
function firstChange(
  baseline: Schedule,
  scenario: Schedule,
  uncertain: readonly UncertainDriver[]
): number {
  let first = Math.min(...uncertain.map((u) => toIndex(u.from)), Infinity);
  scenario.levels.forEach((row, i) => {
    const q = scenario.first + i;
    const before = baseline.levels[q - baseline.first];
    if (q < first && before && Object.keys(row).some((d) => row[d] !== before[d])) first = q;
  });
  return first;
}

/** Pure (sampling, if uncertain drivers need it, is seeded). */
export function whatMoved(input: WhatMovedInput): WhatMoved {
  const uncertain = input.uncertain ?? [];
  const end = input.to ? toIndex(input.to) : lastQuarter(input.scenario);
  const shown = likeliest(input.scenario, uncertain);
  const changeAt = firstChange(input.baseline, input.scenario, uncertain);
  const analysts = input.models.flatMap((model): AnalystMove[] => {
    const start = model.startQuarter;
    if (start > end) return [];
    const table = tableOf(model);
    const author = model.scenario.source.author;
    const shared = input.models.filter((m) => m.scenario.source.author === author).length > 1;
    const name =
      input.labels?.[model.scenario.id] ?? (shared ? `${author} (${model.scenario.id})` : author);
    const label = (state: string) => model.scenario.states[state]!.label;
    const before = shownPath(model, mixtureRun(model, input.baseline, start, end)).choices;
    const after = shownPath(model, mixtureRun(model, shown, start, end)).choices;
    const expected = (s: Schedule, u: UncertainDriver[]) =>
      uncertainRun(model, s, u, end).rows.map((row) =>
        row.reduce((sum, p, i) => sum + p * table.levels[i]!, 0)
      );
    const base = expected(input.baseline, []);
    const now = expected(input.scenario, uncertain);
    const pathAt = after.findIndex((c, t) => c.state !== before[t]!.state);
    const chanceAt = now.findIndex((l, t) => Math.abs(l - base[t]!) > 1e-9);
    const analyst = model.scenario.id;

    if (pathAt >= 0) {
      const quarter = fromIndex(start + pathAt);
      const fired = after[pathAt]!.transition ? 'scenario' : 'baseline';
      const choice = (fired === 'scenario' ? after : before)[pathAt]!;
      const t = model.scenario.transitions.find((x) => x.id === choice.transition?.id);
      const frame = (s: Schedule) => framesOf(s, start + pathAt, start + pathAt)[0]!;
      if (!t) {
        const sentence = `${name} (from ${quarter} in ${label(table.states[after[pathAt]!.state]!)} instead of ${label(table.states[before[pathAt]!.state]!)})`;
        return [{ analyst, moved: true, firstQuarter: quarter, sentence }];
      }
      const scheduleOf = fired === 'scenario' ? shown : input.baseline;
      const trace = traceGuard(t.guard, frame(scheduleOf), model.drivers);
      const conditions = conditionsInWords(trace, model.vocabulary);
      const own = conditionsInWords(
        traceGuard(t.guard, frame(fired === 'scenario' ? input.baseline : shown), model.drivers),
        model.vocabulary
      );
      // The conditions that decided it: those that differ between the two runs.
      const decisive = conditions.filter((c, i) => c.held !== own[i]?.held);
      const words = and((decisive.length ? decisive : conditions).map((c) => c.text));
      const sentence =
        fired === 'scenario'
          ? `${name} (${label(t.from)} → ${label(t.to)} in ${quarter}, because ${words})`
          : `${name} (${label(t.from)} no longer gives way to ${label(t.to)} in ${quarter}: it needed ${words})`;
      return [
        {
          analyst,
          moved: true,
          firstQuarter: quarter,
          transition: {
            id: t.id,
            fromLabel: label(t.from),
            toLabel: label(t.to),
            conditions,
            in: fired
          },
          sentence
        }
      ];
    }
    if (chanceAt >= 0) {
      const quarter = fromIndex(start + chanceAt);
      // Enough digits to show the two numbers differ.
      let digits = 2;
      while (digits < 4 && base[chanceAt]!.toFixed(digits) === now[chanceAt]!.toFixed(digits))
        digits++;
      const sentence = `${name} (the chances move from ${quarter}: expected level ${base[chanceAt]!.toFixed(digits)} → ${now[chanceAt]!.toFixed(digits)}; the path shown stays)`;
      return [{ analyst, moved: true, firstQuarter: quarter, sentence }];
    }

    // Judged where the user's changes begin (or at the end when there are none for this model).
    const at = Math.max(changeAt, start) <= end ? Math.max(changeAt, start) : end;
    const state = table.states[after[at - start]!.state]!;
    const frame = framesOf(shown, at, at)[0]!;
    const ways = signposts(model, state, frame).filter((p) => !p.holds);
    // A way shut by the calendar (a window that has passed) is not one the drivers could open.
    const open = ways.filter(
      (p) => !p.conditions.some((c) => !c.held && /^(until|from) \d{4}Q[1-4]$/.test(c.text))
    );
    const nearest = open.reduce<(typeof open)[number] | undefined>(
      (best, p) => (!best || p.met / p.total > best.met / best.total ? p : best),
      undefined
    );
    if (!nearest) {
      const sentence =
        ways.length === 0
          ? `${name} did not move: ${label(state)} has no way out`
          : `${name} did not move: the ways out of ${label(state)} are shut by the calendar by ${fromIndex(at)}`;
      return [{ analyst, moved: false, sentence }];
    }
    const unmet = nearest.conditions.filter((c) => !c.held);
    const sentence = `${name} did not move: ${nearest.toLabel} also needs ${and(
      unmet.map((c) => `${c.text}${c.saw ? ` (now ${c.saw})` : ''}`)
    )}`;
    return [
      {
        analyst,
        moved: false,
        heldBack: { state, stateLabel: label(state), toLabel: nearest.toLabel, unmet },
        sentence
      }
    ];
  });
  const movers = analysts.filter((a) => a.moved);
  const stayers = analysts.filter((a) => !a.moved);
  const parts = [
    `${movers.length} of ${analysts.length} moved${movers.length ? `: ${movers.map((a) => a.sentence).join('; ')}` : ''}`,
    ...stayers.map((a) => a.sentence)
  ];
  return { analysts, summary: `${parts.join('. ')}.` };
}
