import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';

/** A person seeds a shop history, saves it to a file, resets, loads the file back; a corrupt file changes nothing. */

mkdirSync(screenshotDir, { recursive: true });

const storeStatus = (page: Page) => page.getByRole('region', { name: 'The store' });
const eventsInStore = async (page: Page): Promise<number> => {
  const text = (await storeStatus(page).getByRole('status').textContent()) ?? '';
  return Number(/holds ([\d,]+) events/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
};
const readModelsUpToDate = (page: Page) => storeStatus(page).getByText(/Read models: up to date/);

/** Clicks Export and returns the downloaded file's lines. */
async function exportFile(page: Page, name: string): Promise<string[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export events' }).click(),
  ]);
  const path = join(screenshotDir, name);
  await download.saveAs(path);
  return readFileSync(path, 'utf8').trimEnd().split('\n');
}

const withoutExportTime = (lines: readonly string[]) => [{ ...JSON.parse(lines[0]!), exportedAt: null }, ...lines.slice(1)];

describe('the Data screen', () => {
  it('seeds orders, exports them, resets, and imports the file back to the same store', async () => {
    const { page } = await openApp('#/data');
    await page.getByRole('heading', { name: 'Data', level: 2 }).waitFor();

    await page.getByLabel('Orders').fill('150');
    await page.getByLabel('Seed number').fill('7');
    const announced = Number(/make ([\d,]+) events/.exec((await page.locator('#seed-count').textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    await page.getByRole('button', { name: 'Seed', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Seeded [\d,]+ events \(150 orders\)/ }).waitFor();
    await readModelsUpToDate(page).waitFor();
    expect(await eventsInStore(page)).toBe(announced);
    await shot(page, `${screenshotDir}/data-seeded.png`, { fullPage: true });

    const exported = await exportFile(page, 'data-export.jsonl');
    expect(exported.length).toBe(announced + 1);
    expect(JSON.parse(exported[0]!)).toMatchObject({ format: 'event-workbook-events', version: 1, events: announced });

    await page.getByRole('button', { name: 'Reset the simulator…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the simulator?' });
    await dialog.waitFor();
    await shot(page, `${screenshotDir}/data-reset-dialog.png`);
    await dialog.getByRole('button', { name: 'Reset everything' }).click();
    await page.getByRole('status').filter({ hasText: 'The simulator was reset' }).waitFor();
    await expect.poll(() => eventsInStore(page)).toBe(0);

    await page.getByLabel('Events file to import').setInputFiles(join(screenshotDir, 'data-export.jsonl'));
    await page.getByRole('button', { name: 'Import and replace the store' }).click();
    await page.getByRole('status').filter({ hasText: `Imported ${announced.toLocaleString('en-US')} events` }).waitFor();
    await readModelsUpToDate(page).waitFor();
    expect(await eventsInStore(page)).toBe(announced);

    const again = await exportFile(page, 'data-export-again.jsonl');
    expect(withoutExportTime(again)).toEqual(withoutExportTime(exported));
  });

  it('refuses a corrupt file with its line and reason, and changes nothing', async () => {
    const { page } = await openApp('#/data');
    await page.getByLabel('Orders').fill('20');
    await page.getByRole('button', { name: 'Seed', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Seeded/ }).waitFor();
    const before = await eventsInStore(page);
    const lines = await exportFile(page, 'data-corrupt-source.jsonl');

    const corrupt = [...lines];
    corrupt[6] = corrupt[6]!.replace('"type":"', '"type":"Not');
    await page.getByLabel('Events file to import').setInputFiles({
      name: 'corrupt.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(corrupt.join('\n')),
    });
    await page.getByRole('button', { name: 'Import and replace the store' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Nothing was imported\. Line 7: unknown event type "NotOrder/);
    await shot(page, `${screenshotDir}/data-import-refused.png`, { fullPage: true });
    expect(await eventsInStore(page)).toBe(before);
    expect(withoutExportTime(await exportFile(page, 'data-corrupt-after.jsonl'))).toEqual(withoutExportTime(lines));
  });
});
