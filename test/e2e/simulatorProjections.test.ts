import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';
import { appendBulkUserEvents, eventsInLog, firstColumn, logRows, placeOrder, projections, readModels, setRange } from './simulatorSupport';

/** The projector under the person's hand: eventual consistency made visible, pause and step, rebuild. */

const ordersTable = (page: Page) => readModels(page).getByRole('table', { name: 'All orders (filters)' });
const asOf = (page: Page) => readModels(page).getByText(/^\s*As of checkpoint/);

describe('the projection panel', () => {
  it('with a delay, the log has the new event while the read model still lacks it; then it appears', async () => {
    const { page } = await openApp('#/simulator');
    const first = await placeOrder(page);
    await expect.poll(() => firstColumn(ordersTable(page))).toEqual([first]);

    await setRange(projections(page).getByLabel('Projection delay'), 2500);
    expect(await projections(page).locator('output').innerText()).toBe('2.5 s');

    const second = await placeOrder(page);
    await expect.poll(async () => (await logRows(page))[0]).toEqual(['2', `order-${second}`, 'OrderPlaced']);
    // Stale on purpose: the event is in the log, the read model is still as of checkpoint 1.
    expect(await firstColumn(ordersTable(page))).toEqual([first]);
    await expect.poll(async () => (await asOf(page).innerText()).trim()).toBe('As of checkpoint 1 · log head 2 · 1 event not applied yet');
    await shot(page, `${screenshotDir}/simulator-stale-read-model.png`, { fullPage: true });

    await expect.poll(() => firstColumn(ordersTable(page)), { timeout: 8_000 }).toEqual([second, first]);
    expect((await asOf(page).innerText()).trim()).toBe('As of checkpoint 2 · log head 2 · up to date');
  });

  it('a paused projection falls behind and moves one event per Step, then catches up on Resume', async () => {
    const { page } = await openApp('#/simulator');
    const panel = projections(page);
    await panel.getByRole('button', { name: 'Pause orders', exact: true }).click();
    const first = await placeOrder(page);
    const second = await placeOrder(page);
    await expect.poll(() => eventsInLog(page)).toBe(2);

    const ordersRow = panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /orders\s+paused/ }) });
    await expect.poll(async () => (await ordersRow.getByRole('cell').allInnerTexts()).slice(0, 3)).toEqual(['0', '2', '2']);
    expect(await firstColumn(ordersTable(page))).toEqual([]);

    await panel.getByRole('button', { name: 'Step orders', exact: true }).click();
    await expect.poll(() => firstColumn(ordersTable(page))).toEqual([first]);
    expect((await ordersRow.getByRole('cell').allInnerTexts()).slice(0, 3)).toEqual(['1', '2', '1']);

    await panel.getByRole('button', { name: 'Resume orders', exact: true }).click();
    await expect.poll(() => firstColumn(ordersTable(page))).toEqual([second, first]);
  });

  it('rebuilds a read model from the whole log, showing its progress', async () => {
    const { page } = await openApp('#/simulator');
    await appendBulkUserEvents(page, 1500);
    await expect.poll(() => eventsInLog(page), { timeout: 15_000 }).toBe(1500);

    const panel = projections(page);
    await panel.getByRole('button', { name: 'Rebuild users' }).click();
    const bar = panel.getByRole('progressbar', { name: 'Rebuild users' });
    await expect.poll(async () => panel.getByRole('status').filter({ hasText: 'Rebuilt' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await panel.getByRole('status').filter({ hasText: 'Rebuilt' }).innerText()).toBe('Rebuilt users: replayed 1500 events.');
    expect(await bar.getAttribute('value')).toBe('1500');
    expect(await bar.getAttribute('max')).toBe('1500');

    // The rebuilt read model answers as before: one user, with the latest email.
    await readModels(page).getByLabel('Query').selectOption({ label: 'Users (seed 001)' });
    const users = readModels(page).getByRole('table', { name: 'Users (seed 001)' });
    await expect.poll(async () => (await users.locator('tbody tr').first().innerText()).includes('bulk-1499@example.com')).toBe(true);
    await shot(page, `${screenshotDir}/simulator-rebuilt.png`, { fullPage: true });
  });
});
