/**
 * The user's own things, kept in the browser's IndexedDB: forecasts they wrote or imported, the
 * quarters and events they added to the record, and named scenarios. Nothing here throws: where
 * the browser refuses storage, the store keeps everything in memory for this tab and says so;
 * where one write fails (storage full), the change is kept in memory and the result says why.
 *
 * Versioned: DB_VERSION counts the shapes the database has had, and MIGRATIONS[v] takes a
 * database from version v to v + 1, so a visitor's older data is carried forward, never dropped.
 */
import type { HistoryEvent, HistoryQuarter } from '$lib/engine';

export const DB_NAME = 'crosswinds';
/** The database's version: one per step in MIGRATIONS. */
export const DB_VERSION = 1;

export interface UserForecast {
  /** The forecast's id (also inside its YAML). */
  id: string;
  /** The forecast file as the user wrote or imported it. */
  yaml: string;
  origin: 'authored' | 'imported';
  /** ISO time of the last save. */
  updated: string;
}

/** What the user added to the record: the format of scenarios/history/observed.json's lists. */
export interface UserRecord {
  id: 'record';
  quarters: HistoryQuarter[];
  events: HistoryEvent[];
  updated: string;
}

/** An explore view kept under a name: its link's query (`?p=…&o=…&u=…&a=…&q=…`). */
export interface SavedScenario {
  id: string;
  name: string;
  query: string;
  updated: string;
  /** ISO time of the first save; the list keeps this order through renames. Absent before 2026-12. */
  created?: string;
}

export interface StoreContents {
  forecasts: UserForecast;
  record: UserRecord;
  scenarios: SavedScenario;
}
export type StoreName = keyof StoreContents;
const STORES: StoreName[] = ['forecasts', 'record', 'scenarios'];

export interface SaveResult {
  saved: boolean;
  /** Why not, in words a user can act on. */
  problem?: string;
  /** After a save that worked: earlier changes whose save failed, still kept only for the tab. */
  stillUnsaved?: number;
}

export interface UserStore {
  /** False when the browser refuses storage: everything lasts only until the tab closes. */
  readonly persistent: boolean;
  /** Why storage is not persistent, when it is not. */
  readonly problem?: string;
  all<S extends StoreName>(store: S): Promise<StoreContents[S][]>;
  put<S extends StoreName>(store: S, value: StoreContents[S]): Promise<SaveResult>;
  delete(store: StoreName, id: string): Promise<SaveResult>;
}

export type Migration = (db: IDBDatabase, tx: IDBTransaction) => void;

/** Each step takes the database from version `index` to `index + 1`. */
export const MIGRATIONS: Migration[] = [
  // 0 → 1: the three stores, keyed by `id`.
  (db) => {
    for (const name of STORES) db.createObjectStore(name, { keyPath: 'id' });
  }
];

export const STORAGE_REFUSED =
  'Your browser is not letting Crosswinds keep your forecasts, record entries and scenarios; they last only until you close this tab. Export them as files to keep them.';

function describe(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'name' in e) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    return [name, message].filter((x) => typeof x === 'string' && x).join(': ');
  }
  return String(e);
}

function isQuotaError(e: unknown): boolean {
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function failedWrite(e: unknown, what: string): SaveResult {
  return {
    saved: false,
    problem: isQuotaError(e)
      ? `The browser's storage is full, so ${what} was not saved; it stays until you close this tab. Export it as a file to keep it.`
      : `The browser refused to save ${what} (${describe(e)}); it stays until you close this tab. Export it as a file to keep it.`
  };
}

const WHAT: Record<StoreName, string> = {
  forecasts: 'the forecast',
  record: 'your record entries',
  scenarios: 'the scenario'
};

/** A store in memory: the fallback, and what a failed write leaves its value in. */
class MemoryStore implements UserStore {
  readonly persistent = false;
  readonly #items: { [S in StoreName]: Map<string, StoreContents[S]> } = {
    forecasts: new Map(),
    record: new Map(),
    scenarios: new Map()
  };
  constructor(readonly problem?: string) {}
  async all<S extends StoreName>(store: S) {
    return [...this.#items[store].values()] as StoreContents[S][];
  }
  async put<S extends StoreName>(store: S, value: StoreContents[S]) {
    (this.#items[store] as Map<string, StoreContents[S]>).set(value.id, structuredClone(value));
    return { saved: false, problem: this.problem ?? STORAGE_REFUSED };
  }
  async delete(store: StoreName, id: string) {
    this.#items[store].delete(id);
    return { saved: false, problem: this.problem ?? STORAGE_REFUSED };
  }
}

function request<T>(make: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      const req = make();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    } catch (e) {
      reject(e);
    }
  });
}

/** A write's transaction: resolved when it commits, rejected when it aborts (a full disk). */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('the write was aborted'));
    tx.onerror = () => reject(tx.error);
  });
}

class IndexedStore implements UserStore {
  readonly persistent = true;
  readonly problem = undefined;
  /** Values whose write failed: read back from here so the page keeps them this session. */
  readonly #unsaved = new MemoryStore();
  readonly #unsavedIds = new Set<string>();
  constructor(readonly db: IDBDatabase) {}

