/**
 * Idempotency keys bound to their request, as the IETF's Idempotency-Key header draft and Stripe's API bind them: a
 * key names one request (method, path and a fingerprint of its body). The same request again gets the first answer
 * replayed; the same key on another request is refused; a key whose first request is still running is refused until
 * it has an answer. The API console and the Idempotency screen both follow this rule.
 */

/** The request a key was first used for, and the answer it got (only answers that recorded something are kept). */
export type KeyRecord = {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  /** SHA-256 of the method, the path and the body's canonical JSON. */
  readonly fingerprint: string;
  readonly answer: {
    readonly status: number;
    readonly statusText: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: unknown;
  };
};

/** Where the records live: memory in tests and sandboxes, localStorage in the app (so every tab sees them). */
export interface KeyRecords {
  get(key: string): KeyRecord | undefined;
  put(record: KeyRecord): void;
  delete(key: string): void;
}

/** Runs `work` only while no other request (this tab or another) holds the key; `busy` when one does. */
export interface KeyLocks {
  whileHeld<T>(key: string, work: () => Promise<T>): Promise<{ readonly held: true; readonly value: T } | { readonly held: false }>;
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are one body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, entry]) => `${JSON.stringify(name)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export async function requestFingerprint(method: string, path: string, body: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(`${method} ${path}\n${body === undefined ? '' : canonicalJson(body)}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** "POST /api/v1/orders": how a first request is named in a refusal. */
export const requestLine = (record: Pick<KeyRecord, 'method' | 'path'>): string => `${record.method} ${record.path}`;

/** The 422's message: the key, the request it already names, and what differs. */
export function keyReusedMessage(record: Pick<KeyRecord, 'key' | 'method' | 'path'>, method: string, path: string): string {
  const same = record.method === method && record.path === path;
  const first = requestLine(record);
  return same
    ? `Idempotency-Key ${record.key} was first used for ${first} with another body. A key names one request: send this one under a new key, or resend the first request unchanged to get its answer again.`
    : `Idempotency-Key ${record.key} was first used for ${first}, not ${method} ${path}. A key names one request: send this one under a new key.`;
}

export const keyInFlightMessage = (key: string): string =>
  `A request with Idempotency-Key ${key} is still being processed (in this tab or another). Wait for its answer; the same request sent again afterwards gets that answer replayed.`;

export function createMemoryKeyRecords(): KeyRecords {
  const records = new Map<string, KeyRecord>();
  return {
    get: (key) => records.get(key),
    put: (record) => void records.set(record.key, record),
    delete: (key) => void records.delete(key),
  };
}

/** One tab's keys: enough where there is one tab (node tests, the sandboxes). */
export function createMemoryKeyLocks(): KeyLocks {
  const held = new Set<string>();
  return {
    async whileHeld(key, work) {
      if (held.has(key)) return { held: false };
      held.add(key);
      try {
        return { held: true, value: await work() };
      } finally {
        held.delete(key);
      }
    },
  };
}

const storagePrefix = 'event-workbook:idempotency:';

/** Records in localStorage: shared by every tab of the app, and kept across reloads like the log itself. */
export function createLocalStorageKeyRecords(storage: Storage): KeyRecords {
  return {
    get(key) {
      const text = storage.getItem(storagePrefix + key);
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as KeyRecord;
      } catch {
        return undefined;
      }
    },
    put: (record) => storage.setItem(storagePrefix + record.key, JSON.stringify(record)),
    delete: (key) => storage.removeItem(storagePrefix + key),
  };
}

/**
 * The Web Locks API: a lock held by a request in another tab is seen here, and a closed tab releases its locks,
 * so a key is never stuck "in flight".
 */
export function createWebKeyLocks(locks: LockManager): KeyLocks {
  return {
    async whileHeld(key, work) {
      return locks.request(`${storagePrefix}${key}`, { ifAvailable: true }, async (lock) =>
        lock === null ? { held: false as const } : { held: true as const, value: await work() },
      );
    },
  };
}
