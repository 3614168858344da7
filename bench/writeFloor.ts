import type { Page } from 'playwright-core';

/**
 * The least any rebuild of these read models can cost in IndexedDB: a raw cursor read of the events plus a raw put,
 * in one transaction, of exactly the documents the read models hold, into a scratch database with the app's
 * `readModels` key and indexes. Measured in the page after a rebuild (the documents are the ones it wrote); events
 * per second over the whole log. The scratch database is deleted afterwards.
 *
 * Passed as a string: the page runs it as written (no bundler helpers), and it needs no module of the app.
 */
const inPage = `(async () => {
  const request = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
  const app = await request(indexedDB.open('event-workbook'));
  const started = performance.now();
  let events = 0;
  await new Promise((resolve, reject) => {
    const cursor = app.transaction('events', 'readonly').objectStore('events').openCursor();
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => { if (cursor.result) { events += 1; cursor.result.continue(); } else resolve(); };
  });
  const readMs = performance.now() - started;
  const docs = await request(app.transaction('readModels', 'readonly').objectStore('readModels').getAll());
  const indexes = [...app.transaction('readModels', 'readonly').objectStore('readModels').indexNames].map((name) => {
    const index = app.transaction('readModels', 'readonly').objectStore('readModels').index(name);
    return { name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
  });
  const keyPath = app.transaction('readModels', 'readonly').objectStore('readModels').keyPath;
  app.close();
  const name = 'event-workbook-write-floor';
  await request(indexedDB.deleteDatabase(name));
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('readModels', { keyPath });
    for (const index of indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
  };
  const scratch = await request(open);
  const writing = performance.now();
  await new Promise((resolve, reject) => {
    const tx = scratch.transaction('readModels', 'readwrite');
    const store = tx.objectStore('readModels');
    for (const doc of docs) store.put(doc);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const writeMs = performance.now() - writing;
  scratch.close();
  await request(indexedDB.deleteDatabase(name));
  return { events, documents: docs.length, readMs, writeMs };
})()`;

export type WriteFloor = { readonly events: number; readonly documents: number; readonly readMs: number; readonly writeMs: number };

export async function rawReadAndWriteFloor(page: Page): Promise<WriteFloor> {
  return page.evaluate(inPage) as Promise<WriteFloor>;
}
