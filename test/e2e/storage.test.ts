import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';
import { eventsInLog, logRows, placeOrder, placeOrderForm } from './simulatorSupport';

/** Storage failures end in a message a person can act on, never in a silent hang. */

describe('storage problems in a real browser', () => {
  it('says so, and offers a reload, when another tab upgrades the database under this one', async () => {
    const { page } = await openApp('#/simulator');
    await page.getByRole('button', { name: 'Place order' }).waitFor();

    // What a newer version of the app in another tab does: open the same database at a higher version.
    const upgraded = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('event-workbook', 9999);
          request.onsuccess = () => {
            const version = request.result.version;
            request.result.close();
            resolve(version);
          };
          request.onerror = () => reject(request.error);
          request.onblocked = () => reject(new Error('the app did not let go of its connection'));
        }),
    );
    expect(upgraded).toBe(9999);

    // The app's notice, with its Reload (a screen that was reading the log at that moment says why it stopped too).
    const notice = page.getByRole('alert').filter({ hasText: 'Another tab upgraded the workbook database' }).filter({ has: page.getByRole('button', { name: 'Reload' }) });
    await notice.waitFor();
    expect(await notice.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    await shot(page, `${screenshotDir}/storage-versionchange.png`);
  });

  it('a full disk refuses one order with a message that says what to do, and loses none stored before', async () => {
    const { page, consoleErrors } = await openApp('#/simulator');
    const kept = [await placeOrder(page, 'Laptop'), await placeOrder(page, 'Monitor')];
    await expect.poll(() => eventsInLog(page)).toBe(2);

    await refuseNextEventWriteForQuota(page);
    await placeOrderForm(page).getByLabel('Product').fill('Keyboard');
    await placeOrderForm(page).getByRole('button', { name: 'Place order' }).click();
    const alert = placeOrderForm(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('the storage quota for this site is used up');
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('Nothing was written, and everything stored before is kept.');
    expect(message).toContain('Export your data (Data screen)');
    expect(message).toContain('free disk space');
    await shot(placeOrderForm(page), `${screenshotDir}/storage-quota.png`);
    expect(await eventsInLog(page)).toBe(2);

    // After a reload (the disk has room again) both orders are there, the refused one is not, and writing works.
    await page.reload();
    await expect.poll(() => eventsInLog(page)).toBe(2);
    // The count shows before the rows are read in: wait for the rows themselves.
    const keptInLog = async () => {
      const streams = (await logRows(page)).map((row) => row[1]);
      return kept.filter((orderId) => streams.some((stream) => stream?.includes(orderId)));
    };
    await expect.poll(keptInLog).toEqual(kept);
    await placeOrder(page, 'Keyboard');
    await expect.poll(() => eventsInLog(page)).toBe(3);
    expect(consoleErrors).toEqual([]);
  });

  it('the Data screen says how much the workbook stores in this browser and whether it is persistent', async () => {
    const { page } = await openApp('#/data');
    const usage = page.getByRole('paragraph').filter({ hasText: /^\s*Browser storage:/ });
    await expect.poll(async () => (await usage.textContent())?.replace(/\s+/g, ' ').trim()).toMatch(
      /^Browser storage: [\d.,]+ (bytes|KB|MB|GB) of [\d.,]+ (KB|MB|GB|TB) used \((less than 0\.1|[\d.]+) %\)\. Stored in this browser, persistent: (yes|no)/,
    );
    await shot(usage, `${screenshotDir}/storage-usage.png`);
  });
});

/**
 * What a browser does when the site's quota is used up, for exactly one write to the events table: IndexedDB's
 * add/put throws a QuotaExceededError and the transaction aborts. (A real full disk cannot be made on demand.)
 */
async function refuseNextEventWriteForQuota(page: Page): Promise<void> {
  await page.evaluate(() => {
    const prototype = IDBObjectStore.prototype;
    const original = { add: prototype.add, put: prototype.put };
    let refused = false;
    for (const method of ['add', 'put'] as const) {
      prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (!refused && this.name === 'events') {
          refused = true;
          prototype.add = original.add;
          prototype.put = original.put;
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original[method].apply(this, args);
      };
    }
  });
}
