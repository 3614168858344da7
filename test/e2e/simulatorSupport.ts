import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** What the simulator screen's journeys share: picking a command, placing an order, reading the log. */

export const placeOrderForm = (page: Page): Locator => page.getByRole('region', { name: 'Place an order' });
export const eventLog = (page: Page): Locator => page.getByRole('table', { name: 'Event log' });
export const logPanel = (page: Page): Locator => page.getByRole('region', { name: 'Event log' });
export const readModels = (page: Page): Locator => page.getByRole('region', { name: 'Read models' });
export const projections = (page: Page): Locator => page.getByRole('region', { name: 'Projections' });

export async function pickCommand(page: Page, title: string): Promise<void> {
  await page.getByLabel('Command', { exact: true }).selectOption({ label: title });
}

/** Cancels the order on the command panel, as a person does, and waits until OrderCancelled is appended. */
export async function cancelOrder(page: Page, orderId: string, reason: string): Promise<void> {
  await pickCommand(page, 'Cancel an order');
  const cancel = page.getByRole('region', { name: 'Cancel an order' });
  await cancel.getByLabel('Order ID').fill(orderId);
  await cancel.getByLabel('Reason').fill(reason);
  await cancel.getByRole('button', { name: 'Cancel order' }).click();
  await cancel.getByRole('status').filter({ hasText: /Appended OrderCancelled/ }).waitFor();
}

/** Places the form's default order (or with another product) and returns the id its confirmation names. */
export async function placeOrder(page: Page, product = 'Laptop'): Promise<string> {
  await pickCommand(page, 'Place an order');
  const form = placeOrderForm(page);
  await form.getByLabel('Product').fill(product);
  const confirmation = form.getByRole('status').filter({ hasText: /Order .+ placed/ });
  const before = (await confirmation.count()) > 0 ? await confirmation.textContent() : null;
  await form.getByRole('button', { name: 'Place order' }).click();
  await expect.poll(async () => ((await confirmation.count()) > 0 ? confirmation.textContent() : null)).not.toBe(before);
  const orderId = /Order (.+) placed/.exec((await confirmation.textContent()) ?? '')?.[1];
  if (orderId === undefined) throw new Error('no order id in the confirmation');
  return orderId;
}

/** How many events the log says it holds ("12 events in the log, newest first."). */
export async function eventsInLog(page: Page): Promise<number> {
  const text = await logPanel(page).getByText(/events? in the log|events match/).first().textContent();
  return Number(/(\d+)/.exec(text ?? '')?.[1] ?? Number.NaN);
}

/** The log's rows as the person reads them: position, stream, type. Header row excluded. */
export async function logRows(page: Page): Promise<string[][]> {
  const rows = await eventLog(page).getByRole('row').all();
  const cells = await Promise.all(rows.slice(1).map((row) => row.getByRole('cell').allInnerTexts()));
  return cells.map((row) => row.slice(0, 3).map((text) => text.trim()));
}

/** The first column of a read-model table (order ids, user ids…). */
export async function firstColumn(table: Locator): Promise<string[]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('td').first().innerText()).trim()));
}

/**
 * Appends `count` events straight to the app's own store from inside the page: user-stream events the projections
 * handle, in batches, so a test gets a long log in a second instead of thousands of form submissions.
 */
export async function appendBulkUserEvents(page: Page, count: number): Promise<void> {
  // The store opens after the first paint: wait for it rather than race it.
  await page.waitForFunction(() => (document.querySelector('workbook-app') as (Element & { simulator?: unknown }) | null)?.simulator !== undefined);
  await page.evaluate(async (total) => {
    type Store = { appendToStream(streamId: string, events: unknown[]): Promise<unknown> };
    const app = document.querySelector('workbook-app') as (Element & { simulator?: { store: Store } }) | null;
    const store = app?.simulator?.store;
    if (!store) throw new Error('no simulator on <workbook-app>');
    const at = new Date().toISOString();
    const events: unknown[] = [
      { eventId: crypto.randomUUID(), type: 'UserCreated', data: { userId: 'bulk', firstName: 'Bulk', lastName: 'User', email: 'bulk-0@example.com', createdAt: at } },
    ];
    for (let index = 1; index < total; index += 1) {
      events.push({
        eventId: crypto.randomUUID(),
        type: 'UserEmailUpdated',
        data: { userId: 'bulk', previousEmail: `bulk-${index - 1}@example.com`, newEmail: `bulk-${index}@example.com`, updatedAt: at },
      });
    }
    for (let start = 0; start < events.length; start += 500) {
      await store.appendToStream('user-bulk', events.slice(start, start + 500));
    }
  }, count);
}

/** Sets a range input the way dragging it does (Playwright cannot `fill` a range). */
export async function setRange(input: Locator, value: number): Promise<void> {
  await input.evaluate((element, next) => {
    const range = element as HTMLInputElement;
    range.value = String(next);
    range.dispatchEvent(new Event('input', { bubbles: true }));
    range.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}
