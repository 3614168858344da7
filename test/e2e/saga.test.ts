import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';
import { cancelOrder } from './simulatorSupport';

/**
 * A student runs seed 004's order saga on the Saga screen, breaks it on purpose and watches it recover: stock
 * released, payment refunded, the order cancelled with the reason, the circuit breaker opening, a reload halfway.
 */

mkdirSync(screenshotDir, { recursive: true });

async function openSaga(): Promise<Page> {
  const { page } = await openApp('#/saga');
  await page.getByRole('heading', { name: /^Saga/, level: 2 }).waitFor();
  // The catalog has loaded once the form offers a quantity per product.
  await page.getByRole('spinbutton', { name: 'Quantity of Laptop' }).waitFor();
  return page;
}

const stockCell = (page: Page, product: string, column: 'On hand' | 'Reserved' | 'Available') => {
  const index = { 'On hand': 0, Reserved: 1, Available: 2 }[column];
  return page.getByRole('table', { name: 'Stock' }).getByRole('row', { name: new RegExp(`^${product}\\b`) }).getByRole('cell').nth(index);
};
const available = async (page: Page, product: string): Promise<number> => Number(await stockCell(page, product, 'Available').innerText());

const timeline = (page: Page) => page.getByRole('region', { name: /^Timeline of order/ });
const sagaStatus = (page: Page) => timeline(page).locator('header .status');
const stepRows = (page: Page) => timeline(page).getByRole('table', { name: 'Step by step' }).getByRole('row');

async function placeOrder(page: Page, quantities: Readonly<Record<string, number>> = {}): Promise<void> {
  for (const [product, quantity] of Object.entries(quantities)) {
    await page.getByRole('spinbutton', { name: `Quantity of ${product}` }).fill(String(quantity));
  }
  await page.getByRole('button', { name: 'Place order through the saga' }).click();
  await page.getByRole('status').filter({ hasText: /placed: its saga runs below/ }).waitFor();
}

async function finalStatus(page: Page, status: 'completed' | 'compensated'): Promise<void> {
  await expect.poll(() => sagaStatus(page).innerText(), { timeout: 15_000 }).toBe(status);
}

