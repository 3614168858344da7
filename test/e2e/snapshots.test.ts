import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';

/** An instructor shows seed 003's long tail: a snapshot makes a load read fewer events than a full replay. */

mkdirSync(screenshotDir, { recursive: true });

const chart = (page: Page) => page.getByRole('table', { name: 'Cost of rebuilding the cart, by snapshot policy' });

/** The "events read" figure of one policy's row. */
async function eventsRead(page: Page, policy: string | RegExp): Promise<number> {
  const cells = await chart(page).getByRole('row', { name: policy }).getByRole('cell').allInnerTexts();
  return Number(cells[1]!.replace(/[^\d]/g, ''));
}

describe('the snapshot demo', () => {
  it('reads fewer events with a snapshot than by full replay, and rebuilds the same cart', async () => {
    const { page } = await openApp('#/snapshots');
    // A smaller cart than the default 10,000 keeps the CI run short; the effect is the same.
    await page.getByLabel('Events in the cart').fill('2500');
    await page.getByLabel('Snapshot every').selectOption({ label: '1,000 events' });
    await page.getByRole('button', { name: 'Build and measure' }).click();
    await expect.poll(() => page.getByRole('progressbar').count(), { timeout: 5_000 }).toBe(1);
    await expect.poll(() => chart(page).count(), { timeout: 30_000 }).toBe(1);

    expect(await eventsRead(page, /None \(full replay\)/)).toBe(2_500);
    expect(await eventsRead(page, /Every 1,000 events/)).toBe(500);
    // 2,500 = 8 × 300 + 100: the last snapshot is at 2,400, so 100 events are left to replay.
    expect(await eventsRead(page, /Every 300 events/)).toBe(100);
    // 3,000 > 2,500: no snapshot has been taken yet, so that policy still replays everything.
    expect(await eventsRead(page, /Every 3,000 events/)).toBe(2_500);
    expect(await page.getByRole('status').filter({ hasText: 'Full replay read' }).innerText()).toMatch(
      /Full replay read 2,500 events in [\d.]+ ms\. Snapshot every 1,000 events: read 500 events in [\d.]+ ms \(the snapshot at event 2,000, then the 500 events after it\)/,
    );
    expect(await page.getByText('Every policy rebuilt the same cart ✓').count()).toBe(1);
    await shot(page, `${screenshotDir}/snapshots-light.png`, { fullPage: true });

    // Choosing another interval changes the comparison at once, from the same measurements.
    await page.getByLabel('Snapshot every').selectOption({ label: '300 events' });
    expect(await page.getByRole('status').filter({ hasText: 'Full replay read' }).innerText()).toMatch(/read 100 events/);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/snapshots-dark.png`, { fullPage: true });
  });

  it('refuses a cart size out of range and says what it accepts', async () => {
    const { page } = await openApp('#/snapshots');
    await page.getByLabel('Events in the cart').fill('5');
    await page.getByRole('button', { name: 'Build and measure' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/whole number from 100 to 50,000/);
  });

  it('an empty cart size gets the same message, and the field stays empty (not "NaN")', async () => {
    const { page } = await openApp('#/snapshots');
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const field = page.getByLabel('Events in the cart');
    await field.fill('');
    await page.getByRole('button', { name: 'Build and measure' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/whole number from 100 to 50,000/);
    expect(await field.inputValue()).toBe('');
    expect(warnings.filter((warning) => warning.includes('NaN'))).toEqual([]);
  });
});
