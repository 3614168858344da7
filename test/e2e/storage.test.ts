import { describe, expect, it } from 'vitest';
import { openApp, screenshotDir } from './support';

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

    const notice = page.getByRole('alert').filter({ hasText: 'Another tab upgraded the workbook database' });
    await notice.waitFor();
    expect(await notice.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}/storage-versionchange.png` });
  });
});
