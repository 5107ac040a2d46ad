/**
 * The user's own forecasts, record entries and named scenarios as live state shared by every page:
 * read from the browser's storage once (the layout starts it), saved on every change, and folded
 * into the catalog every page shows. A save that fails keeps the change for this tab and says
 * what was not saved (`notice`); nothing is dropped without a word.
 */
import type { SkippedFile } from '$lib/engine';
import {
  STORAGE_REFUSED,
  isStoredValue,
  openUserStore,
  type SaveResult,
  type SavedScenario,
  type StoreContents,
  type StoreName,
  type UserForecast,
  type UserRecord,
  type UserStore
} from './store';

/** What an unreadable value was, in the notice that names it. */
const UNREADABLE: Record<StoreName, string> = {
  forecasts: 'forecasts',
  record: 'record entries',
  scenarios: 'saved scenarios'
};

class UserData {
  forecasts = $state.raw<UserForecast[]>([]);
  record = $state.raw<UserRecord | undefined>(undefined);
  scenarios = $state.raw<SavedScenario[]>([]);
  /** What storage could not keep, in words; cleared by the next successful save. */
  notice = $state<string | null>(null);
  /** The user's forecasts (or record) that do not validate, each with its messages. */
  skipped = $state.raw<SkippedFile[]>([]);
  loaded = $state(false);
  #store: UserStore | undefined;
  #loading: Promise<void> | undefined;
  /** Whether the user's things have been put into the catalog (so removing them all resets it). */
  #shown = false;
  #generation = 0;

  /** Reads everything once per page load; later calls return the same promise. Never rejects. */
  load(): Promise<void> {
    if (typeof window === 'undefined') return Promise.resolve();
    this.#loading ??= this.#read()
      .catch((e) => {
        this.notice = `Crosswinds could not read what this browser kept (${String(e)}).`;
      })
      .finally(() => (this.loaded = true));
    return this.#loading;
  }

