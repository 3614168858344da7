import { describe, expect, it } from 'vitest';
import { openApp, screenshotDir, shot } from './support';
import { appendBulkUserEvents, eventLog, eventsInLog, logPanel, logRows, pickCommand, placeOrder } from './simulatorSupport';

/** The event log: open an envelope, narrow to a type or a stream, hold the list still while events keep coming. */

describe('the event log', () => {
  it('opens an event into its envelope and filters by type and by stream', async () => {
    const { page } = await openApp('#/simulator');
    const first = await placeOrder(page, 'Desk');
    const second = await placeOrder(page, 'Chair');
    await pickCommand(page, 'Confirm an order');
    await page.getByRole('region', { name: 'Confirm an order' }).getByRole('button', { name: 'Confirm order' }).click();
    await expect.poll(() => eventsInLog(page)).toBe(3);

    const toggle = eventLog(page).getByRole('button', { name: 'JSON of event 1' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const envelope = JSON.parse(await eventLog(page).getByRole('row').filter({ hasText: `order-${first}` }).getByRole('cell').last().innerText());
    expect(envelope).toMatchObject({ globalPosition: 1, streamId: `order-${first}`, streamPosition: 1, type: 'OrderPlaced', schemaVersion: 2 });
    expect(envelope.data.items[0].product).toBe('Desk');
    expect(Object.keys(envelope.metadata)).toEqual(expect.arrayContaining(['commandId', 'correlationId', 'causationId', 'recordedAt']));

    await logPanel(page).getByLabel('Event type').selectOption('OrderPlaced');
    await expect.poll(() => logRows(page)).toEqual([
      ['2', `order-${second}`, 'OrderPlaced'],
      ['1', `order-${first}`, 'OrderPlaced'],
    ]);

    // The per-stream view: one click on a stream id narrows the log to that order's history.
    await logPanel(page).getByLabel('Event type').selectOption({ label: 'All types' });
    await eventLog(page).getByRole('button', { name: `Show only stream order-${second}` }).first().click();
    await expect.poll(() => logRows(page)).toEqual([
      ['3', `order-${second}`, 'OrderConfirmed'],
      ['2', `order-${second}`, 'OrderPlaced'],
    ]);
    expect(await logPanel(page).getByLabel('Stream', { exact: true }).inputValue()).toBe(`order-${second}`);
    await shot(page, `${screenshotDir}/simulator-log-stream.png`, { fullPage: true });

    await logPanel(page).getByRole('button', { name: 'Show all events' }).click();
    await expect.poll(async () => (await logRows(page)).length).toBe(3);
  });

  it('holds still while paused, counting the new events, and shows them on resume', async () => {
    const { page } = await openApp('#/simulator');
    const first = await placeOrder(page);
    await expect.poll(() => logRows(page)).toEqual([['1', `order-${first}`, 'OrderPlaced']]);

    await logPanel(page).getByRole('button', { name: 'Pause the log' }).click();
    const second = await placeOrder(page);
    const third = await placeOrder(page);
    await expect.poll(async () => logPanel(page).getByRole('status').textContent()).toBe('2 new events');
    expect(await logRows(page)).toEqual([['1', `order-${first}`, 'OrderPlaced']]);

    await logPanel(page).getByRole('button', { name: 'Resume the log' }).click();
    // A row shows its position first and its event once the block it is in has been read ("Loading…" meanwhile).
    await expect.poll(() => logRows(page)).toEqual([
      ['3', `order-${third}`, 'OrderPlaced'],
      ['2', `order-${second}`, 'OrderPlaced'],
      ['1', `order-${first}`, 'OrderPlaced'],
    ]);
    expect((await logPanel(page).getByRole('status').textContent())?.trim()).toBe('');
  });

  it('keeps only the visible rows of a 3,000-event log in the page, and reaches the oldest by scrolling', async () => {
    const { page } = await openApp('#/simulator');
    await appendBulkUserEvents(page, 3000);
    await expect.poll(() => eventsInLog(page), { timeout: 15_000 }).toBe(3000);
    await expect.poll(async () => (await logRows(page))[0]).toEqual(['3000', 'user-bulk', 'UserEmailUpdated']);

    const rowsInDom = await eventLog(page).getByRole('row').count();
    expect(rowsInDom).toBeGreaterThan(5);
    expect(rowsInDom).toBeLessThan(100);

    // Scroll to the bottom: the oldest event is read from the store and shown, still with few rows in the page.
    await eventLog(page).locator('.rows').evaluate((box) => {
      box.scrollTop = box.scrollHeight;
    });
    await expect.poll(async () => (await logRows(page)).at(-1), { timeout: 10_000 }).toEqual(['1', 'user-bulk', 'UserCreated']);
    expect(await eventLog(page).getByRole('row').count()).toBeLessThan(100);

    // A type filter over the whole log scans it in pages and lists only the match.
    await logPanel(page).getByLabel('Event type').selectOption('UserCreated');
    await expect.poll(() => logRows(page), { timeout: 10_000 }).toEqual([['1', 'user-bulk', 'UserCreated']]);
    await shot(page, `${screenshotDir}/simulator-log-3000.png`, { fullPage: true });
  });
});
