/**
 * What one read-model row costs to put in Chromium's IndexedDB, by the kind of row and the indexes of the table (a
 * development tool, not part of `npm run bench`): `tsx bench/probeRowCost.ts <orders>` seeds the app from its Data
 * screen, lets the read models catch up, then puts copies of the rows the read models hold into scratch databases
 * with the app's `readModels` key and a choice of its indexes, one transaction per kind, and prints µs per row; and
 * the orders read model as it is against the same orders in pages of 50 a row (multi-entry indexes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/e2e/chromium';
import { openSimulator, waitCaughtUp } from './screenBench';
import { seedFromDataScreen } from './dataScreenSeed';

const root = resolve(import.meta.dirname, '..');
const orders = Number(process.argv[2] ?? 4_000);

const inPage = `(async () => {
  const request = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
  // Puts the rows, one transaction, into a scratch database with the app's key and these indexes; answers the ms.
  const timedPut = async (name, indexes, docs) => {
    await request(indexedDB.deleteDatabase(name));
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('readModels', { keyPath: ['projection', 'id'] });
      indexes.forEach((index, at) => store.createIndex('i' + at, index.keyPath, { multiEntry: index.multiEntry }));
    };
    const scratch = await request(open);
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const tx = scratch.transaction('readModels', 'readwrite');
      const store = tx.objectStore('readModels');
      for (const doc of docs) store.put(doc);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - started;
    scratch.close();
    await request(indexedDB.deleteDatabase(name));
    return ms;
  };
  const row = (fields, docs, ms) => ({ ...fields, rows: docs.length, bytes: JSON.stringify(docs[0]).length, usPerRow: Math.round((1000 * ms) / docs.length), ms: Math.round(ms) });
  const app = await request(indexedDB.open('event-workbook'));
  const rows = await request(app.transaction('readModels', 'readonly').objectStore('readModels').getAll());
  app.close();
  const kinds = {
    'orders': rows.filter((row) => row.projection === 'orders'),
    'buckets': rows.filter((row) => row.id.startsWith('orders:')),
    'customers': rows.filter((row) => row.id.startsWith('customer:')),
  };
  const layouts = {
    'app indexes': ['projection', ['projection', 'doc.placedAt'], ['projection', 'doc.status', 'doc.placedAt'], ['projection', 'doc.totalSpentCents']],
    'without projection': [['projection', 'doc.placedAt'], ['projection', 'doc.status', 'doc.placedAt'], ['projection', 'doc.totalSpentCents']],
    'key only': [],
  };
  const out = [];
  // The orders read model as it is (a row per order) against pages of 50 orders a row whose two orderings are
  // multi-entry indexes (one entry per order in the page): what a paged layout would cost to write whole.
  const orderRows = kinds['orders'];
  const pages = [];
  for (let start = 0; start < orderRows.length; start += 50) {
    const slice = orderRows.slice(start, start + 50);
    pages.push({
      projection: 'orders',
      id: 'page:' + String(start / 50).padStart(6, '0'),
      doc: {
        orders: slice.map((row) => row.doc),
        placed: slice.map((row) => ['orders', row.doc.placedAt, row.id]),
        statusPlaced: slice.map((row) => ['orders', row.doc.status, row.doc.placedAt, row.id]),
      },
    });
  }
  const appIndexes = [['projection', 'doc.placedAt'], ['projection', 'doc.status', 'doc.placedAt'], ['projection', 'doc.totalSpentCents']];
  for (let round = 0; round < 3; round += 1) {
    for (const [layout, docs, indexes] of [
      ['a row per order, app indexes', orderRows, appIndexes.map((keyPath) => ({ keyPath, multiEntry: false }))],
      ['pages of 50, multi-entry indexes', pages, [{ keyPath: 'doc.placed', multiEntry: true }, { keyPath: 'doc.statusPlaced', multiEntry: true }]],
      ['pages of 50, key only', pages, []],
    ]) {
      const ms = await timedPut('event-workbook-page-probe', indexes, docs);
      out.push(row({ round, layout, kind: 'orders' }, docs, ms));
    }
  }
  for (let round = 0; round < 2; round += 1) {
    for (const [layout, indexes] of Object.entries(layouts)) {
      for (const [kind, docs] of Object.entries(kinds)) {
        if (docs.length === 0) continue;
        const ms = await timedPut('event-workbook-row-probe', indexes.map((keyPath) => ({ keyPath, multiEntry: false })), docs);
        out.push(row({ round, layout, kind }, docs, ms));
      }
    }
  }
  return out;
})()`;

const outDir = mkdtempSync(join(tmpdir(), 'workbook-probe-'));
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false, rollupOptions: { input: { app: resolve(root, 'index.html') } } } });
const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await (await browser.newContext()).newPage();
  const { stored } = await seedFromDataScreen(page, base, orders, console.log);
  await openSimulator(page, base, stored);
  await waitCaughtUp(page);
  await page.goto('about:blank');
  await page.goto(`${base}index.html#/lessons`);
  console.table(await page.evaluate(inPage));
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