  async all<S extends StoreName>(store: S) {
    let stored: StoreContents[S][] = [];
    try {
      stored = await request(
        () => this.db.transaction(store, 'readonly').objectStore(store).getAll() as IDBRequest
      );
    } catch {
      // Unreadable now: fall back to what this tab holds.
    }
    const kept = await this.#unsaved.all(store);
    const ids = new Set(kept.map((k) => k.id));
    return [...stored.filter((s) => !ids.has(s.id)), ...kept];
  }

  async put<S extends StoreName>(store: S, value: StoreContents[S]) {
    try {
      const tx = this.db.transaction(store, 'readwrite');
      const done = committed(tx);
      tx.objectStore(store).put(value);
      await done;
      if (this.#unsavedIds.delete(`${store}/${value.id}`))
        await this.#unsaved.delete(store, value.id);
      return this.#savedResult();
    } catch (e) {
      await this.#unsaved.put(store, value);
      this.#unsavedIds.add(`${store}/${value.id}`);
      return failedWrite(e, WHAT[store]);
    }
  }

  /** A save that worked, saying how many earlier changes are still kept only for the tab. */
  #savedResult(): SaveResult {
    return this.#unsavedIds.size
      ? { saved: true, stillUnsaved: this.#unsavedIds.size }
      : { saved: true };
  }

  async delete(store: StoreName, id: string) {
    await this.#unsaved.delete(store, id);
    this.#unsavedIds.delete(`${store}/${id}`);
    try {
      const tx = this.db.transaction(store, 'readwrite');
      const done = committed(tx);
      tx.objectStore(store).delete(id);
      await done;
      return this.#savedResult();
    } catch (e) {
      return failedWrite(e, `the removal of ${WHAT[store]}`);
    }
  }
}

/** How long opening may take before the page goes on without it (a browser that never answers). */
export const OPEN_TIMEOUT_MS = 10_000;

/**
 * Opens the database, migrating it to DB_VERSION. Never rejects: where IndexedDB is missing,
 * blocked, broken or throws on being touched (a browser that blocks site data), a memory store
 * that says why. `factory` null stands for a browser without IndexedDB; left out, the browser's.
 */
export async function openUserStore(
  factory?: IDBFactory | null,
  /** The steps to run; their count is the version opened (tests pass their own). */
  migrations: readonly Migration[] = MIGRATIONS
): Promise<UserStore> {
  try {
    // Reading `indexedDB` itself throws where the browser blocks site data.
    const idb = factory === undefined ? globalThis.indexedDB : factory;
    if (!idb) return new MemoryStore(STORAGE_REFUSED);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(DB_NAME, migrations.length);
      const timer = setTimeout(
        () => reject(new Error('the browser did not open its storage in time')),
        OPEN_TIMEOUT_MS
      );
      const done = () => clearTimeout(timer);
      req.onupgradeneeded = (event) => {
        const tx = req.transaction!;
        for (let v = event.oldVersion; v < migrations.length; v++) migrations[v]!(req.result, tx);
      };
      req.onsuccess = () => {
        done();
        // Another tab upgrading the database must not be held up by this one.
        req.result.onversionchange = () => req.result.close();
        resolve(req.result);
      };
      req.onerror = () => {
        done();
        reject(req.error);
      };
      req.onblocked = () => {
        done();
        reject(new Error('another tab holds an older version open'));
      };
    });
    // A database of this name and version that lacks our stores was made by something else
    // (another program, or a page opening it without its migrations): say so, keep the tab's.
    const missing = STORES.filter((name) => !db.objectStoreNames.contains(name));
    if (missing.length) {
      db.close();
      return new MemoryStore(
        `${STORAGE_REFUSED} (this browser's Crosswinds database lacks its ${missing.join(', ')} store${missing.length === 1 ? '' : 's'}; clearing the site's data in the browser's settings resets it)`
      );
    }
    return new IndexedStore(db);
  } catch (e) {
    return new MemoryStore(`${STORAGE_REFUSED} (${describe(e)})`);
  }
}

const isText = (x: unknown): x is string => typeof x === 'string';
const isRecordObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const SHAPES: { [S in StoreName]: (v: Record<string, unknown>) => boolean } = {
  forecasts: (v) =>
    isText(v.yaml) && (v.origin === 'authored' || v.origin === 'imported') && isText(v.updated),
  record: (v) =>
    v.id === 'record' &&
    Array.isArray(v.quarters) &&
    v.quarters.every(isRecordObject) &&
    Array.isArray(v.events) &&
    v.events.every(isRecordObject),
  scenarios: (v) =>
    isText(v.name) &&
    isText(v.query) &&
    isText(v.updated) &&
    (v.created === undefined || isText(v.created))
};

/**
 * Whether a value read from `store` has the shape this version writes. Storage outlives code (an
 * older or newer Crosswinds, a browser extension, a hand edit), so what is read is checked before
 * it is used; deeper checks (a forecast's YAML) happen where the value is used.
 */
export function isStoredValue<S extends StoreName>(
  store: S,
  value: unknown
): value is StoreContents[S] {
  return isRecordObject(value) && isText(value.id) && value.id !== '' && SHAPES[store](value);
}
