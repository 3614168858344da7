import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openAnotherTab, openApp, screenshotDir, downloadedText, type AppSession, shot } from './support';
import { crashAfterCommit } from './crashAfterCommit';

/**
 * A tab that dies while it replaces the log (an import, a reset) must leave nothing stale behind: the next tab's
 * read models describe the log that is there, never the one that was replaced. The tab is killed for real (the
 * renderer crashes, as CDP's Page.crash does it) at the worst moment: right after the transaction that replaced the
 * log committed, before any other line of the app runs.
 */

const storeStatus = (page: Page) => page.getByRole('region', { name: 'The store' });
const eventsInStore = async (page: Page): Promise<number> => {
  const text = (await storeStatus(page).getByRole('status').textContent()) ?? '';
  return Number(/holds ([\d,]+) events/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
};
const readModelsUpToDate = (page: Page) => storeStatus(page).getByText(/Read models: up to date/);

async function seed(page: Page, orders: number, seedNumber: number): Promise<void> {
  await page.getByLabel('Orders').fill(String(orders));
  await page.getByLabel('Seed number').fill(String(seedNumber));
  await page.getByRole('button', { name: 'Seed', exact: true }).click();
  await page.getByRole('status').filter({ hasText: new RegExp(`Seeded [\\d,]+ events \\(${orders} orders\\)`) }).waitFor();
  await readModelsUpToDate(page).waitFor();
}

/**
 * Arms the page: the next read-write transaction over the events, the snapshots and the CRUD twin together (the one
 * that replaces the log) hangs the page the instant it commits; the test then crashes the renderer.
 * Returns the crash, to await once the page has been sent replacing the log.
 */
async function crashWhenTheLogIsReplaced(session: AppSession, page: Page): Promise<() => Promise<void>> {
  const handle = await crashAfterCommit(session, page, { stores: ['events', 'snapshots', 'crudOrders'], exactly: false, waitForArming: false });
  await readModelsUpToDate(page).waitFor();
  return handle.crash;
}

/** Clicks without waiting for the page to acknowledge it: the page may hang on this very click. */
const clickAndLetGo = (locator: Locator): void => void locator.click().catch(() => undefined);

/** Order ids the log leaves, and order ids the orders read model holds, read straight from IndexedDB. */
async function ordersInLogAndReadModel(page: Page): Promise<{ log: string[]; readModel: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ log: string[]; readModel: string[] }>((resolve, reject) => {
        const request = indexedDB.open('event-workbook');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction(['events', 'readModels'], 'readonly');
          const events = read.objectStore('events').getAll();
          const docs = read.objectStore('readModels').getAll();
          read.oncomplete = () => {
            db.close();
            // The orders the log leaves: placed and not deleted.
            const log = new Set<string>();
            for (const { type, data } of events.result as { type: string; data: { orderId: string } }[]) {
              if (type === 'OrderPlaced') log.add(data.orderId);
              if (type === 'OrderDeleted') log.delete(data.orderId);
            }
            const readModel = (docs.result as { projection: string; id: string }[])
              .filter((row) => row.projection === 'orders')
              .map((row) => row.id);
            resolve({ log: [...log].sort(), readModel: readModel.sort() });
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

describe('a tab killed while it replaces the log', () => {
  it('by a reset: the next tab shows no order of the old log', async () => {
    const session = await openApp('#/data');
    const { page } = session;
    await seed(page, 20, 3);

    const crash = await crashWhenTheLogIsReplaced(session, page);
    await page.getByRole('button', { name: 'Reset the simulator…' }).click();
    clickAndLetGo(page.getByRole('dialog', { name: 'Reset the simulator?' }).getByRole('button', { name: 'Reset everything' }));
    await crash();

    const next = await openAnotherTab(session, '#/data');
    await readModelsUpToDate(next).waitFor();
    expect(await eventsInStore(next)).toBe(0);
    expect(await ordersInLogAndReadModel(next)).toEqual({ log: [], readModel: [] });
  });

  it('by an import: the next tab shows exactly the imported orders', async () => {
    const session = await openApp('#/data');
    const { page } = session;
    await seed(page, 12, 7);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export events' }).click(),
    ]);
    const file = await downloadedText(download);
    const imported = file.trimEnd().split('\n').length - 1;
    // More orders on top, which the import replaces.
    await seed(page, 10, 8);
    expect(await eventsInStore(page)).toBeGreaterThan(imported);

    const crash = await crashWhenTheLogIsReplaced(session, page);
    await page.getByLabel('Events file to import').setInputFiles({
      name: 'shop.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(file),
    });
    clickAndLetGo(page.getByRole('button', { name: 'Import and replace the store' }));
    await crash();

    const next = await openAnotherTab(session, '#/data');
    await expect.poll(() => eventsInStore(next)).toBe(imported);
    await readModelsUpToDate(next).waitFor();
    const { log, readModel } = await ordersInLogAndReadModel(next);
    expect(log.length).toBeGreaterThan(5);
    expect(log.every((orderId) => orderId.startsWith('s7-'))).toBe(true);
    expect(readModel).toEqual(log);
    await shot(next, join(screenshotDir, 'crash-import-next-tab.png'));
  });
});
