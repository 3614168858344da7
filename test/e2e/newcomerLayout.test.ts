import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';
import { placeOrderForm, readModels } from './simulatorSupport';

/**
 * Issue 18, as a newcomer meets the screens at 1024 px: an order with long ids is never cut off in the read-model
 * table (it fits, or the table scrolls and says so), and the trace's recent commands are cards of one height whose
 * ids wrap between their parts.
 */

const longCustomer = 'customer-0f6c1e2a-94d1-4c1b-a8e3-5f2b7d9c0e4a-emea-wholesale';
const longEmail = 'procurement.department.north-west@very-long-company-name.example.com';

async function placeLongOrder(page: Page): Promise<void> {
  const form = placeOrderForm(page);
  await form.getByLabel('Customer ID').fill(longCustomer);
  await form.getByLabel('Customer email').fill(longEmail);
  await form.getByRole('button', { name: 'Place order' }).click();
  await form.getByRole('status').filter({ hasText: /Order .+ placed/ }).waitFor();
}

/** How far the table reaches past its scrolling box, and whether the box says it scrolls. */
async function tableOverflow(page: Page): Promise<{ hidden: number; hint: boolean }> {
  const box = readModels(page).getByRole('region', { name: 'All orders (filters) table' });
  await readModels(page).getByRole('cell', { name: longCustomer }).waitFor();
  const hidden = await box.evaluate((element) => element.scrollWidth - element.clientWidth);
  const hint = await readModels(page).getByText('Wider than the panel: scroll sideways for the other columns').isVisible();
  return { hidden, hint };
}

describe('screens at 1024 px with long ids', () => {
  it('the read-model table fits at 1024 px, and in large text it scrolls and says so; trace cards are even', async () => {
    // Two seeded orders (short correlation ids) and one placed here (a UUID): cards whose ids take different room.
    const { page } = await openApp('#/data');
    const seed = page.getByRole('region', { name: 'Seed a data set' });
    await seed.getByLabel('Orders').fill('2');
    await seed.getByRole('button', { name: 'Seed', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Seeded \d/ }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Simulator' }).click();
    await page.setViewportSize({ width: 1024, height: 900 });
    await placeLongOrder(page);

    // Normal text: every column fits, the total on one line.
    await expect.poll(async () => (await tableOverflow(page)).hidden).toBeLessThanOrEqual(1);
    expect(await tableOverflow(page)).toMatchObject({ hint: false });
    const total = readModels(page).getByRole('cell', { name: '1999.98' }).first();
    // One box per line the text takes.
    const linesOf = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    };
    expect(await total.evaluate(linesOf)).toBe(1);

    // Large text: what does not fit scrolls inside the panel, and the panel says so.
    await page.getByRole('banner').getByRole('button', { name: 'Large text' }).click();
    await expect.poll(() => tableOverflow(page)).toSatisfy(({ hidden, hint }: { hidden: number; hint: boolean }) => hidden <= 1 || hint);
    await shot(readModels(page), `${screenshotDir}/read-models-1024-large.png`);

    // At 1366 px the recent commands are a narrow column beside the trace, where ids wrap.
    await page.getByRole('banner').getByRole('button', { name: 'Large text' }).click();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('navigation').getByRole('link', { name: 'Trace' }).click();
    const cards = page.getByRole('list', { name: 'Recent commands' }).getByRole('listitem');
    await cards.first().waitFor();
    const heights = await cards.evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().height)));
    expect(heights.length).toBeGreaterThan(2);
    expect(new Set(heights).size).toBe(1);
  });
});
