import { describe, expect, it, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { openAnotherTab, openApp } from './support';
import { crashAfterCommit } from './crashAfterCommit';

/**
 * A tab killed between a command's two writes: the event is appended, the CRUD twin's write never runs. The renderer
 * is crashed for real (CDP's Page.crash) the instant the append's transaction commits. The next tab's twin catches
 * up from the log by its own checkpoint: its rows are what the log says, and its checkpoint is the log's head.
 */

const placeOrderForm = (page: Page) => page.getByRole('region', { name: 'Place an order' });

async function fillOrder(page: Page, customerId: string): Promise<void> {
  const form = placeOrderForm(page);
  await form.getByLabel('Customer ID').fill(customerId);
  await form.getByLabel('Customer email').fill(`${customerId}@example.com`);
  await form.getByLabel('Product').fill('Laptop');
  await form.getByLabel('Quantity').fill('1');
  await form.getByLabel('Unit price').fill('999');
}

type Sides = { readonly log: Record<string, string>; readonly twin: Record<string, string>; readonly head: number; readonly checkpoint: number | null };

/** Each order's status as the log says (its last status event) and as the twin's row says, read from IndexedDB. */
function readSides(page: Page): Promise<Sides> {
  return page.evaluate(
    () =>
      new Promise<Sides>((resolve, reject) => {
        const request = indexedDB.open('event-workbook');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction(['events', 'crudOrders', 'meta'], 'readonly');
          const events = read.objectStore('events').getAll();
          const rows = read.objectStore('crudOrders').getAll();
          const checkpoint = read.objectStore('meta').get('crudTwinCheckpoint');
          read.oncomplete = () => {
            db.close();
            const statusOf: Record<string, string> = { OrderPlaced: 'pending', OrderConfirmed: 'confirmed' };
            const log: Record<string, string> = {};
            let head = 0;
            for (const { type, data, globalPosition } of events.result as { type: string; data: { orderId: string }; globalPosition: number }[]) {
              head = Math.max(head, globalPosition);
              const status = statusOf[type];
              if (status !== undefined) log[data.orderId] = status;
            }
            const twin: Record<string, string> = {};
            for (const row of rows.result as { orderId: string; status: string }[]) twin[row.orderId] = row.status;
            const stored = checkpoint.result as { value?: { position?: number } } | undefined;
            resolve({ log, twin, head, checkpoint: stored?.value?.position ?? null });
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

describe('a tab killed between the append and the CRUD twin write', () => {
  it("the reopened tab's twin catches up from its checkpoint and matches the log", async () => {
    const session = await openApp('#/simulator');
    const { page, context } = session;

    // The next read-write transaction that appends events and not the twin's rows (the command's own transaction,
    // which also reads snapshots and keys), once armed, hangs the page the instant it commits, before any line of the
    // app runs after it; the test then crashes the renderer.
    const crash = await crashAfterCommit(session, page, {
      stores: ['events'],
      exactly: false,
      excluding: ['crudOrders', 'crudLosses', 'crudUsers', 'crudUserLosses'],
      waitForArming: true,
    });
    await placeOrderForm(page).waitFor();

    // One order the normal way: both writes.
    await fillOrder(page, 'before-crash');
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(async () => Object.values((await readSides(page)).twin)).toEqual(['pending']);

    // The second one dies between its two writes.
    await fillOrder(page, 'crashed');
    await crash.armed();
    void page.getByRole('button', { name: 'Place order' }).click().catch(() => undefined);
    await crash.crash();

    // Read by a page of the same origin that does not run the app: the log has both orders, the twin only the first.
    await context.route('**/__probe', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>probe</title>' }));
    const probe = await context.newPage();
    await probe.goto(new URL('/__probe', inject('appBaseUrl')).href);
    const left = await readSides(probe);
    expect(Object.keys(left.log)).toHaveLength(2);
    expect(Object.keys(left.twin)).toHaveLength(1);
    expect(left).toMatchObject({ head: 2, checkpoint: 1 });
    await probe.close();

    // The reopened tab: its twin catches up from the checkpoint, and agrees with the log, row for row.
    const next = await openAnotherTab(session, '#/simulator');
    await expect.poll(async () => (await readSides(next)).checkpoint).toBe(2);
    const after = await readSides(next);
    expect(after.twin).toEqual(after.log);
    expect(after.head).toBe(2);
  });
});
