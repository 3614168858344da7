import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAnotherTab, openApp } from './support';

/** The event log follows the store, not the tab: an order placed in one tab shows up in the other without a reload. */

const streamsInLog = async (page: Page): Promise<string[]> => {
  const rows = await page.getByRole('table', { name: 'Event log' }).getByRole('row').all();
  return Promise.all(rows.slice(1).map(async (row) => (await row.getByRole('cell').nth(1).innerText()).trim()));
};

describe('the event log across tabs', () => {
  it('shows an order placed in another tab, and keeps it after a reload', async () => {
    const session = await openApp('#/simulator');
    const watcher = await openAnotherTab(session, '#/simulator');

    const placer = session.page;
    await placer.getByLabel('Product').fill('Desk lamp');
    await placer.getByRole('button', { name: 'Place order' }).click();
    const confirmation = placer.getByRole('status').filter({ hasText: /Order .+ placed/ });
    await confirmation.waitFor();
    const orderId = /Order (.+) placed/.exec((await confirmation.textContent()) ?? '')?.[1];

    await expect.poll(() => streamsInLog(watcher), { timeout: 10_000 }).toEqual([`order-${orderId}`]);

    // The log is the store's, not the page's: it survives a reload.
    await watcher.reload();
    await expect.poll(() => streamsInLog(watcher), { timeout: 10_000 }).toEqual([`order-${orderId}`]);
  });
});
