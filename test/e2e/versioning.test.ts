import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fieldButton, openApp, screenshotDir, shot } from './support';

/**
 * Event versioning: the same order stream read by a store without the upcaster and through it, the student's own
 * OrderPlaced v1, and an export file from before OrderPlaced had prices, imported into the app.
 */

const asStored = (page: Page) => page.getByRole('region', { name: 'As stored (schemaVersion 1, raw)' });
const throughUpcaster = (page: Page) => page.getByRole('region', { name: 'As read through the upcaster' });
const storedBytes = (page: Page) => page.getByRole('group', { name: 'Stored event 1 after reading' });
const changesTable = (page: Page) => page.getByRole('table', { name: 'What the upcaster changed in event 1' });
const v1Editor = (page: Page) => page.getByLabel('Stored OrderPlaced v1 data (JSON)');
const storeAndRead = (page: Page) => page.getByRole('button', { name: 'Store and read both ways' });

async function openVersioning(): Promise<Page> {
  const { page } = await openApp('#/versioning');
  await page.getByRole('heading', { name: 'Event versioning: one stream, read two ways', level: 2 }).waitFor();
  await changesTable(page).waitFor();
  return page;
}

describe('event versioning', () => {
  it('shows the stored v1 stream failing today\'s code beside the upcast one, and the stored bytes unchanged', async () => {
    const page = await openVersioning();

    const raw = asStored(page);
    expect(await raw.getByRole('group', { name: 'Event 1 JSON' }).innerText()).toContain('"schemaVersion": 1,');
    expect(await raw.getByRole('group', { name: 'Event 1 JSON' }).innerText()).toContain('"product": "Laptop",');
    expect(await raw.getByRole('definition').allInnerTexts()).toContain('undefined (missing)');
    const rawChecks = await raw.getByRole('list', { name: "What today's code does with it" }).getByRole('listitem').allInnerTexts();
    expect(rawChecks).toEqual([
      expect.stringMatching(/orderTotal\(state\.items\): throws TypeError: Cannot read properties of undefined/),
      expect.stringContaining('lists 0 orders: order 1001 is missing'),
      expect.stringContaining('revenue: NaN'),
    ]);

    const upcast = throughUpcaster(page);
    const upcastJson = await upcast.getByRole('group', { name: 'Event 1 JSON' }).innerText();
    expect(upcastJson).toContain('"schemaVersion": 2,');
    expect(upcastJson).toContain('"items": [{"product":"Laptop","quantity":2,"unitPrice":0}],');
    expect(upcastJson).toContain('(added by the upcaster)');
    expect(await upcast.getByRole('list', { name: "What today's code does with it" }).innerText()).toContain('lists order 1001: 1 item, total 0');
    expect(await upcast.getByRole('definition').allInnerTexts()).not.toContain('undefined (missing)');

    const rows = await changesTable(page).getByRole('row').allInnerTexts();
    expect(rows).toContainEqual(expect.stringMatching(/^data\.items\s+—\s+\[\{"product":"Laptop","quantity":2,"unitPrice":0\}\]\s+added$/));
    expect(rows).toContainEqual(expect.stringMatching(/^data\.product\s+"Laptop"\s+—\s+dropped$/));

    expect(await page.getByRole('status').filter({ hasText: 'Stored event 1 after both reads' }).innerText()).toMatch(
      /schemaVersion 1, \d+ bytes, identical to before\./,
    );
    expect(await storedBytes(page).innerText()).toContain('"schemaVersion": 1,');
    expect(await page.getByRole('list').filter({ hasText: 'unitPrice is 0 because v1 never knew prices' }).count()).toBe(1);

    expect(await upcast.getByRole('definition').allInnerTexts()).toContain('0 (from the upcaster)');
    await shot(asStored(page), `${screenshotDir}/versioning-as-stored.png`);
    await shot(page, `${screenshotDir}/versioning.png`, { fullPage: true });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/versioning-dark.png`, { fullPage: true });

    // Large text on a 1024-pixel screen: the two readings stack instead of squeezing, and nothing widens the page.
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole('button', { name: 'Large text' }).click();
    const [storedBox, upcastBox] = [await asStored(page).boundingBox(), await throughUpcaster(page).boundingBox()];
    expect(upcastBox!.y).toBeGreaterThan(storedBox!.y + storedBox!.height - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await shot(page, `${screenshotDir}/versioning-large-text.png`, { fullPage: true });
    await shot(changesTable(page), `${screenshotDir}/versioning-large-text-changes.png`);
  });

  it('reads the student\'s edited v1 event both ways; bad JSON and a v1 the upcaster refuses change nothing', async () => {
    const page = await openVersioning();
    await v1Editor(page).fill(
      JSON.stringify({ orderId: '1001', customerId: 123, product: 'Desk', quantity: 5, placedAt: '2025-03-01T09:00:00.000Z' }, null, 2),
    );
    await storeAndRead(page).click();
    const upcastJson = throughUpcaster(page).getByRole('group', { name: 'Event 1 JSON' });
    await expect.poll(() => upcastJson.innerText()).toContain('"items": [{"product":"Desk","quantity":5,"unitPrice":0}],');
    expect(await upcastJson.innerText()).toContain('"customerId": "123",');
    expect(await asStored(page).getByRole('group', { name: 'Event 1 JSON' }).innerText()).toContain('"customerId": 123,');
    expect(await changesTable(page).getByRole('row').allInnerTexts()).toContainEqual(
      expect.stringMatching(/^data\.customerId\s+123\s+"123"\s+changed$/),
    );
    expect(await storedBytes(page).innerText()).toContain('"product": "Desk",');

    await v1Editor(page).fill('{"orderId": "1001", ');
    await storeAndRead(page).click();
    const alert = page.getByRole('alert');
    expect(await alert.innerText()).toMatch(/^This is not JSON: .+ Nothing was stored/);
    expect(await v1Editor(page).getAttribute('aria-invalid')).toBe('true');

    await v1Editor(page).fill(
      JSON.stringify({ orderId: '1001', customerId: '123', product: 'Desk', quantity: 'two', placedAt: '2025-03-01T09:00:00.000Z' }),
    );
    await storeAndRead(page).click();
    await expect.poll(() => alert.innerText()).toMatch(/^The upcaster refuses this OrderPlaced v1: quantity: must be a whole number of at least 1\./);
    // Both sides still show the last good event.
    expect(await upcastJson.innerText()).toContain('"quantity":5');
    expect(await storedBytes(page).innerText()).toContain('"quantity": 5,');
    await shot(page, `${screenshotDir}/versioning-refused.png`, { fullPage: true });

    await page.getByRole('button', { name: "Restore seed 000's event" }).click();
    await expect.poll(() => upcastJson.innerText()).toContain('"product":"Laptop"');
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('a product at the 200-letter limit in the student\'s v1 wraps in every panel instead of widening the page', async () => {
    const page = await openVersioning();
    const product = 'p'.repeat(200);
    await v1Editor(page).fill(JSON.stringify({ orderId: '1001', customerId: '123', product, quantity: 2, placedAt: '2025-03-01T09:00:00.000Z' }));
    await storeAndRead(page).click();
    await page.getByRole('list').filter({ hasText: `product "${product}"` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  it('imports an export written while OrderPlaced was v1, and time travel shows the old order with its item', async () => {
    const { page } = await openApp('#/data');
    await page.getByRole('heading', { name: 'Data', level: 2 }).waitFor();
    await page.getByLabel('Events file to import').setInputFiles(fileURLToPath(new URL('../fixtures/seed000-v1-export.jsonl', import.meta.url)));
    await page.getByRole('button', { name: 'Import and replace the store' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 8 events' }).waitFor();

    await page.goto(page.url().replace(/#.*$/, '#/time-travel'));
    await page.getByLabel('Walk').selectOption('order-1001');
    const state = (field: string) => fieldButton(page, `state.${field} of order-1001`);
    await expect.poll(() => state('status').innerText()).toBe('shipped');
    expect(await state('items').innerText()).toBe('2 × Laptop @ 0');
    expect(await state('customerId').innerText()).toBe('123');
    expect(await fieldButton(page, 'orders.status of order-1002').innerText()).toBe('cancelled');
    await shot(page, `${screenshotDir}/versioning-old-export-time-travel.png`, { fullPage: true });
  });
});
