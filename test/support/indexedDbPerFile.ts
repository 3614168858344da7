/**
 * Setup file of the `unit` project, whose files share their modules within a worker (vitest.config.ts). It runs
 * before each test file, ahead of the file's own imports.
 *
 * Dexie reads the global `indexedDB` once, when its module is first evaluated (`Dexie.dependencies`). With shared
 * modules that is once per worker, so the first file to load Dexie decided for every file after it: a file that
 * reaches Dexie through the app's modules without importing fake-indexeddb (49 of them do: the simulator, the
 * sagas, the API console) left Dexie with no IndexedDB for the rest of the worker, and every later open failed with
 * "IndexedDB API missing" (our StorageError "no usable IndexedDB").
 *
 * So fake-indexeddb is installed here, before Dexie is ever loaded; and each file gets an empty IndexedDB of its
 * own, as it had when every file ran in a worker of its own: no file sees the databases, or the connections left
 * open, of a file that ran before it.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterAll, vi } from 'vitest';

const indexedDbOfThisFile = new IDBFactory();
globalThis.indexedDB = indexedDbOfThisFile;
Dexie.dependencies.indexedDB = indexedDbOfThisFile;

// A file that fails halfway may not reach its own restores (a spy on console.error restored after the assertion,
// fake timers turned off in a `finally` that a timeout skips): they are undone here, so the next file in the worker
// starts on real timers and unspied globals and reports only its own failures.
afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});
