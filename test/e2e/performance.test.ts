import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApp, screenshotDir, shot } from './support';

/** The Performance page runs the browser benchmarks live, in this page's IndexedDB, and plots them. */

mkdirSync(screenshotDir, { recursive: true });

describe('the Performance page', () => {
  it('runs the benchmarks with a progress bar, then shows each ratio in a table and the two charts', { timeout: 120_000 }, async () => {
    const { page } = await openApp('#/performance');
    await page.getByRole('combobox', { name: 'Size' }).selectOption('glance');
    await page.getByRole('button', { name: 'Run benchmarks' }).click();

    await page.getByRole('progressbar').waitFor();
    await page.getByRole('status').filter({ hasText: /Finished in/ }).waitFor({ timeout: 100_000 });

    const rows = page.getByRole('table').getByRole('row');
    const names = await rows.locator('td:first-child').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^handleCommand, 20 orders/),
        expect.stringMatching(/^batched append/),
        expect.stringMatching(/^rebuild the orders read model/),
        expect.stringMatching(/^rehydrate a 2,000-event stream/),
      ]),
    );
    // Every ratio is a measured, positive number: no row is left blank or NaN.
    for (const ratio of await rows.locator('td:nth-child(4)').allTextContents()) expect(Number(ratio.replace('×', ''))).toBeGreaterThan(0);
    await page.getByRole('img', { name: /ratio to its baseline/ }).waitFor();
    await page.getByRole('img', { name: /Cost per command/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Run benchmarks' }).isEnabled()).toBe(true);
    await shot(page, `${screenshotDir}/performance.png`, { fullPage: true });

    // Large text on a 1024-pixel screen: the results table scrolls inside its panel; the page never scrolls sideways.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Large text' }).click();
    await page.getByRole('region', { name: 'Benchmark results table' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

    // The throw-away databases are gone; the person's own store was never opened by the benchmarks.
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
    expect(databases.filter((name) => name?.startsWith('event-workbook-bench'))).toEqual([]);
  });
});

describe('cancelling a run', () => {
  it('stops before the next step, says so, and keeps no results', { timeout: 120_000 }, async () => {
    const { page } = await openApp('#/performance');
    await page.getByRole('combobox', { name: 'Size' }).selectOption('glance');
    await page.getByRole('button', { name: 'Run benchmarks' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('alert').filter({ hasText: 'Cancelled: no results were kept.' }).waitFor({ timeout: 100_000 });
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run benchmarks' }).isEnabled()).toBe(true);
  });
});
