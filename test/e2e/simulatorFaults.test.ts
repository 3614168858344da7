import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';
import { firstColumn, pickCommand, placeOrder, projections, readModels } from './simulatorSupport';

/**
 * A projection that fails on an event, caused for real with "Break on next event": the panel shows the event and
 * the reason, the read model stays stale, and Retry (after turning the switch off) or Skip gets it going again.
 */

mkdirSync(screenshotDir, { recursive: true });

const ordersTable = (page: Page) => readModels(page).getByRole('table', { name: 'All orders (filters)' });
const asOf = (page: Page) => readModels(page).getByText(/^\s*As of checkpoint/);
const breakOrders = (page: Page) => projections(page).getByRole('checkbox', { name: 'Make orders fail on its next event' });
const ordersRow = (page: Page) =>
  projections(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^orders\b/ }) });
const faultAlert = (page: Page) => ordersRow(page).getByRole('alert');
const text = async (page: Page, locator: ReturnType<Page['getByRole']>) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

async function confirmOrder(page: Page): Promise<void> {
  await pickCommand(page, 'Confirm an order');
  const form = page.getByRole('region', { name: 'Confirm an order' });
  await form.getByRole('button', { name: 'Confirm order' }).click();
  await expect.poll(async () => form.getByRole('status').textContent()).toMatch(/Appended OrderConfirmed \(position 2\)/);
}

/** The status column of the orders table, by order id. */
async function statusInReadModel(page: Page, orderId: string): Promise<string | undefined> {
  const row = ordersTable(page).locator('tbody tr').filter({ hasText: orderId });
  if ((await row.count()) === 0) return undefined;
  return (await row.locator('td').nth(5).innerText()).trim();
}

describe('a faulted projection', () => {
  it('faults for real on the next event, stays stale, and catches up on Retry once the switch is off', async () => {
    const { page, consoleErrors } = await openApp('#/simulator');
    const orderId = await placeOrder(page);
    await expect.poll(() => statusInReadModel(page, orderId)).toBe('pending');

    await breakOrders(page).check();
    expect(await breakOrders(page).isChecked()).toBe(true);
    await confirmOrder(page);

    await expect.poll(() => text(page, faultAlert(page))).toContain(
      "Stopped at event 2 (OrderConfirmed): Injected fault: the orders projection refused OrderConfirmed at position 2 (turn off 'Break on next event' and press Retry)",
    );
    expect(await ordersRow(page).getByRole('rowheader').innerText()).toMatch(/faulted/);
    expect((await ordersRow(page).getByRole('cell').allInnerTexts()).slice(0, 3)).toEqual(['1', '2', '1']);
    // The query side shows it: as of checkpoint 1, one event behind, and why it will not move on its own.
    await expect.poll(async () => (await asOf(page).innerText()).trim()).toBe('As of checkpoint 1 · log head 2 · 1 event not applied yet');
    expect(await text(page, readModels(page).getByRole('status').filter({ hasText: 'faulted' }))).toBe(
      'The orders projection is faulted at event 2 (OrderConfirmed): this table stays stale until that event is skipped or retried in the Projections panel.',
    );
    expect(await statusInReadModel(page, orderId)).toBe('pending');
    // The other projections applied the same event.
    const summaryRow = projections(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^orderSummary\b/ }) });
    expect((await summaryRow.getByRole('cell').allInnerTexts()).slice(0, 3)).toEqual(['2', '2', '0']);
    await projections(page).scrollIntoViewIfNeeded();
    await shot(page, `${screenshotDir}/simulator-projection-faulted.png`, { fullPage: true });
    await shot(projections(page), `${screenshotDir}/simulator-projection-faulted-panel.png`);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(projections(page), `${screenshotDir}/simulator-projection-faulted-panel-dark.png`);

    // Retry with the switch still on: the same event fails again.
    await projections(page).getByRole('button', { name: 'Retry orders' }).click();
    await expect.poll(() => text(page, faultAlert(page))).toContain('Stopped at event 2 (OrderConfirmed)');

    await breakOrders(page).uncheck();
    await projections(page).getByRole('button', { name: 'Retry orders' }).click();
    await expect.poll(() => ordersRow(page).getByRole('rowheader').innerText()).toMatch(/caught up/);
    expect(await faultAlert(page).count()).toBe(0);
    await expect.poll(() => statusInReadModel(page, orderId)).toBe('confirmed');
    expect((await asOf(page).innerText()).trim()).toBe('As of checkpoint 2 · log head 2 · up to date');
    expect(consoleErrors).toEqual([]);
  });

  it('Skip moves past the event: the log has the order, the read model never will', async () => {
    const { page, consoleErrors } = await openApp('#/simulator');
    const first = await placeOrder(page);
    await expect.poll(() => firstColumn(ordersTable(page))).toEqual([first]);

    await breakOrders(page).check();
    const lost = await placeOrder(page, 'Keyboard');
    await expect.poll(() => text(page, faultAlert(page))).toContain('Stopped at event 2 (OrderPlaced)');
    expect(await firstColumn(ordersTable(page))).toEqual([first]);

    await breakOrders(page).uncheck();
    await projections(page).getByRole('button', { name: 'Skip event 2 in orders' }).click();
    await expect.poll(() => ordersRow(page).getByRole('rowheader').innerText()).toMatch(/caught up/);
    expect((await ordersRow(page).getByRole('cell').allInnerTexts()).slice(0, 3)).toEqual(['2', '2', '0']);
    await expect.poll(async () => (await asOf(page).innerText()).trim()).toBe('As of checkpoint 2 · log head 2 · up to date');
    // Up to date and still without the skipped order: Skip trades correctness for progress, a rebuild brings it back.
    expect(await firstColumn(ordersTable(page))).toEqual([first]);
    expect(await firstColumn(ordersTable(page))).not.toContain(lost);

    // Later events apply again.
    const after = await placeOrder(page, 'Monitor');
    await expect.poll(() => firstColumn(ordersTable(page))).toEqual([after, first]);

    await projections(page).getByRole('button', { name: 'Rebuild orders', exact: true }).click();
    await expect.poll(() => firstColumn(ordersTable(page))).toEqual([after, lost, first]);
    expect(consoleErrors).toEqual([]);
  });
});
