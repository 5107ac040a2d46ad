/**
 * Exact distributions over a model's states: with discrete drivers and per-quarter chances the
 * model is a Markov chain, so probability vectors are propagated instead of sampled.
 */
import type { TransitionTable, TableTransition } from './table';
import { outcomes, settle } from './table';
import type { Schedule } from './schedule';
import { indexDrivers } from './vocabulary';
import type { Vocabulary } from './schema';

/** Level vectors (see table.ts) for quarters `from`…`to` of a schedule. */
export function levelVectors(schedule: Schedule, vocabulary: Vocabulary, from: number, to: number) {
  const drivers = indexDrivers(vocabulary);
  const vectors: Uint8Array[] = [];
  for (let q = from; q <= to; q++) {
    const levels = schedule.levels[q - schedule.first]!;
    vectors.push(Uint8Array.from(drivers.ids, (id) => drivers.rank.get(id)!.get(levels[id]!)!));
  }
  return vectors;
}

/**
 * Per quarter from the model's start, the probability of each state (indexed like table.states).
 * `vectors[0]` is the start quarter. Pure; every row sums to 1.
 */
export function propagate(table: TransitionTable, vectors: Uint8Array[]): Float64Array[] {
  const rows: Float64Array[] = [];
  let current = new Float64Array(table.states.length);
  current[settle(table, table.start, vectors[0]!, table.startQuarter)] = 1;
  rows.push(current);
  for (let t = 1; t < vectors.length; t++) {
    const next = new Float64Array(table.states.length);
    for (let s = 0; s < current.length; s++) {
      if (current[s] === 0) continue;
      for (const o of outcomes(table, s, vectors[t]!, table.startQuarter + t)) {
        next[o.to]! += current[s]! * o.probability;
      }
    }
    rows.push(next);
    current = next;
  }
  return rows;
}

/** The choice made in one quarter of the most likely path: which quarter transition fired. */
export interface Choice {
  transition: TableTransition | null;
  state: number;
}

/**
 * The single most likely path (Viterbi) and its probability. Ties go to the outcome tried first,
 * so a deterministic model gets its one path. `choices[0]` is the start. Pure.
 */
export function mostLikelyPath(
  table: TransitionTable,
  vectors: Uint8Array[]
): { choices: Choice[]; probability: number } {
  const n = table.states.length;
  const start = settle(table, table.start, vectors[0]!, table.startQuarter);
  let best = new Float64Array(n).fill(-1);
  best[start] = 1;
  const back: Array<Array<{ from: number; transition: TableTransition | null } | undefined>> = [[]];
  for (let t = 1; t < vectors.length; t++) {
    const next = new Float64Array(n).fill(-1);
    const links: Array<{ from: number; transition: TableTransition | null } | undefined> = [];
    for (let s = 0; s < n; s++) {
      if (best[s]! < 0) continue;
      for (const o of outcomes(table, s, vectors[t]!, table.startQuarter + t)) {
        const p = best[s]! * o.probability;
        if (p > next[o.to]!) {
          next[o.to] = p;
          links[o.to] = { from: s, transition: o.transition };
        }
      }
    }
    back.push(links);
    best = next;
  }
  let state = 0;
  for (let s = 1; s < n; s++) if (best[s]! > best[state]!) state = s;
  const probability = best[state]!;
  const choices: Choice[] = new Array(vectors.length);
  for (let t = vectors.length - 1; t >= 1; t--) {
    const link = back[t]![state]!;
    choices[t] = { transition: link.transition, state };
    state = link.from;
  }
  choices[0] = { transition: null, state };
  return { choices, probability };
}

/**
 * The path that follows the distribution: from the start, each quarter it takes the outcome
 * (stay, or one of the transitions that can fire) whose target is the most probable state that
 * quarter, as `rows` (propagate's output on the same vectors) gives it. Unlike the single most
 * likely path, which takes a hedged transition at its first chance because every later timing is
 * less likely than that one, it moves when the move has become more likely than not staying, so
 * it stays with the bands a reader sees. Ties go to the outcome tried first. Pure.
 */
export function modalPath(
  table: TransitionTable,
  vectors: Uint8Array[],
  rows: Float64Array[]
): { choices: Choice[]; probability: number } {
  let state = settle(table, table.start, vectors[0]!, table.startQuarter);
  const choices: Choice[] = [{ transition: null, state }];
  let probability = 1;
  for (let t = 1; t < vectors.length; t++) {
    let best: ReturnType<typeof outcomes>[number] | undefined;
    for (const o of outcomes(table, state, vectors[t]!, table.startQuarter + t)) {
      if (!best || rows[t]![o.to]! > rows[t]![best.to]!) best = o;
    }
    probability *= best!.probability;
    state = best!.to;
    choices.push({ transition: best!.transition, state });
  }
  return { choices, probability };
}
