/**
 * The exercise runner's worker lives in a sandbox with an opaque origin: the browser already keeps the workbook's
 * IndexedDB, localStorage and caches out of its reach, and the sandbox's Content-Security-Policy allows it no
 * connection. That is the wall. This is the sign on it: a student's file that reaches for storage or the network
 * (by mistake, or copied from a tutorial) is told in words what happened, instead of a SecurityError or a
 * "localStorage is not defined".
 */

/** Thrown by everything closed here; its message is the student's to read. */
export class SandboxRefusal extends Error {
  constructor(what: string) {
    super(
      `Exercise code runs in a sandbox with no storage and no network: ${what} is not available to it (the workbook's ` +
        'own data stays out of its reach). Work only with the values your function receives, and return the result.',
    );
    this.name = 'SandboxRefusal';
  }
}

const closed: Readonly<Record<string, string>> = {
  indexedDB: 'indexedDB (the browser’s databases)',
  localStorage: 'localStorage',
  sessionStorage: 'sessionStorage',
  caches: 'caches (the offline copy)',
  fetch: 'fetch',
  XMLHttpRequest: 'XMLHttpRequest',
  WebSocket: 'WebSocket',
  EventSource: 'EventSource',
  BroadcastChannel: 'BroadcastChannel',
  importScripts: 'importScripts',
  Worker: 'Worker',
  SharedWorker: 'SharedWorker',
  navigator: 'navigator (its storage and service workers)',
};

export function closeStorageAndNetwork(): void {
  for (const [name, what] of Object.entries(closed)) {
    // A getter that throws: `typeof fetch` and `fetch(...)` both say why, and nothing can put the original back.
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    if (descriptor !== undefined && !descriptor.configurable) continue; // cannot be redefined here; the opaque origin still refuses it
    Object.defineProperty(globalThis, name, {
      get() {
        throw new SandboxRefusal(what);
      },
      configurable: false,
    });
  }
}
