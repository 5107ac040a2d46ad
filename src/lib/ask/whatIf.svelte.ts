/**
 * What a page asks the worker whenever its drivers change, shared by /explore and /compare: with
 * drivers given odds, every shown analyst's distribution; under a what-if (overrides or odds),
 * who moved against the same preset without the user's changes. Construct it while a component
 * initialises: it registers an effect.
 */
import type { ExplorationView } from '$lib/state/explorationView.svelte';
import type { ScheduleSpec } from '$lib/worker';
import { AnalysisTask } from './analysisTask.svelte';

export class WhatIfAnalysis {
  distribution = new AnalysisTask<{
    kind: 'distribution';
    analysts: string[];
    schedule: ScheduleSpec;
  }>({ cancelsRunning: false });
  moved = new AnalysisTask<{
    kind: 'whatMoved';
    analysts: string[];
    schedule: ScheduleSpec;
    labels?: Record<string, string>;
  }>({ cancelsRunning: false });

  /** `labels`: each analyst's name in sentences, by id (read live: the catalog may change). */
  constructor(view: ExplorationView, labels: () => Record<string, string>) {
    $effect(() => {
      if (!view.ready) return;
      const analysts = [...view.shown];
      const schedule = view.scheduleSpec;
      if (schedule.uncertain.length > 0) {
        void this.distribution.run({ kind: 'distribution', analysts, schedule });
      } else this.distribution.clear();
      if (view.isWhatIf) {
        void this.moved.run({ kind: 'whatMoved', analysts, schedule, labels: labels() });
      } else this.moved.clear();
    });
  }
}
