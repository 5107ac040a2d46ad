import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import {
  DB_NAME,
  DB_VERSION,
  MIGRATIONS,
  STORAGE_REFUSED,
  isStoredValue,
  openUserStore,
  type Migration,
  type SavedScenario
} from './store';

const scenario = (id: string, name = id): SavedScenario => ({
  id,
  name,
  query: `?q=2024Q1&o=sanctions.lifted.2024Q1`,
  updated: '2026-01-01T00:00:00.000Z'
});

/** Writes values straight into a database, as an older (or other) version of the page would. */
function rawPut(factory: IDBFactory, store: string, values: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(store, 'readwrite');
      for (const v of values) tx.objectStore(store).put(v);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

describe('the IndexedDB store', () => {
  it('has one migration per version', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
  });

  it('keeps what is put, replaces by id, and deletes', async () => {
    const store = await openUserStore(new IDBFactory());
    expect(store.persistent).toBe(true);
    expect(await store.put('scenarios', scenario('a', 'First'))).toEqual({ saved: true });
    await store.put('scenarios', scenario('b'));
    await store.put('scenarios', scenario('a', 'Renamed'));
    expect((await store.all('scenarios')).map((s) => s.name).sort()).toEqual(['Renamed', 'b']);
    expect(await store.delete('scenarios', 'b')).toEqual({ saved: true });
    expect(await store.all('scenarios')).toEqual([scenario('a', 'Renamed')]);
    expect(await store.all('forecasts')).toEqual([]);
  });

  it('what one page saved, the next page load reads', async () => {
    const factory = new IDBFactory();
    await (await openUserStore(factory)).put('scenarios', scenario('kept'));
    const again = await openUserStore(factory);
    expect(await again.all('scenarios')).toEqual([scenario('kept')]);
  });

  it('upgrades a database of an older version and keeps its data', async () => {
    const factory = new IDBFactory();
    const v1 = await openUserStore(factory, MIGRATIONS);
    await v1.put('scenarios', scenario('old', 'From version 1'));
    await v1.put('forecasts', {
      id: 'mine',
      yaml: 'id: mine',
      origin: 'authored',
      updated: '2026-01-01T00:00:00.000Z'
    });
    // A later version that renames every scenario's field in place: the kind of step a change of
    // shape needs. The open page holds version 1 open; the upgrade must not wait for it.
    const step: Migration = (_db, tx) => {
      const req = tx.objectStore('scenarios').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return;
        cursor.update({ ...cursor.value, name: `${cursor.value.name} (carried forward)` });
        cursor.continue();
      };
    };
    const v2 = await openUserStore(factory, [...MIGRATIONS, step]);
    expect(v2.persistent).toBe(true);
    expect((await v2.all('scenarios')).map((s) => s.name)).toEqual([
      'From version 1 (carried forward)'
    ]);
    expect((await v2.all('forecasts')).map((f) => f.id)).toEqual(['mine']);
  });

  describe('when storage fails', () => {
    const originalPut = IDBObjectStore.prototype.put;
    afterEach(() => {
      IDBObjectStore.prototype.put = originalPut;
    });

    it('a full disk: the write says so, and the value stays for this tab', async () => {
      const store = await openUserStore(new IDBFactory());
      await store.put('scenarios', scenario('saved'));
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      const result = await store.put('scenarios', scenario('unsaved'));
      expect(result.saved).toBe(false);
      expect(result.problem).toMatch(/storage is full, so the scenario was not saved/);
      expect((await store.all('scenarios')).map((s) => s.id).sort()).toEqual(['saved', 'unsaved']);
      // Another save that works says the failed one is still only in the tab's memory.
      IDBObjectStore.prototype.put = originalPut;
      expect(await store.put('scenarios', scenario('other'))).toEqual({
        saved: true,
        stillUnsaved: 1
      });
      // Once there is room, saving it again takes it out of the tab's memory into storage.
      expect(await store.put('scenarios', scenario('unsaved'))).toEqual({ saved: true });
      expect((await store.all('scenarios')).map((s) => s.id).sort()).toEqual([
        'other',
        'saved',
        'unsaved'
      ]);
    });

    it('another refusal is named with the browser’s words', async () => {
      const store = await openUserStore(new IDBFactory());
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The transaction is read-only.', 'ReadOnlyError');
      };
      const result = await store.put('scenarios', scenario('x'));
      expect(result).toEqual({
        saved: false,
        problem: expect.stringMatching(/refused to save the scenario \(ReadOnlyError: /)
      });
    });

    it('no IndexedDB: a memory store that keeps things for the tab and says so', async () => {
      const store = await openUserStore(null);
      expect(store.persistent).toBe(false);
      expect(store.problem).toBe(STORAGE_REFUSED);
      const result = await store.put('scenarios', scenario('a'));
      expect(result).toEqual({ saved: false, problem: STORAGE_REFUSED });
      expect(await store.all('scenarios')).toEqual([scenario('a')]);
      await store.delete('scenarios', 'a');
      expect(await store.all('scenarios')).toEqual([]);
    });

    it('an IndexedDB that throws on open: the memory store, with the reason', async () => {
      const throwing = {
        open() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        }
      } as unknown as IDBFactory;
      const store = await openUserStore(throwing);
      expect(store.persistent).toBe(false);
      expect(store.problem).toContain(STORAGE_REFUSED);
      expect(store.problem).toContain('SecurityError: The operation is insecure.');
      expect((await store.put('scenarios', scenario('a'))).saved).toBe(false);
      expect(await store.all('scenarios')).toEqual([scenario('a')]);
    });

    it('a database of our name and version without our stores: the memory store, saying why', async () => {
      const factory = new IDBFactory();
      await new Promise<void>((resolve, reject) => {
        const req = factory.open(DB_NAME, DB_VERSION);
        req.onupgradeneeded = () => req.result.createObjectStore('record', { keyPath: 'id' });
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
      });
      const store = await openUserStore(factory);
      expect(store.persistent).toBe(false);
      expect(store.problem).toContain(STORAGE_REFUSED);
      expect(store.problem).toContain('lacks its forecasts, scenarios stores');
      expect((await store.put('scenarios', scenario('a'))).saved).toBe(false);
      expect(await store.all('scenarios')).toEqual([scenario('a')]);
    });

    it('an open that fails with an error event: the memory store', async () => {
      const failing = {
        open() {
          const req = {} as IDBOpenDBRequest & { error: DOMException };
          Object.defineProperty(req, 'error', {
            value: new DOMException('No space', 'UnknownError')
          });
          queueMicrotask(() => req.onerror?.(new Event('error')));
          return req;
        }
      } as unknown as IDBFactory;
      const store = await openUserStore(failing);
      expect(store.persistent).toBe(false);
      expect(store.problem).toContain('UnknownError: No space');
    });
  });

  it('reads back a value of the wrong shape as it is, for the reader to check', async () => {
    const factory = new IDBFactory();
    await openUserStore(factory);
    await rawPut(factory, 'scenarios', [{ id: 'broken', name: 42 }, scenario('fine')]);
    const all = await (await openUserStore(factory)).all('scenarios');
    expect(all.filter((v) => isStoredValue('scenarios', v)).map((s) => s.id)).toEqual(['fine']);
  });
});

