import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAnotherTab, openApp, screenshotDir, shot } from '../support';
import { logRows, pickCommand, placeOrder, readModels } from '../simulatorSupport';

/**
 * Two clerks have the simulator open in two tabs of one browser (one IndexedDB). A places an order and both see
 * it; both get ready to confirm it; A confirms first; B, whose screen was prepared before A's change, confirms
 * too and is refused with the domain's reason. Neither tab ever shows two events at one position, and B's screen
 * catches up with A's change live and after a reload.
 */

mkdirSync(screenshotDir, { recursive: true });

const ordersTable = (page: Page) => readModels(page).getByRole('table', { name: 'All orders (filters)' });
/** The orders read model's row for one order, as text. */
const orderRow = async (page: Page, orderId: string): Promise<string> => {
  const row = ordersTable(page).locator('tbody tr').filter({ hasText: orderId });
  return (await row.count()) === 0 ? '' : row.first().innerText();
};
const positionsOf = (rows: readonly string[][]): string[] => rows.map(([position]) => position ?? '');

async function prepareConfirm(page: Page, orderId: string): Promise<void> {
  await pickCommand(page, 'Confirm an order');
  await page.getByRole('region', { name: 'Confirm an order' }).getByLabel('Order ID').fill(orderId);
}

const pressConfirm = (page: Page) =>
  page.getByRole('region', { name: 'Confirm an order' }).getByRole('button', { name: 'Confirm order' }).click();

describe('journey: two tabs edit the same order', () => {
  it('A confirms first; B’s late confirm is refused with the reason; both tabs then show one history with A’s change', async () => {
    const session = await openApp('#/simulator');
    const a = session.page;
    const b = await openAnotherTab(session, '#/simulator');

    const orderId = await placeOrder(a, 'Standing desk');
    const placed = ['1', `order-${orderId}`, 'OrderPlaced'];
    // B did nothing and sees the order: in its log and, once its projector catches up, in its read model.
    await expect.poll(() => logRows(b), { timeout: 10_000 }).toEqual([placed]);
    await expect.poll(() => orderRow(b, orderId), { timeout: 10_000 }).toMatch(/pending/);

    // Both clerks open the confirm form on the pending order.
    await prepareConfirm(a, orderId);
    await prepareConfirm(b, orderId);

    await pressConfirm(a);
    await expect
      .poll(async () => a.getByRole('region', { name: 'Confirm an order' }).getByRole('status').textContent())
      .toBe(`Appended OrderConfirmed (position 2) to order-${orderId}.`);

    // B presses the button its screen still offers. The write side loads the order as it is now and refuses.
    await pressConfirm(b);
    const refusal = b.getByRole('region', { name: 'Confirm an order' }).getByRole('alert');
    await expect
      .poll(async () => refusal.textContent())
      .toBe(`Nothing was appended. Cannot confirm order ${orderId}: it is "confirmed". From "confirmed" it can go to: processing, cancelled.`);
    await shot(b, `${screenshotDir}/journey-two-tabs-refused.png`, { fullPage: true });

    // B's screen shows A's change live: one OrderConfirmed, at position 2, and the read model says confirmed.
    const history = [['2', `order-${orderId}`, 'OrderConfirmed'], placed];
    await expect.poll(() => logRows(b), { timeout: 10_000 }).toEqual(history);
    await expect.poll(() => orderRow(b, orderId), { timeout: 10_000 }).toMatch(/confirmed/);
    expect(await logRows(a)).toEqual(history);

    // After a reload, B reads the same history from the store: no position twice, no lost event.
    await b.reload();
    await b.getByRole('banner').getByRole('heading', { name: 'Event Workbook' }).waitFor();
    await expect.poll(() => logRows(b), { timeout: 10_000 }).toEqual(history);
    expect(new Set(positionsOf(await logRows(b))).size).toBe(history.length);
    await expect.poll(() => orderRow(b, orderId), { timeout: 10_000 }).toMatch(/confirmed/);

    // B moves on from what is true now; A sees that live.
    await pickCommand(b, 'Start processing');
    const start = b.getByRole('region', { name: 'Start processing' });
    await start.getByLabel('Order ID').fill(orderId);
    await start.getByRole('button', { name: 'Start processing' }).click();
    await expect.poll(async () => start.getByRole('status').textContent()).toBe(`Appended OrderProcessingStarted (position 3) to order-${orderId}.`);
    await expect.poll(async () => (await logRows(a))[0], { timeout: 10_000 }).toEqual(['3', `order-${orderId}`, 'OrderProcessingStarted']);
    expect(positionsOf(await logRows(a))).toEqual(['3', '2', '1']);
    await expect.poll(() => orderRow(a, orderId), { timeout: 10_000 }).toMatch(/processing/);
    await shot(a, `${screenshotDir}/journey-two-tabs-a-after.png`, { fullPage: true });
  });
});
