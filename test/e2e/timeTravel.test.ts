import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fieldButton, openApp, screenshotDir, shot } from './support';
import { pickCommand, placeOrder } from './simulatorSupport';

/**
 * Time travel over the app's own store: scrub back to an earlier state, ask which events made a value, and switch
 * an event off for a what-if that never touches the store.
 */

async function openWithDemoStory(): Promise<Page> {
  const { page } = await openApp('#/time-travel');
  await page.getByRole('button', { name: 'Load the demo story' }).click();
  await page.getByRole('slider', { name: 'Position' }).waitFor();
  await expect
    .poll(async () => {
      const alert = page.getByRole('alert');
      if ((await alert.count()) > 0) return alert.first().innerText();
      return page.getByRole('status').filter({ hasText: 'The store holds' }).innerText();
    })
    .toBe('The store holds 12 events.');
  return page;
}

const stateStatus = (page: Page) => fieldButton(page, 'state.status of order-1');
const logItems = (page: Page) => page.getByRole('list', { name: 'Event log' }).getByRole('listitem');
const litEvents = async (page: Page): Promise<string[]> =>
  (await logItems(page).filter({ hasText: 'made this value' }).allInnerTexts()).map((text) => text.split('\n')[0] ?? '');

describe('time travel', () => {
  it('scrubbing back shows the earlier state of the order and of the read models', async () => {
    const page = await openWithDemoStory();
    await page.getByLabel('Walk').selectOption('order-1');
    await expect.poll(() => stateStatus(page).innerText()).toBe('delivered');

    const slider = page.getByRole('slider', { name: 'Position' });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Two events into order 1's stream: placed (#1) and confirmed (#3).
    await expect.poll(() => stateStatus(page).innerText()).toBe('confirmed');
    await expect.poll(() => fieldButton(page, 'orders.status of order-1').innerText()).toBe('confirmed');
    // Order 3 was not placed yet at #3.
    expect(await fieldButton(page, 'orders.status of order-3').count()).toBe(0);
    expect(await fieldButton(page, 'summary.totalOrders').innerText()).toBe('2');
    // The CRUD twin at that point had already lost "pending".
    await page.getByRole('note').filter({ hasText: 'lost status: pending' }).waitFor();
    await shot(page, `${screenshotDir}/time-travel.png`, { fullPage: true });
  });

  it('clicking a field highlights the events that made it', async () => {
    const page = await openWithDemoStory();
    await fieldButton(page, 'orders.status of order-1').click();
    await expect.poll(() => litEvents(page)).toEqual(['#11']);
    expect(await page.getByRole('status').filter({ hasText: 'orders.status of order-1' }).innerText()).toContain('was made by event #11 OrderDelivered');

    await fieldButton(page, 'summary.totalOrders').click();
    await expect.poll(() => litEvents(page)).toEqual(['#1', '#2', '#8']);

    // Seed 004's temporal query, at the time of the newest event (#12): order 2 had been cancelled by then.
    await page.getByLabel('Order', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Ask the history' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'Order 2 was' }).innerText()).toMatch(/^Order 2 was cancelled: set by event #9 OrderCancelled/);
  });

  it('switching an event off recomputes the state in a sandbox; the store keeps every event', async () => {
    const page = await openWithDemoStory();
    await page.getByLabel('Walk').selectOption('order-1');
    await expect.poll(() => stateStatus(page).innerText()).toBe('delivered');

    await page.getByRole('checkbox', { name: 'Include event #3 OrderConfirmed' }).uncheck();
    await expect.poll(() => stateStatus(page).innerText()).toBe('pending');
    const whatIf = page.getByRole('region', { name: 'What-if' });
    expect(await whatIf.innerText()).toContain('events are immutable; this is a what-if view'.replace(/^e/, 'E'));
    expect(await whatIf.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('OrderProcessingStarted at #5 no longer follows: the order would be pending.'),
      expect.stringContaining('OrderShipped at #7 no longer follows: the order would be pending.'),
      expect.stringContaining('OrderDelivered at #11 no longer follows: the order would be pending.'),
    ]);
    await shot(page, `${screenshotDir}/time-travel-what-if.png`, { fullPage: true });

    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The store holds' }).innerText()).toBe('The store holds 12 events.');
    // The simulator's own event log, read from the store, still lists all twelve.
    await page.getByRole('link', { name: 'Simulator' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Event log' }).getByRole('row').count()).toBe(13);

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('link', { name: 'Time travel' }).click();
    // A new visit starts at the head of the whole log: #12 confirms order 3.
    await fieldButton(page, 'state.status of order-3').waitFor();
    await shot(page, `${screenshotDir}/time-travel-dark.png`, { fullPage: true });
  });

  it('a deleted order: the CRUD row lost the whole row, named by what it held', async () => {
    const { page } = await openApp('#/simulator');
    const orderId = await placeOrder(page);
    await pickCommand(page, 'Delete an order');
    const form = page.getByRole('region', { name: 'Delete an order' });
    await form.getByLabel('Order ID').fill(orderId);
    await form.getByRole('button', { name: 'Delete order' }).click();
    await form.getByRole('status').filter({ hasText: /Appended OrderDeleted/ }).waitFor();

    await page.getByRole('link', { name: 'Time travel' }).click();
    await page.getByLabel('Walk').selectOption(`order-${orderId}`);
    const lost = page.getByRole('note').filter({ hasText: 'lost the whole row' });
    await expect.poll(() => lost.innerText()).toBe('lost the whole row: status pending, 2 × Laptop @ 999.99 (deleted)');
    expect(await page.getByRole('main').innerText()).not.toContain('[object Object]');
  });

  it('a seeded store: the event log scrolls in its card, showing the event at the scrubber, instead of lengthening the page', async () => {
    const { page } = await openApp('#/data');
    await page.getByLabel('Orders').fill('100');
    await page.getByRole('button', { name: 'Seed', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Seeded [\d,]+ events \(100 orders\)/ }).waitFor();

    await page.getByRole('link', { name: 'Time travel' }).click();
    const log = page.getByRole('list', { name: 'Event log' });
    await expect.poll(() => log.getByRole('listitem').count()).toBeGreaterThan(300);
    const logBox = (await log.boundingBox())!;
    expect(logBox.height).toBeLessThan(900);
    // At the head of the log the newest event is the current one, and it is scrolled into view.
    const current = log.locator('li[aria-current="step"]');
    await expect.poll(async () => {
      const box = await current.boundingBox();
      return box !== null && box.y >= logBox.y && box.y + box.height <= logBox.y + logBox.height;
    }).toBe(true);
    // The seeded shop's long emails wrap, so each order's status history stays inside the read model's card.
    const orders = page.getByRole('region', { name: 'Orders read model' });
    const ordersBox = (await orders.boundingBox())!;
    const history = (await orders.getByRole('button', { name: /^orders\.statusHistory of / }).first().boundingBox())!;
    expect(history.x + history.width).toBeLessThanOrEqual(ordersBox.x + ordersBox.width);
    await shot(page, `${screenshotDir}/time-travel-seeded.png`, { fullPage: true });
  });

  it('on a 1024 px projector with large text the event log goes under the state, which keeps its width', async () => {
    const page = await openWithDemoStory();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Large text' }).click();
    // At the head of the whole log the state shown is order 3's, which #12 confirmed.
    const status = fieldButton(page, 'state.status of order-3');
    await expect.poll(() => status.innerText()).toBe('confirmed');
    const log = await page.getByRole('list', { name: 'Event log' }).boundingBox();
    const value = await status.boundingBox();
    // One line for "confirmed", not a letter column; and the log starts below it rather than beside it.
    expect(value!.height).toBeLessThan(40);
    expect(log!.y).toBeGreaterThan(value!.y);
    expect(log!.x).toBeLessThan(value!.x);
    await shot(page, `${screenshotDir}/time-travel-large-1024.png`, { fullPage: true });
  });
});