describe('isStoredValue', () => {
  it('accepts what this version writes', () => {
    expect(isStoredValue('scenarios', scenario('a'))).toBe(true);
    expect(
      isStoredValue('forecasts', { id: 'f', yaml: 'x', origin: 'imported', updated: 'now' })
    ).toBe(true);
    expect(
      isStoredValue('record', { id: 'record', quarters: [{}], events: [], updated: 'now' })
    ).toBe(true);
  });

  it('refuses values of another shape', () => {
    for (const [store, value] of [
      ['scenarios', null],
      ['scenarios', 'a string'],
      ['scenarios', { id: 'a', name: 'x', updated: 'now' }],
      ['scenarios', { id: '', name: 'x', query: '', updated: 'now' }],
      ['scenarios', { id: 'a', name: 7, query: '', updated: 'now' }],
      ['forecasts', { id: 'f', yaml: 'x', origin: 'somewhere', updated: 'now' }],
      ['forecasts', { id: 'f', yaml: { id: 'f' }, origin: 'authored', updated: 'now' }],
      ['record', { id: 'record', quarters: 'none', events: [] }],
      ['record', { id: 'record', quarters: [3], events: [] }],
      ['record', { id: 'other', quarters: [], events: [] }]
    ] as const)
      expect(isStoredValue(store, value), JSON.stringify(value)).toBe(false);
  });
});
