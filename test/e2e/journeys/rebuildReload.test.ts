import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from '../support';
import { projections, readModels } from '../simulatorSupport';

/**
 * Someone seeds a shop history, starts rebuilding the orders read model, and reloads the page while the progress
 * bar is half way. After the reload the projector resumes from the checkpoint the rebuild had committed, catches up
 * to the head of the log, and the read model answers exactly as it did before the rebuild, and as a clean rebuild
 * does.
 */

mkdirSync(screenshotDir, { recursive: true });

const ordersInSeed = 1500;
const ordersTable = (page: Page) => readModels(page).getByRole('table', { name: 'All orders (filters)' });
const ordersRow = (page: Page) =>
  projections(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^orders\b/ }) });

/** Checkpoint, head and lag of the orders projection, as its row in the Projections panel shows them. */
async function ordersProgress(page: Page): Promise<{ checkpoint: number; head: number; lag: number }> {
  const [checkpoint, head, lag] = (await ordersRow(page).getByRole('cell').allInnerTexts()).slice(0, 3).map(Number);
  return { checkpoint: checkpoint ?? NaN, head: head ?? NaN, lag: lag ?? NaN };
}

const statuses = ['pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled'] as const;

/** The STATUS column of the rows the orders table shows. */
const shownStatuses = async (page: Page): Promise<string[]> =>
  (await ordersTable(page).locator('tbody tr td:nth-child(6)').allInnerTexts()).map((text) => text.trim());

/**
 * What the orders read model answers, as a person reads it: how many orders it holds with each status (filtering
 * the table by status), the total, and the newest page of the unfiltered list, row by row.
 */
async function ordersAnswer(page: Page): Promise<Record<string, string>> {
  const models = readModels(page);
  await models.getByLabel('Query').selectOption({ label: 'All orders (filters)' });
  const filter = models.getByLabel('Status');
  const note = models.getByText(/orders match|^\d+ orders?\.$|^No orders/);
  const answer: Record<string, string> = {};
  let total = 0;
  for (const status of statuses) {
    await filter.selectOption(status);
    // The table has answered this filter once every row it shows has that status.
    await expect
      .poll(async () => {
        const shown = await shownStatuses(page);
        return shown.length > 0 && shown.every((each) => each === status);
      })
      .toBe(true);
    const text = (await note.first().innerText()).trim();
    answer[status] = text;
    total += Number(/^(\d+)/.exec(text)?.[1] ?? NaN);
  }
  // Every order has one status: the unfiltered list holds as many as the statuses together.
  await filter.selectOption('');
  await expect.poll(async () => (await note.first().innerText()).trim()).toBe(`${total} orders match; showing the newest 50.`);
  answer['any'] = `${total}`;
  answer['newest page'] = (await ordersTable(page).locator('tbody').innerText()).trim();
  return answer;
}

describe('journey: a reload in the middle of a projection rebuild', () => {
  it('resumes the orders projection from its checkpoint to the head, with the same read model a clean rebuild gives', async () => {
    const { page, consoleErrors } = await openApp('#/data');
    await page.getByLabel('Orders').fill(String(ordersInSeed));
    await page.getByRole('button', { name: 'Seed', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `(${ordersInSeed.toLocaleString('en-US')} orders)` }).waitFor({ timeout: 30_000 });
    await page.getByRole('region', { name: 'The store' }).getByText(/Read models: up to date/).waitFor({ timeout: 30_000 });

    await page.getByRole('navigation').getByRole('link', { name: 'Simulator' }).click();
    await expect.poll(async () => (await ordersProgress(page)).lag, { timeout: 10_000 }).toBe(0);
    const { head } = await ordersProgress(page);
    expect(head).toBeGreaterThan(ordersInSeed);
    const before = await ordersAnswer(page);
    // The seed deletes a few of its orders: the read model holds the rest.
    expect(Number(before['any'])).toBeGreaterThan(ordersInSeed * 0.9);
    expect(Number(before['any'])).toBeLessThan(ordersInSeed);

    // Rebuild with a checkpoint every 100 events (the default's 5,000 would replay this log in two commits), and
    // reload once the bar shows part of the log replayed but at most half of it.
    const panel = projections(page);
    await panel.getByRole('combobox', { name: 'Rebuild batch' }).selectOption({ label: '100 events' });
    await panel.getByRole('button', { name: 'Rebuild orders', exact: true }).click();
    const bar = panel.getByRole('progressbar', { name: 'Rebuild orders' });
    await expect
      .poll(async () => {
        const done = Number(await bar.getAttribute('value'));
        return done > 0 && done <= head / 2;
      }, { interval: 20, timeout: 20_000 })
      .toBe(true);
    const replayedBeforeReload = Number(await bar.getAttribute('value'));
    // The table holds the read model as it was, and says why, instead of re-reading it half built after every batch.
    await readModels(page).getByRole('status').filter({ hasText: 'Rebuilding the orders read model' }).waitFor();
    await shot(readModels(page), `${screenshotDir}/journey-rebuild-halfway-table.png`);
    await shot(panel, `${screenshotDir}/journey-rebuild-halfway.png`);
    await page.reload();
    await page.getByRole('banner').getByRole('heading', { name: 'Event Workbook' }).waitFor();

    // The projector starts from the checkpoint the rebuild committed, not from scratch and not from the old head.
    await expect.poll(async () => (await ordersProgress(page)).checkpoint, { timeout: 20_000 }).toBe(head);
    expect(await ordersProgress(page)).toEqual({ checkpoint: head, head, lag: 0 });
    expect(replayedBeforeReload).toBeLessThan(head);
    expect(await ordersAnswer(page)).toEqual(before);
    await shot(panel, `${screenshotDir}/journey-rebuild-resumed.png`);

    // A clean rebuild from position 0 gives the same read model.
    await panel.getByRole('button', { name: 'Rebuild orders', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: `Rebuilt orders: replayed ${head} events.` }).waitFor({ timeout: 20_000 });
    expect(await ordersAnswer(page)).toEqual(before);
    expect(consoleErrors).toEqual([]);
  });
});
