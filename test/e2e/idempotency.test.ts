import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';

/** A student retries a command and redelivers an event on the Idempotency screen, and sees nothing happen twice. */

mkdirSync(screenshotDir, { recursive: true });

/** The table's body rows as the person reads them, one array of cell texts per row. */
async function rows(table: Locator): Promise<string[][]> {
  const found = await table.locator('tbody tr').all();
  return Promise.all(found.map(async (row) => (await row.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())));
}

const sends = (page: Page) => page.getByRole('table', { name: 'Sends' });
const deliveries = (page: Page) => page.getByRole('table', { name: 'Deliveries' });

describe('the idempotency screen', () => {
  it('answers a command sent again under its id from the first send, and runs it under a new id', async () => {
    const { page } = await openApp('#/idempotency');
    const send = page.getByRole('button', { name: 'Send', exact: true });
    await expect.poll(() => send.isEnabled()).toBe(true);
    const key = page.getByLabel('Idempotency-Key / commandId');
    await key.fill('retry-me');
    expect(await page.getByLabel('Request').innerText()).toContain('Idempotency-Key: retry-me');

    await send.click();
    await expect.poll(() => rows(sends(page))).toEqual([
      ['1', 'PlaceOrder A-1', 'retry-me', 'Ran: new events', 'retry-me:0 at #1', 'false', '0 → 1'],
    ]);

    await page.getByRole('button', { name: 'Send again (same id)' }).click();
    await expect.poll(async () => (await rows(sends(page)))[1]).toEqual([
      '2',
      'PlaceOrder A-1',
      'retry-me',
      'Answered from send 1',
      'retry-me:0 at #1',
      'true',
      '1 → 1',
    ]);
    expect(await page.getByRole('status').filter({ hasText: 'Send 2' }).innerText()).toContain('Same request, same key as send 1');
    expect(await page.getByRole('list', { name: /The sandbox's event log/ }).getByRole('listitem').count()).toBe(1);
    await shot(page, `${screenshotDir}/idempotency-replayed.png`, { fullPage: true });

    await page.getByRole('button', { name: 'Send with a new id' }).click();
    await expect.poll(async () => (await rows(sends(page)))[2]?.slice(1, 4)).toEqual(['PlaceOrder A-2', await key.inputValue(), 'Ran: new events']);
    expect((await rows(sends(page)))[2]?.[6]).toBe('1 → 2');

    // Confirming twice under two ids: the second is refused by the order's own rules, not by the key.
    await page.getByLabel('Command', { exact: true }).selectOption({ label: 'Confirm the latest order' });
    await send.click();
    await expect.poll(async () => (await rows(sends(page)))[3]?.slice(1, 4)).toEqual(['ConfirmOrder A-2', await key.inputValue(), 'Ran: new events']);
    await page.getByRole('button', { name: 'Send with a new id' }).click();
    await expect.poll(async () => (await rows(sends(page)))[4]?.[3] ?? '').toMatch(/^Refused: Cannot confirm order A-2/);
    await shot(page, `${screenshotDir}/idempotency-refused.png`, { fullPage: true });

    // The key of send 1 (PlaceOrder) on a confirmation: another request, so 422, and nothing runs.
    await key.fill('retry-me');
    await send.click();
    await expect.poll(async () => (await rows(sends(page)))[5]?.[3] ?? '').toBe('422: key used for send 1 (POST /api/v1/orders)');
    expect(await page.getByRole('status').filter({ hasText: 'Send 6' }).innerText()).toContain('Refused with 422');

    await key.fill('two words');
    await send.click();
    expect(await page.getByRole('alert').innerText()).toContain('Use only letters, digits');
    expect(await key.getAttribute('aria-invalid')).toBe('true');
  });

  it('redelivers one event to the projection and the inbox consumer, and the read model stays as it was', async () => {
    const { page } = await openApp('#/idempotency');
    const first = page.getByRole('button', { name: 'Deliver the event' });
    await expect.poll(() => first.isEnabled()).toBe(true);
    await first.click();
    await expect.poll(async () => (await rows(deliveries(page))).length).toBe(1);
    await page.getByRole('button', { name: 'Redeliver to the same projector' }).click();
    await expect.poll(async () => (await rows(deliveries(page))).length).toBe(2);
    await page.getByRole('button', { name: 'Redeliver to a second worker' }).click();
    await expect.poll(() => rows(deliveries(page))).toEqual([
      ['1', 'the same projector', '0 → 1', 'Applied', '1 order, 300.00 pending', 'Sent the email', '1 / 1'],
      ['2', 'the same projector', '1 → 1', 'Dropped: at or before the checkpoint', '1 order, 300.00 pending', 'Skipped: id in the inbox', '1 / 2'],
      ['3', 'a second worker (stale checkpoint)', '0 → 1', 'Commit refused: checkpoint moved', '1 order, 300.00 pending', 'Skipped: id in the inbox', '1 / 3'],
    ]);
    const why = await page.getByRole('status').filter({ hasText: 'Delivery 3' }).innerText();
    expect(why).toContain('expected the stored checkpoint to be 0, found 1, and was refused');
    expect(why).toContain('Order summary read model: 1 order, 300.00 pending: unchanged by this delivery.');
    expect(await page.getByText('Inbox table (processed event ids)').innerText()).toContain('place-B-7:0');
    await shot(page, `${screenshotDir}/idempotency-redelivered.png`, { fullPage: true });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/idempotency-redelivered-dark.png`, { fullPage: true });

    await page.getByRole('button', { name: 'Start over' }).last().click();
    await expect.poll(() => deliveries(page).count()).toBe(0);
  });

  it('in large text at 1024 and 1280 px the command select is wide enough to show its whole choice', async () => {
    const { page } = await openApp('#/idempotency');
    await page.getByRole('button', { name: 'Large text' }).click();
    const command = page.getByLabel('Command', { exact: true });
    for (const [width, label] of [
      [1280, 'Place an order (a new order id per request)'],
      [1024, 'Place an order (a new order id per request)'],
      [1024, 'Confirm the latest order'],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await command.selectOption({ label });
      // The chosen option's text, measured in the select's own font, against the room the select gives it.
      const [needed, room] = await command.evaluate((select: HTMLSelectElement) => {
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = getComputedStyle(select).font;
        return [context.measureText(select.selectedOptions[0]!.text).width, select.clientWidth];
      });
      expect(needed, `${label} at ${width} px`).toBeLessThan(room);
    }
    await shot(page, `${screenshotDir}/idempotency-large-text.png`, { fullPage: true });
  });
});
