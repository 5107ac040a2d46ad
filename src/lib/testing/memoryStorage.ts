/** How a MemoryStorage fails: not at all, full (three ways browsers say so), or broken. */
export type StorageMode =
  'ok' | 'quota' | 'quota-name-only' | 'firefox-quota' | 'setItem-fails' | 'getItem-throws';

/** localStorage in memory; `mode` makes it fail the ways browsers do. */
export class MemoryStorage implements Storage {
  [name: string]: unknown;
  readonly items = new Map<string, string>();
  constructor(public mode: StorageMode = 'ok') {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    if (this.mode === 'getItem-throws')
      throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.mode === 'quota')
      throw new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError');
    // Newer browsers throw a QuotaExceededError class of its own; only the name is certain.
    if (this.mode === 'quota-name-only')
      throw Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' });
    if (this.mode === 'firefox-quota')
      throw Object.assign(new Error('Persistent storage maximum size reached'), {
        name: 'NS_ERROR_DOM_QUOTA_REACHED',
        code: 1014
      });
    if (this.mode === 'setItem-fails') throw new TypeError('storage went away');
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}
