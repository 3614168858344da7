import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';

/** A person places orders from the simulator screen and watches the event log record them. */

mkdirSync(screenshotDir, { recursive: true });

type OrderInput = {
  readonly customerId: string;
  readonly customerEmail: string;
  readonly product: string;
  readonly quantity: string;
  readonly unitPrice: string;
};

const keyboardOrder: OrderInput = {
  customerId: 'customer-42',
  customerEmail: 'grace@example.com',
  product: 'Mechanical keyboard',
  quantity: '3',
  unitPrice: '49.50',
};

/** The place-order form; the read-model filters on the same screen have fields of the same names. */
const placeOrderForm = (page: Page) => page.getByRole('region', { name: 'Place an order' });

async function fillOrder(page: Page, order: OrderInput): Promise<void> {
  const form = placeOrderForm(page);
  await form.getByLabel('Customer ID').fill(order.customerId);
  await form.getByLabel('Customer email').fill(order.customerEmail);
  await form.getByLabel('Product').fill(order.product);
  await form.getByLabel('Quantity').fill(order.quantity);
  await form.getByLabel('Unit price').fill(order.unitPrice);
}

/** Places the order and returns the id the confirmation names. */
async function placeOrder(page: Page, order: OrderInput): Promise<string> {
  const confirmations = page.getByRole('status').filter({ hasText: /Order .+ placed/ });
  // The previous order's confirmation may still be on screen: wait for a confirmation naming another order.
  const before = (await confirmations.count()) > 0 ? await confirmations.first().textContent() : null;
  await fillOrder(page, order);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect.poll(async () => ((await confirmations.count()) > 0 ? confirmations.first().textContent() : null)).not.toBe(before);
  await expect.poll(() => confirmations.count()).toBe(1);
  const orderId = /Order (.+) placed/.exec((await confirmations.first().textContent()) ?? '')?.[1];
  expect(orderId).toBeDefined();
  return orderId ?? '';
}

const eventLog = (page: Page) => page.getByRole('table', { name: 'Event log' });

/** The log's rows as the person reads them: position, stream, type. Header row excluded. */
async function logRows(page: Page): Promise<string[][]> {
  const rows = await eventLog(page).getByRole('row').all();
  const cells = await Promise.all(rows.slice(1).map((row) => row.getByRole('cell').allInnerTexts()));
  return cells.map((row) => row.slice(0, 3).map((text) => text.trim()));
}

describe('placing an order from the simulator', () => {
  it('records an OrderPlaced event in the order’s stream and shows it in the event log', async () => {
    const { page } = await openApp('#/simulator');
    await shot(page, `${screenshotDir}/simulator-empty.png`, { fullPage: true });

    const orderId = await placeOrder(page, keyboardOrder);

    await eventLog(page).waitFor();
    // Polled: the row may still be drawing its placeholder ("Loading…") when the table appears.
    await expect.poll(() => logRows(page)).toEqual([['1', `order-${orderId}`, 'OrderPlaced']]);
    await shot(page, `${screenshotDir}/simulator-order-placed.png`, { fullPage: true });

    // The envelope behind the row carries what was typed, as data (not markup).
    const row = eventLog(page).getByRole('row').filter({ hasText: `order-${orderId}` });
    await row.getByText('JSON').click();
    const envelope = await row.getByRole('cell').last().innerText();
    expect(envelope).toContain('"type": "OrderPlaced"');
    expect(envelope).toContain('"customerId": "customer-42"');
    expect(envelope).toContain('Mechanical keyboard');
    await shot(page, `${screenshotDir}/simulator-envelope.png`, { fullPage: true });
  });

  it('shows markup typed into a field as text, never running it', async () => {
    const { page } = await openApp('#/simulator');
    const product = 'Keyboard <img src=x onerror=window.injected=1>';
    const orderId = await placeOrder(page, { ...keyboardOrder, product });

    const row = eventLog(page).getByRole('row').filter({ hasText: `order-${orderId}` });
    await row.getByText('JSON').click();
    expect(await row.getByRole('cell').last().innerText()).toContain(JSON.stringify(product));
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    expect(await page.getByRole('img').count()).toBe(0);
  });

  it('shows a newer order above an older one', async () => {
    const { page } = await openApp('#/simulator');
    const first = await placeOrder(page, keyboardOrder);
    const second = await placeOrder(page, { ...keyboardOrder, product: 'Monitor', quantity: '1' });

    await expect.poll(() => logRows(page)).toEqual([
      ['2', `order-${second}`, 'OrderPlaced'],
      ['1', `order-${first}`, 'OrderPlaced'],
    ]);
  });

  it('refuses a quantity of -1 next to the field, and writes no event', async () => {
    const { page } = await openApp('#/simulator');
    const accepted = await placeOrder(page, keyboardOrder);

    await fillOrder(page, { ...keyboardOrder, quantity: '-1' });
    await page.getByRole('button', { name: 'Place order' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/not placed.*Quantity .*at least 1/s);
    const quantity = placeOrderForm(page).getByLabel('Quantity');
    expect(await quantity.getAttribute('aria-invalid')).toBe('true');
    const quantityMessage = await quantity.evaluate((input) =>
      ((input as HTMLElement & { ariaDescribedByElements?: Element[] }).ariaDescribedByElements ?? [])
        .map((element) => element.textContent ?? '')
        .join(' ')
        .trim(),
    );
    expect(quantityMessage).toMatch(/^Quantity .*at least 1/);
    // Only the field at fault is marked.
    expect(await placeOrderForm(page).getByLabel('Product').getAttribute('aria-invalid')).toBeNull();
    await shot(page, `${screenshotDir}/simulator-refused.png`, { fullPage: true });

    expect(await logRows(page)).toEqual([['1', `order-${accepted}`, 'OrderPlaced']]);
    // Positions have no gaps, so the next accepted order proves the refusal consumed none.
    const next = await placeOrder(page, keyboardOrder);
    await expect.poll(() => logRows(page)).toEqual([
      ['2', `order-${next}`, 'OrderPlaced'],
      ['1', `order-${accepted}`, 'OrderPlaced'],
    ]);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
