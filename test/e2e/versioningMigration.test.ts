import { describe, expect, it, vi } from 'vitest';
import { openApp, screenshotDir, shot } from './support';
import { cancelOrder, placeOrder } from './simulatorSupport';

/**
 * Lesson 11's copy-and-transform on the student's own store: an order placed and cancelled on the Simulator is
 * copied into order-v2-<id>, the old stream ends with a marker, both are shown side by side, a second run copies
 * nothing, and a reload shows both streams again.
 */

describe('copy and transform an order stream', () => {
  it('migrates a real order, shows both streams, writes nothing the second time, and keeps both over a reload', async () => {
    const { page, consoleErrors } = await openApp('#/simulator');
    const orderId = await placeOrder(page, 'Desk lamp');
    await cancelOrder(page, orderId, 'ordered twice');

    await page.getByRole('navigation').getByRole('link', { name: 'Versioning' }).click();
    const section = page.getByRole('region', { name: 'Copy and transform one of your orders' });
    const techniques = section.getByRole('list', { name: 'When each technique is right' }).getByRole('listitem');
    await expect
      .poll(async () => (await techniques.allInnerTexts()).map((line) => line.split(':')[0]))
      .toEqual(['Tolerant reader', 'Upcasting on read', 'New event type', 'Copy and transform']);
    // The screen reads the store's order streams after it opens: the picker fills in when they arrive.
    await expect.poll(() => section.getByLabel('Order stream to migrate').inputValue()).toBe(orderId);

    const oldSide = section.getByRole('region', { name: `order-${orderId}, as stored` });
    const newSide = section.getByRole('region', { name: `order-v2-${orderId}, the copy` });
    await section.getByRole('button', { name: 'Copy and transform' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: `Copied 2 events into order-v2-${orderId} and ended order-${orderId} with a StreamMigrated marker.` })
      .waitFor();
    const expectBoth = async () => {
      expect(await oldSide.getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringMatching(/^1\. OrderPlaced v2\n+Copied as it is\./),
        expect.stringMatching(/^2\. OrderCancelled v1\n+Copied as it is\./),
        expect.stringMatching(new RegExp(`^3\\. StreamMigrated v1\\n+The marker: this stream ends here, writers go to order-v2-${orderId}\\.`)),
      ]);
      const copies = await newSide.getByRole('listitem').allInnerTexts();
      expect(copies).toHaveLength(2);
      expect(copies[0]).toMatch(/^1\. OrderPlaced v2\n+Copied from event \S+:0\. Same type, schema version and data/);
      expect(copies[1]).toMatch(/^2\. OrderCancelled v1\n+Copied from event \S+:0\./);
      expect(await newSide.getByRole('group', { name: `order-v2-${orderId}, the copy: event 2 JSON` }).innerText()).toContain('"reason": "ordered twice"');
    };
    await vi.waitFor(expectBoth, { timeout: 20_000, interval: 100 });
    await shot(section, `${screenshotDir}/versioning-copy-and-transform.png`);

    await section.getByRole('button', { name: 'Copy and transform' }).click();
    await section.getByRole('status').filter({ hasText: `order-${orderId} was already migrated: order-v2-${orderId} holds all 2 copies and nothing was written again.` }).waitFor();
    await vi.waitFor(expectBoth, { timeout: 20_000, interval: 100 });

    await page.reload();
    await newSide.getByRole('listitem').nth(1).waitFor();
    await vi.waitFor(expectBoth, { timeout: 20_000, interval: 100 });
    expect(consoleErrors).toEqual([]);
  });
});
