import type { Page } from 'playwright-core';

/**
 * Seeds the app's own database from the Data screen, as a person does: "Largest" (up to 100,000 events) or a number
 * of orders typed in, then Seed, until the screen says it is done. The app stays open on the Data screen (its
 * projector and CRUD twin following the seed, as they do for a person); the next screen is reached by its link.
 */
export async function seedFromDataScreen(
  page: Page,
  base: string,
  orders: number | 'largest',
  log: (line: string) => void,
): Promise<{ readonly stored: number; readonly fillMs: number }> {
  await page.goto('about:blank');
  await page.goto(`${base}index.html#/data`);
  if (orders === 'largest') await page.getByRole('button', { name: /^Largest/ }).click();
  else await page.getByRole('spinbutton', { name: 'Orders' }).fill(String(orders));
  const announced = /make ([\d,]+) events/.exec((await page.locator('#seed-count').textContent()) ?? '')?.[1];
  const started = Date.now();
  await page.getByRole('button', { name: 'Seed', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^\s*Seeded/ }).waitFor({ timeout: 900_000 });
  const fillMs = Date.now() - started;
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('event-workbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('events', 'readonly').objectStore('events').count();
          count.onerror = () => reject(count.error);
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
  if (announced !== undefined && Number(announced.replaceAll(',', '')) !== stored) {
    throw new Error(`The Data screen announced ${announced} events, but the log holds ${stored}.`);
  }
  log(`  seeded ${stored.toLocaleString('en-US')} events from the Data screen in ${(fillMs / 1000).toFixed(1)} s`);
  return { stored, fillMs };
}
