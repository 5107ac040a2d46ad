/**
 * The analysis worker's messages: typed requests (search, distribution, sensitivity, what moved),
 * progress, results and errors. Plain data only, so every message is structured-cloneable.
 */
import type { Override } from '../engine/schedule';
import type { Quarter } from '../engine/quarter';
import type { Target } from '../engine/target';
import type { SearchLimits, SearchResult } from '../engine/search';
import type { UncertainDriver, UncertainDistribution } from '../engine/uncertainty';
import type { Tornado } from '../engine/sensitivity';
import type { WhatMoved } from '../engine/whatMoved';

/**
 * The catalog as the worker receives it: the validated files' data. Models are rebuilt from it in
 * the worker (catalogFromData), so nothing but plain objects crosses the boundary.
 */
export { catalogData, type CatalogData } from '../engine/catalogData';
import type { CatalogData } from '../engine/catalogData';

/** A schedule as a view holds it: a preset and the user's changes. */
export interface ScheduleSpec {
  /** 'observed', or an analyst id: that analyst's assumptions. */
  preset: string;
  overrides: Override[];
  uncertain?: UncertainDriver[];
}

export type AnalysisRequest =
  | {
      kind: 'search';
      analysts: string[];
      atLeast?: number;
      target: Target;
      by: Quarter;
      from?: Quarter;
      /** Uncertain drivers are not searched over; they are ignored here. */
      schedule: ScheduleSpec;
      limits?: SearchLimits;
    }
  | {
      kind: 'distribution';
      analysts: string[];
      schedule: ScheduleSpec;
      to?: Quarter;
      maxCombinations?: number;
      samples?: number;
      seed?: number;
    }
  | {
      kind: 'sensitivity';
      analysts: string[];
      schedule: ScheduleSpec;
      /** The current quarter: each driver is varied from here on. */
      from: Quarter;
      to?: Quarter;
      at?: Quarter;
      target?: Target;
      by?: Quarter;
    }
  | {
      kind: 'whatMoved';
      analysts: string[];
      /** The scenario; the baseline is the same preset without overrides or uncertain drivers. */
      schedule: ScheduleSpec;
      to?: Quarter;
      labels?: Record<string, string>;
    };

/** What each kind of request answers. */
export interface AnalysisResults {
  search: SearchResult;
  distribution: UncertainDistribution[];
  sensitivity: Tornado[];
  whatMoved: WhatMoved;
}

export type AnalysisResult<R extends AnalysisRequest> = AnalysisResults[R['kind']];

export type ToWorker =
  { type: 'init'; catalog: CatalogData } | { type: 'run'; id: number; request: AnalysisRequest };

export type FromWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: AnalysisResults[keyof AnalysisResults] }
  | { type: 'error'; id: number; message: string };
