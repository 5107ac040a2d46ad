/**
 * Uncertain drivers on the timeline: an analyst's steps with the chance of each level replaced by
 * the exact (or sampled) distribution the worker computed, so the bands show it. Pure.
 */
import type { PathStep, UncertainDistribution } from '$lib/engine';

export function withDistribution(
  steps: PathStep[],
  d: UncertainDistribution | undefined
): PathStep[] {
  if (!d) return steps;
  const row = new Map(d.quarters.map((q, i) => [q, d.levelProbabilities[i]!]));
  return steps.map((s) => {
    const p = row.get(s.quarter);
    if (!p) return s;
    const levelDistribution: Record<number, number> = {};
    d.levels.forEach((level, i) => {
      if (p[i]! > 0) levelDistribution[level] = p[i]!;
    });
    return { ...s, levelDistribution };
  });
}
