/**
 * Orders stored a row each (as the read model is) against orders packed into pages with multi-entry indexes for the
 * two orderings the screens walk, in Chromium's IndexedDB (a development tool, not part of `npm run bench`):
 * `tsx bench/probePages.ts [orders]` prints ms for a rebuild's first write, a catch-up that rewrites every order once
 * in 20 batches, 50 live commits of one order each, a walk to the newest 50 and a count by status. Scratch databases
 * on a blank page; the rows are built before each timer starts, so only IndexedDB is timed.
 */
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/e2e/chromium';

const orders = Number(process.argv[2] ?? 25_000);

const inPage = `async (N) => {
  const req = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
  const done = (tx) => new Promise((ok, ko) => { tx.oncomplete = () => ok(); tx.onerror = () => ko(tx.error); });
  const statuses = ['pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled'];
  const order = (i, gen) => ({ orderId: 'ord-' + i, customerId: 'c' + (i % 5000) + '@example.com', customerEmail: 'c' + (i % 5000) + '@example.com',
    items: [{ product: 'Widget ' + (i % 40), quantity: 1 + (i % 3), unitPrice: 9.99 }], total: 19.98, status: statuses[(i + gen) % 6],
    placedAt: new Date(1700000000000 + i * 1000).toISOString(), updatedAt: new Date(1700000000000 + gen).toISOString(), cancelReason: null,
    trackingNumber: null, statusHistory: [{ status: 'pending', at: '2024-01-01T00:00:00Z' }], version: 1 + gen });
  const fnv = (t, n) => { let h = 0x811c9dc5; for (let k = 0; k < t.length; k++) { h ^= t.charCodeAt(k); h = Math.imul(h, 0x01000193); } return (h >>> 0) % n; };
  const variants = [
    { name: 'a row per order, the app\\'s 2 order indexes', pages: 0, ranks: 0 },
    { name: '512 pages, 2 multi-entry orderings', pages: 512, ranks: 2 },
    { name: '512 pages, 1 multi-entry ordering', pages: 512, ranks: 1 },
    { name: '512 pages, no index', pages: 512, ranks: -1 },
    { name: '2048 pages, 2 multi-entry orderings', pages: 2048, ranks: 2 },
  ];
  const results = [];
  for (const v of variants) {
    const name = 'probe-pages-' + v.pages + '-' + v.ranks;
    await req(indexedDB.deleteDatabase(name));
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const s = open.result.createObjectStore('rm', { keyPath: ['projection', 'id'] });
      if (v.pages === 0) { s.createIndex('p', ['projection', 'doc.placedAt']); s.createIndex('s', ['projection', 'doc.status', 'doc.placedAt']); }
      else if (v.ranks > 0) s.createIndex('r', 'ranks', { multiEntry: true });
    };
    const db = await req(open);
    const state = new Map();
    const rowsFor = (ids, gen) => {
      for (const i of ids) state.set(i, order(i, gen));
      if (v.pages === 0) return ids.map((i) => ({ projection: 'orders', id: 'ord-' + i, doc: state.get(i) }));
      const touched = new Set(ids.map((i) => fnv('ord-' + i, v.pages)));
      const pages = new Map([...touched].map((p) => [p, []]));
      for (const [i, doc] of state) { const p = pages.get(fnv('ord-' + i, v.pages)); if (p) p.push({ id: 'ord-' + i, doc }); }
      return [...pages].map(([p, docs]) => ({ projection: 'orders', id: 'page:' + p, docs,
        ...(v.ranks > 0 ? { ranks: docs.flatMap(({ id, doc }) => [['orders', 'placedAt', doc.placedAt, id], ...(v.ranks > 1 ? [['orders', 'status', doc.status, doc.placedAt, id]] : [])]) } : {}) }));
    };
    const put = async (rows) => { const tx = db.transaction('rm', 'readwrite'); const s = tx.objectStore('rm'); for (const r of rows) s.put(r); await done(tx); };
    const all = Array.from({ length: N }, (_, i) => i);
    let rows = rowsFor(all, 0);
    let t = performance.now(); await put(rows); const first = performance.now() - t;
    const batches = Array.from({ length: 20 }, (_, b) => rowsFor(all.slice((b * N) / 20, ((b + 1) * N) / 20), b + 1));
    t = performance.now(); for (const batch of batches) await put(batch); const catchUp = performance.now() - t;
    const singles = Array.from({ length: 50 }, (_, k) => rowsFor([(k * 97) % N], 30 + k));
    t = performance.now(); for (const single of singles) await put(single); const live = performance.now() - t;
    let walk = Infinity;
    for (let round = 0; round < 3 && v.ranks !== -1; round++) {
      t = performance.now();
      const s = db.transaction('rm', 'readonly').objectStore('rm');
      if (v.pages === 0) await new Promise((ok) => { let n = 0; const c = s.index('p').openCursor(IDBKeyRange.bound(['orders'], ['orders', []]), 'prev'); c.onsuccess = () => { const at = c.result; if (at && ++n < 50) at.continue(); else ok(); }; });
      else {
        const ids = [];
        await new Promise((ok) => { const c = s.index('r').openKeyCursor(IDBKeyRange.bound(['orders', 'placedAt'], ['orders', 'placedAt', []]), 'prev'); c.onsuccess = () => { const at = c.result; if (at && ids.length < 50) { ids.push(at.key[3]); at.continue(); } else ok(); }; });
        await Promise.all([...new Set(ids.map((id) => 'page:' + fnv(id, v.pages)))].map((p) => req(s.get(['orders', p]))));
      }
      walk = Math.min(walk, performance.now() - t);
    }
    t = performance.now();
    const s = db.transaction('rm', 'readonly').objectStore('rm');
    if (v.ranks !== -1) await req(v.pages === 0 ? s.index('s').count(IDBKeyRange.bound(['orders', 'shipped'], ['orders', 'shipped', []])) : s.index('r').count(IDBKeyRange.bound(['orders', 'placedAt'], ['orders', 'placedAt', []])));
    const count = performance.now() - t;
    results.push({ variant: v.name, rows: rows.length, firstWriteMs: Math.round(first), catchUp20BatchesMs: Math.round(catchUp), live50CommitsMs: Math.round(live), newest50Ms: Math.round(walk), countMs: Math.round(count) });
    db.close();
    await req(indexedDB.deleteDatabase(name));
  }
  return results;
}`;

const server = createServer((_request, response) => {
  response.setHeader('content-type', 'text/html');
  response.end('<!doctype html><title>probe</title>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
  console.table(await page.evaluate(`(${inPage})(${orders})`));
} finally {
  await browser.close();
  server.close();
}
