/**
 * The exploration as live state for a page (/explore, /compare): one rune per field, so that a
 * quarter change does not re-run the models, plus reading the link once and encoding it back.
 * The codec itself is pure and lives in exploration.ts.
 */
import { catalog } from '$lib/catalog';
import {
  buildSchedule,
  horizonOf,
  quarterRange,
  toIndex,
  type Override,
  type UncertainDriver
} from '$lib/engine';
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
import { analystsOf, pathsUnder, type ViewRun } from './views';

export class ExplorationView {
  preset = $state('');
  overrides = $state<Override[]>([]);
  /** Drivers given a probability over their levels from a quarter on (the timeline's bands). */
  uncertain = $state<UncertainDriver[]>([]);
  shown = $state<string[]>([]);
  quarter = $state('');
  focus = $state('');
  /** What a tampered link lost, in words; dismissable. */
  notices = $state<string[]>([]);
  /** Set once the link has been read, so the defaults never overwrite a shared link. */
  ready = $state(false);
  /**
   * The quarter a driver change takes effect from, when the user picked one; '' follows the
   * viewed quarter. A control setting, not part of the view, so it stays out of the link.
   */
  overrideFrom = $state('');

  /** The drivers in force: the preset plus the user's overrides. */
  schedule = $derived(buildSchedule(catalog, presetOf(this.preset, catalog), this.overrides));
  /** The models run again only when the drivers change, never for a quarter or a focus. */
  paths = $derived(pathsUnder(catalog, this.schedule));
  run: ViewRun = $derived({
    schedule: this.schedule,
    paths: this.paths,
    shown: analystsOf(catalog).filter((a) => this.shown.includes(a.id))
  });

  /**
   * The quarters the charts show: from the earliest start of the analysts shown (or the record's
   * first quarter) to the latest end. Hiding a forecast that runs past 2030 shortens the charts.
   */
  quarters = $derived.by(() => {
    const shown = catalog.scenarios.filter((s) => this.shown.includes(s.id));
    const span = horizonOf(shown, catalog.history.quarters);
    return quarterRange(span.first, span.last);
  });

  constructor() {
    this.set(defaultExploration(catalog));
    // A quarter the charts no longer show (its analyst was hidden) moves to the nearest shown one.
    $effect(() => {
      const quarters = this.quarters;
      if (!this.ready || quarters.includes(this.quarter)) return;
      this.quarter =
        toIndex(this.quarter) < toIndex(quarters[0]!) ? quarters[0]! : quarters.at(-1)!;
    });
  }

  get exploration(): Exploration {
    return {
      preset: this.preset,
      overrides: this.overrides,
      ...(this.uncertain.length > 0 ? { uncertain: this.uncertain } : {}),
      analysts: this.shown,
      quarter: this.quarter,
      focus: this.focus
    };
  }

  /** The preset in words, for a page's lead: "what happened" or whose assumptions. */
  get presetName(): string {
    if (this.preset === 'observed') return 'what happened';
    const scenario = catalog.scenarios.find((s) => s.id === this.preset);
    return `${scenario ? analystLabel(scenario, catalog) : this.preset}’s assumptions`;
  }

  /** '' or '?p=…': the query that reproduces this view. */
  get query(): string {
    return queryString(encode(this.exploration, catalog));
  }

  set(e: Exploration) {
    this.preset = e.preset;
    this.overrides = e.overrides;
    this.uncertain = e.uncertain ?? [];
    this.shown = e.analysts;
    this.quarter = e.quarter;
    this.focus = e.focus;
  }

  /** Reads the link once; later calls do nothing. */
  readLink(params: URLSearchParams) {
    if (this.ready) return;
    const decoded = decode(params, catalog);
    this.set(decoded.exploration);
    this.notices = decoded.notices;
    this.ready = true;
  }

  /** The drivers as the analysis worker takes them. */
  get scheduleSpec() {
    return {
      preset: this.preset,
      overrides: $state.snapshot(this.overrides),
      uncertain: $state.snapshot(this.uncertain)
    };
  }

  /** Whether anything of the user's changes the preset: overrides or uncertain drivers. */
  get isWhatIf(): boolean {
    return this.overrides.length > 0 || this.uncertain.length > 0;
  }

  /** The quarter a driver change takes effect from: the one picked, or the viewed quarter. */
  get changeFrom(): string {
    return this.overrideFrom || this.quarter;
  }

  setDriver(driver: string, level: string) {
    this.overrides = setOverride(this.overrides, driver, level, this.changeFrom);
  }

  resetDriver(driver: string) {
    this.overrides = clearOverrides(this.overrides, driver);
  }

  setShown(ids: string[]) {
    this.shown = ids;
    if (!ids.includes(this.focus)) this.focus = ids[0]!;
  }
}