  async #read() {
    const store = await openUserStore();
    this.#store = store;
    const problems: string[] = store.persistent ? [] : [store.problem ?? STORAGE_REFUSED];
    try {
      const [forecasts, records, scenarios] = await Promise.all([
        this.#readable(store, 'forecasts', problems),
        this.#readable(store, 'record', problems),
        this.#readable(store, 'scenarios', problems)
      ]);
      this.forecasts = forecasts.sort((a, b) => a.updated.localeCompare(b.updated));
      this.record = records[0];
      this.scenarios = scenarios.sort(byFirstSave);
    } catch (e) {
      problems.push(`Crosswinds could not read what this browser kept (${String(e)}).`);
    }
    this.notice = problems.length ? problems.join(' ') : null;
    await this.#refresh();
  }

  /** A store's values of the right shape; the others are left where they are, and named. */
  async #readable<S extends StoreName>(
    store: UserStore,
    name: S,
    problems: string[]
  ): Promise<StoreContents[S][]> {
    const all: unknown[] = await store.all(name);
    const good = all.filter((v): v is StoreContents[S] => isStoredValue(name, v));
    const bad = all.length - good.length;
    if (bad > 0) {
      const ids = all
        .filter((v) => !isStoredValue(name, v))
        .map((v) => (typeof v === 'object' && v && 'id' in v ? String(v.id) : '?'));
      problems.push(
        `${bad === 1 ? `One of your ${UNREADABLE[name]} kept in this browser is` : `${bad} of your ${UNREADABLE[name]} kept in this browser are`} unreadable and ${bad === 1 ? 'was' : 'were'} left out (${ids.map((i) => `“${i.slice(0, 40)}”`).join(', ')}).`
      );
    }
    return good;
  }

  /**
   * Rebuilds the catalog every page shows from the built-in one and the user's things. Whatever
   * goes wrong with the user's things, the built-in catalog is shown and the notice says so.
   */
  async #refresh() {
    // Nothing of the user's: the pages keep the built-in catalog, and a page that shows no
    // catalog (the home page) never loads it.
    if (this.forecasts.length === 0 && !this.record && !this.#shown) return;
    // Changes in quick succession: only the latest one's catalog is shown.
    const generation = ++this.#generation;
    const { builtInCatalog, showCatalog, showCatalogData } = await import('$lib/catalog');
    if (generation !== this.#generation) return;
    this.#shown = true;
    if (this.forecasts.length === 0 && !this.record) {
      showCatalog(builtInCatalog);
      this.skipped = [];
      return;
    }
    const { check } = await import('./checksClient');
    let built;
    try {
      built = await check({
        kind: 'catalog',
        forecasts: this.forecasts,
        ...(this.record ? { record: this.record } : {})
      });
    } catch (e) {
      if (generation !== this.#generation) return;
      // The built-in catalog stays; what could not be read is named, and nothing is deleted.
      this.skipped = [
        {
          file: 'your forecasts and record',
          messages: [`could not be checked: ${e instanceof Error ? e.message : String(e)}`]
        }
      ];
      return;
    }
    if (generation !== this.#generation) return;
    showCatalogData(built.data);
    this.skipped = built.skipped;
  }

  async #write(change: (store: UserStore) => Promise<SaveResult>): Promise<SaveResult> {
    await this.load();
    // Only a load that failed outright leaves no store: keep changes for the tab then.
    this.#store ??= await openUserStore(null);
    const result = await change(this.#store);
    if (!result.saved) this.notice = result.problem!;
    else if (result.stillUnsaved)
      // This save worked, but an earlier one did not: say so until that one is saved too.
      this.notice = `${result.stillUnsaved === 1 ? 'One earlier change' : `${result.stillUnsaved} earlier changes`} could not be saved in this browser and ${result.stillUnsaved === 1 ? 'is' : 'are'} kept only until you close this tab. Export to a file to keep ${result.stillUnsaved === 1 ? 'it' : 'them'}.`;
    else if (this.#store.persistent) this.notice = null;
    return result;
  }

  #upsert<T extends { id: string }>(list: T[], value: T): T[] {
    return list.some((x) => x.id === value.id)
      ? list.map((x) => (x.id === value.id ? value : x))
      : [...list, value];
  }

  async saveForecast(forecast: Omit<UserForecast, 'updated'>): Promise<SaveResult> {
    const value = { ...forecast, updated: new Date().toISOString() };
    const result = await this.#write(() => this.#store!.put('forecasts', value));
    this.forecasts = this.#upsert(this.forecasts, value);
    await this.#refresh();
    return result;
  }

  /** Removes a forecast; the removed one is returned so that "Undo" can put it back. */
  async deleteForecast(id: string): Promise<UserForecast | undefined> {
    const removed = this.forecasts.find((f) => f.id === id);
    await this.#write(() => this.#store!.delete('forecasts', id));
    this.forecasts = this.forecasts.filter((f) => f.id !== id);
    await this.#refresh();
    return removed;
  }

  async restoreForecast(forecast: UserForecast): Promise<SaveResult> {
    const result = await this.#write(() => this.#store!.put('forecasts', forecast));
    this.forecasts = this.#upsert(this.forecasts, forecast);
    await this.#refresh();
    return result;
  }

  async saveRecord(record: Omit<UserRecord, 'id' | 'updated'> | undefined): Promise<SaveResult> {
    if (!record || (record.quarters.length === 0 && record.events.length === 0)) {
      const result = await this.#write(() => this.#store!.delete('record', 'record'));
      this.record = undefined;
      await this.#refresh();
      return result;
    }
    const value: UserRecord = { ...record, id: 'record', updated: new Date().toISOString() };
    const result = await this.#write(() => this.#store!.put('record', value));
    this.record = value;
    await this.#refresh();
    return result;
  }

  async saveScenario(scenario: Omit<SavedScenario, 'updated'>): Promise<SaveResult> {
    const now = new Date().toISOString();
    const before = this.scenarios.find((s) => s.id === scenario.id);
    // A rename or a new view under a kept name stays where it was in the list.
    const created = scenario.created ?? before?.created ?? before?.updated ?? now;
    const value: SavedScenario = { ...scenario, updated: now, created };
    const result = await this.#write(() => this.#store!.put('scenarios', value));
    this.scenarios = this.#upsert(this.scenarios, value);
    return result;
  }

  async deleteScenario(id: string): Promise<SavedScenario | undefined> {
    const removed = this.scenarios.find((s) => s.id === id);
    await this.#write(() => this.#store!.delete('scenarios', id));
    this.scenarios = this.scenarios.filter((s) => s.id !== id);
    return removed;
  }

  /** Puts a deleted scenario back as it was, in its place in the list (its time is kept). */
  async restoreScenario(scenario: SavedScenario): Promise<SaveResult> {
    const result = await this.#write(() => this.#store!.put('scenarios', scenario));
    this.scenarios = [...this.scenarios.filter((s) => s.id !== scenario.id), scenario].sort(
      byFirstSave
    );
    return result;
  }
}

/** The order of the saved-scenarios list: by first save, whatever was renamed since. */
function byFirstSave(a: SavedScenario, b: SavedScenario): number {
  return (a.created ?? a.updated).localeCompare(b.created ?? b.updated);
}

export type { StoreContents };
export const userData = new UserData();
