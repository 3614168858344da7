import type { DBCore, Middleware } from 'dexie';

/**
 * How many writes this page has started and not finished: every read-write IndexedDB transaction of the app's
 * databases (the event store, projections, CRUD twin, a student's answers) and every save that waits to start (the
 * Exercise 06 autosave between a keystroke and its write). Zero is a safe point: reloading the page now loses nothing
 * a person did. A new version of the app is switched to only at a safe point (src/pwa/serviceWorkerUpdates.ts).
 */

type Listener = (count: number) => void;

let count = 0;
const listeners = new Set<Listener>();

const changeBy = (delta: number): void => {
  count += delta;
  for (const listener of [...listeners]) listener(count);
};

export const writesInFlight = (): number => count;

/** Calls `listener` with the new count on every change; returns the unsubscribe. */
export function onWritesInFlightChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Counts one write as in flight until the returned function is called (calling it again does nothing). */
export function beginWrite(): () => void {
  changeBy(1);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    changeBy(-1);
  };
}

/** Resolves at the next moment no write is in flight (at once if none is). */
export function whenNoWritesInFlight(): Promise<void> {
  if (count === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = onWritesInFlightChange((now) => {
      if (now > 0) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * Dexie middleware: each read-write transaction counts from its start until it commits or aborts, the two ways an
 * IndexedDB transaction ends. Read-only transactions change nothing and never hold an update back.
 */
export const countReadWriteTransactions: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'writesInFlight',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const transaction = down.transaction(stores, mode, options);
      if (mode === 'readwrite' && transaction instanceof EventTarget) {
        const end = beginWrite();
        transaction.addEventListener('complete', end);
        transaction.addEventListener('abort', end);
      }
      return transaction;
    },
  }),
};
