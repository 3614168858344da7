import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openAnotherTab, openApp, screenshotDir, shot } from './support';
import { logRows, pickCommand } from './simulatorSupport';

/** Two clients race on one order: the first append wins, the second meets the ConcurrencyError and retries. */

mkdirSync(screenshotDir, { recursive: true });

const client = (page: Page, name: 'Client A' | 'Client B'): Locator => page.getByRole('region', { name });
const versionHeld = async (panel: Locator): Promise<string> =>
  (await panel.locator('dd.version').textContent())?.trim() ?? '';

/** Places the demo order and waits until both clients hold it at version 1; returns its id. */
async function startDemo(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Place a new order and load it in both clients' }).click();
  await expect.poll(() => versionHeld(client(page, 'Client A'))).toBe('1');
  await expect.poll(() => versionHeld(client(page, 'Client B'))).toBe('1');
  return (await client(page, 'Client A').locator('dd').first().textContent())?.trim() ?? '';
}

describe('the concurrency demo', () => {
  it('A confirms first; B, still holding version 1, gets the ConcurrencyError; its retry on version 2 is accepted', async () => {
    const { page } = await openApp('#/conflicts');
    await page.getByRole('heading', { name: 'Concurrency', level: 2 }).waitFor();
    await startDemo(page);
    const a = client(page, 'Client A');
    const b = client(page, 'Client B');
    expect(await a.getByLabel('Change').inputValue()).toBe('confirm');
    expect(await b.getByLabel('Change').inputValue()).toBe('cancel');

    await a.getByRole('button', { name: 'Send' }).click();
    await a.getByRole('status').filter({ hasText: 'Accepted: OrderConfirmed appended; the stream is now at version 2' }).waitFor();
    expect(await versionHeld(a)).toBe('2');
    expect(await versionHeld(b)).toBe('1');

    await b.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(async () => b.getByRole('alert').textContent())
      .toContain('ConcurrencyError: expected version 1, but the stream is at version 2');
    // The same refusal as the HTTP exchange it was: If-Match "1" against an order at version 2.
    const overHttp = b.getByRole('region', { name: 'Client B over HTTP' });
    expect(await overHttp.getByLabel('Request').innerText()).toMatch(/^PUT \/api\/v1\/orders\/order\/\S+\/cancel\nIf-Match: "1"/);
    expect(await overHttp.getByLabel('Response').innerText()).toMatch(/^HTTP\/1\.1 412 Precondition Failed\nETag: "2"\n/);
    expect(await a.getByRole('region', { name: 'Client A over HTTP' }).getByLabel('Response').innerText()).toMatch(/^HTTP\/1\.1 200 OK\nETag: "2"/);
    await shot(page, `${screenshotDir}/conflicts-concurrency-error.png`, { fullPage: true });

    await b.getByRole('button', { name: 'Retry' }).click();
    await b.getByRole('status').filter({ hasText: 'Retried on the new state and accepted: OrderCancelled appended; the stream is now at version 3' }).waitFor();
    expect(await versionHeld(b)).toBe('3');
  });

  it("B's retry is refused by the domain when A's change made B's impossible", async () => {
    const { page } = await openApp('#/conflicts');
    const orderId = await startDemo(page);
    const a = client(page, 'Client A');
    const b = client(page, 'Client B');
    await a.getByLabel('Change').selectOption({ label: 'Cancel the order' });
    await b.getByLabel('Change').selectOption({ label: 'Confirm the order' });

    await a.getByRole('button', { name: 'Send' }).click();
    await a.getByRole('status').filter({ hasText: 'OrderCancelled appended' }).waitFor();
    await b.getByRole('button', { name: 'Send' }).click();
    await b.getByRole('button', { name: 'Retry' }).click();
    await expect
      .poll(async () => b.getByRole('alert').textContent())
      .toMatch(new RegExp(`the domain refuses it now\\. Cannot confirm order ${orderId}: it is "cancelled", which is final`));
    await shot(page, `${screenshotDir}/conflicts-refused-retry.png`, { fullPage: true });
  });

  it('two tabs share the store: each sees the other append live, and a change from the other tab makes a conflict', async () => {
    const session = await openApp('#/conflicts');
    const demo = session.page;
    const other = await openAnotherTab(session, '#/simulator');
    const orderId = await startDemo(demo);

    // The demo tab's events show up in the other tab's log without a reload.
    await expect.poll(async () => (await logRows(other))[0], { timeout: 10_000 }).toEqual(['1', `order-${orderId}`, 'OrderPlaced']);

    // The other tab confirms the order while both demo clients still hold version 1.
    await pickCommand(other, 'Confirm an order');
    const confirm = other.getByRole('region', { name: 'Confirm an order' });
    await confirm.getByLabel('Order ID').fill(orderId);
    await confirm.getByRole('button', { name: 'Confirm order' }).click();
    await expect.poll(async () => (await logRows(other))[0], { timeout: 10_000 }).toEqual(['2', `order-${orderId}`, 'OrderConfirmed']);

    const a = client(demo, 'Client A');
    await a.getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => a.getByRole('alert').textContent()).toContain('expected version 1, but the stream is at version 2');

    // B cancels from the demo tab after reloading; the other tab's log shows it live.
    const b = client(demo, 'Client B');
    await b.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => versionHeld(b)).toBe('2');
    await b.getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => (await logRows(other))[0], { timeout: 10_000 }).toEqual(['3', `order-${orderId}`, 'OrderCancelled']);
  });

  it('a typed id with no order is refused with a sentence and loads nothing; the stream name from the log loads it', async () => {
    const { page } = await openApp('#/conflicts');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const orderId = await startDemo(page);
    const typed = page.getByLabel('Or an existing order id');
    await typed.fill('<img src=x onerror=alert(1)>');
    await page.getByRole('button', { name: 'Load in both clients' }).click();
    await expect.poll(async () => page.getByRole('alert').textContent()).toMatch(/No order "<img src=x onerror=alert\(1\)>" is in the store/);
    // The clients still hold the demo order.
    expect((await client(page, 'Client A').locator('dd').first().textContent())?.trim()).toBe(orderId);

    // A moves the order on; loading it by its stream name (as the event log shows it) makes B hold the new version.
    await client(page, 'Client A').getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => versionHeld(client(page, 'Client A'))).toBe('2');
    expect(await versionHeld(client(page, 'Client B'))).toBe('1');
    await typed.fill(`order-${orderId}`);
    await typed.press('Enter');
    await expect.poll(() => versionHeld(client(page, 'Client B'))).toBe('2');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