describe('the saga screen', () => {
  it('runs an order through the saga when everything works: confirmed, stock reserved for it', async () => {
    const page = await openSaga();
    const before = await available(page, 'Laptop');

    await placeOrder(page, { Laptop: 2 });
    await finalStatus(page, 'completed');

    const rows = await stepRows(page).allInnerTexts();
    expect(rows.some((row) => /Confirm order\s+succeeded/.test(row))).toBe(true);
    expect(rows.some((row) => /compensation/.test(row))).toBe(false);
    await expect.poll(() => available(page, 'Laptop')).toBe(before - 2);
    expect(await stockCell(page, 'Laptop', 'Reserved').innerText()).toBe('2');
    // The list shows the saga, linked to its trace.
    await page.getByRole('button', { name: /Order \S+ completed/ }).waitFor();
    expect(await page.getByRole('link', { name: /^Trace of order/ }).getAttribute('href')).toMatch(/^#\/trace\/.+/);

    // Large text on a 1024-pixel screen: the panels stack instead of squeezing.
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole('button', { name: 'Large text' }).click();
    await shot(page, `${screenshotDir}/saga-completed-large-text.png`, { fullPage: true });
  });

  it('compensates a declined payment: the stock is released and the order cancelled with the reason', async () => {
    const page = await openSaga();
    const before = await available(page, 'Laptop');

    await page.getByRole('radio', { name: 'Payment declined' }).check();
    await placeOrder(page, { Laptop: 1 });
    await finalStatus(page, 'compensated');

    await timeline(page).getByText(/Why it compensated: .*declined/i).waitFor();
    const rows = await stepRows(page).allInnerTexts();
    expect(rows.some((row) => /Charge payment\s+failed/.test(row))).toBe(true);
    expect(rows.some((row) => /Release stock \(compensation\)\s+succeeded/.test(row))).toBe(true);
    expect(rows.some((row) => /Cancel order \(compensation\)\s+succeeded/.test(row))).toBe(true);
    expect(rows.some((row) => /Confirm order/.test(row))).toBe(false);
    await expect.poll(() => available(page, 'Laptop')).toBe(before);
    await shot(page, `${screenshotDir}/saga-declined-light.png`, { fullPage: true });
  });

  it('retries an unreachable payment service until the circuit opens, then compensates', async () => {
    const page = await openSaga();
    const circuit = page.getByRole('status').filter({ hasText: /^Circuit/ });
    expect(await circuit.innerText()).toMatch(/^Circuit closed/);

    await page.getByRole('radio', { name: 'Payment service down' }).check();
    await placeOrder(page, { Laptop: 1 });
    await finalStatus(page, 'compensated');

    expect(await circuit.innerText()).toMatch(/^Circuit open/);
    await page.getByText(/Half-opens in \d+(\.\d)? s/).waitFor();
    const rows = await stepRows(page).allInnerTexts();
    expect(rows.filter((row) => /Charge payment\s+retrying/.test(row)).length).toBeGreaterThanOrEqual(1);
    expect(rows.some((row) => /Release stock \(compensation\)\s+succeeded/.test(row))).toBe(true);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/saga-circuit-open-dark.png`, { fullPage: true });
  });

  it('releases the first item’s reservation when the second item is short', async () => {
    const page = await openSaga();
    const laptopsBefore = await available(page, 'Laptop');
    const miceBefore = await available(page, 'Mouse');

    await page.getByRole('radio', { name: 'Stock short' }).check();
    // The form asks for one more mouse than the shelf holds: the inventory refuses for real.
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Quantity of Mouse' }).inputValue()).toBe(String(miceBefore + 1));
    expect(await page.getByRole('spinbutton', { name: 'Quantity of Laptop' }).inputValue()).toBe('1');
    await placeOrder(page);
    await finalStatus(page, 'compensated');

    const rows = await stepRows(page).allInnerTexts();
    expect(rows.some((row) => /Reserve stock\s+succeeded.*Laptop/.test(row))).toBe(true);
    expect(rows.some((row) => /Reserve stock\s+failed.*Mouse/.test(row))).toBe(true);
    expect(rows.some((row) => /Release stock \(compensation\)\s+succeeded.*Laptop/.test(row))).toBe(true);
    expect(rows.some((row) => /Charge payment/.test(row))).toBe(false);
    await expect.poll(() => available(page, 'Laptop')).toBe(laptopsBefore);
    expect(await available(page, 'Mouse')).toBe(miceBefore);
    await shot(page, `${screenshotDir}/saga-stock-short.png`, { fullPage: true });
  });

  it('lets a flaky payment service fail as often as the slider says', async () => {
    const page = await openSaga();
    await page.getByRole('radio', { name: 'Flaky payment service' }).check();
    const rate = page.getByRole('slider', { name: 'Failure rate' });
    await rate.fill('0');
    await expect.poll(() => rate.getAttribute('aria-valuetext')).toBe('0 %');
    await placeOrder(page, { Mouse: 1 });
    await finalStatus(page, 'completed');
    expect((await stepRows(page).allInnerTexts()).some((row) => /retrying/.test(row))).toBe(false);
  });

  it('finishes a saga after a reload halfway through it', async () => {
    const page = await openSaga();
    await page.getByRole('slider', { name: 'Step delay' }).fill('1');
    await placeOrder(page, { Laptop: 1 });
    await expect.poll(() => stepRows(page).allInnerTexts(), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/Reserve stock\s+succeeded/));
    expect(await sagaStatus(page).innerText()).toBe('running');
    await shot(page, `${screenshotDir}/saga-running.png`, { fullPage: true });

    await page.reload();
    await page.getByRole('heading', { name: /^Saga/, level: 2 }).waitFor();
    await finalStatus(page, 'completed');
    const rows = await stepRows(page).allInnerTexts();
    expect(rows.filter((row) => /Reserve stock\s+succeeded/.test(row))).toHaveLength(1);
    expect(rows.some((row) => /Confirm order\s+succeeded/.test(row))).toBe(true);
  });

  it('shows the coordinator’s refusal next to the field it is about', async () => {
    const page = await openSaga();
    await page.getByRole('textbox', { name: 'Customer' }).fill('');
    await page.getByRole('spinbutton', { name: 'Quantity of Laptop' }).fill('-1');
    await page.getByRole('button', { name: 'Place order through the saga' }).click();

    const quantity = page.getByRole('spinbutton', { name: 'Quantity of Laptop' });
    await expect.poll(() => quantity.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await quantity.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`saga-order-form >> #${describedBy}`).getAttribute('role')).toBe('alert');
    expect(await page.getByRole('textbox', { name: 'Customer' }).getAttribute('aria-invalid')).toBe('true');
    const refusal = await page.getByRole('alert').filter({ hasText: 'The order was not placed.' }).innerText();
    expect(refusal).toContain('Customer is required');
    expect(refusal).toContain('Quantity of Laptop must be');
    expect(await page.getByRole('region', { name: 'Sagas' }).getByRole('button').count()).toBe(0);
    await shot(page, `${screenshotDir}/saga-refused.png`, { fullPage: true });
  });

  it('refunds and releases the stock when a person cancels the order on the Simulator after the saga confirmed it', async () => {
    const page = await openSaga();
    const before = await available(page, 'Laptop');
    await placeOrder(page, { Laptop: 1 });
    await finalStatus(page, 'completed');
    const orderId = ((await timeline(page).getByRole('heading', { level: 3 }).innerText()).match(/^Timeline of order (\S+)$/) ?? [])[1]!;
    expect(await available(page, 'Laptop')).toBe(before - 1);

    // The command panel, in the same tab: the saga coordinator hears the OrderCancelled from the store.
    await page.evaluate(() => (location.hash = '#/simulator'));
    await cancelOrder(page, orderId, 'Found it cheaper elsewhere');

    await page.evaluate((id) => (location.hash = `#/saga/${id}`), orderId);
    await expect.poll(() => sagaStatus(page).innerText(), { timeout: 15_000 }).toBe('cancelled');
    await timeline(page).getByText(/Cancelled by a person after the saga confirmed it: Found it cheaper elsewhere/).waitFor();
    const rows = await stepRows(page).allInnerTexts();
    expect(rows.some((row) => /Refund payment \(compensation\)\s+succeeded\s+Refunded 999\.99/.test(row))).toBe(true);
    expect(rows.some((row) => /Release stock \(compensation\)\s+succeeded\s+Released 1 × Laptop/.test(row))).toBe(true);
    await expect.poll(() => available(page, 'Laptop')).toBe(before);
    await shot(page, `${screenshotDir}/saga-cancelled-after-confirmation.png`, { fullPage: true });
  });

  it('“See the order’s events in time travel” opens time travel walking that order’s stream, not the whole log', async () => {
    const page = await openSaga();
    await placeOrder(page, { Laptop: 1 });
    await finalStatus(page, 'completed');
    const orderId = ((await timeline(page).getByRole('heading', { level: 3 }).innerText()).match(/^Timeline of order (\S+)$/) ?? [])[1]!;

    await timeline(page).getByRole('link', { name: 'See the order’s events in time travel' }).click();
    await expect.poll(() => page.getByLabel('Walk').inputValue()).toBe(`order-${orderId}`);
  });
});
