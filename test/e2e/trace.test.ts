import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';
import { cancelOrder, pickCommand, placeOrder } from './simulatorSupport';

/** A person follows one command through the system on the Trace screen, as they would in Jaeger. */

mkdirSync(screenshotDir, { recursive: true });

const recentCommands = (page: Page) => page.getByRole('list', { name: 'Recent commands' });
const causalTree = (page: Page) => page.getByRole('list', { name: 'Causal tree' });
const timeline = (page: Page) => page.getByRole('table', { name: 'Timeline' });

async function confirmOrder(page: Page): Promise<void> {
  await pickCommand(page, 'Confirm an order');
  const form = page.getByRole('region', { name: 'Confirm an order' });
  await form.getByRole('button', { name: 'Confirm order' }).click();
  await expect.poll(async () => (await form.getByRole('status').textContent()) ?? '').toContain('Appended OrderConfirmed');
}

/** The tree's rows as text, one per node, top to bottom. */
async function treeRows(page: Page): Promise<string[]> {
  const rows = await causalTree(page).locator('.node').allTextContents();
  return rows.map((row) => row.replace(/\s+/g, ' ').trim());
}

describe('the trace screen', () => {
  it('lists the newest commands first and draws the chosen one as a tree and a timeline', async () => {
    const { page } = await openApp('#/simulator');
    const orderId = await placeOrder(page);
    await confirmOrder(page);

    await page.getByRole('link', { name: 'Trace', exact: true }).click();
    const entries = recentCommands(page).getByRole('link');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.first().innerText()).toContain('OrderConfirmed');
    expect(await entries.nth(1).innerText()).toContain(`OrderPlaced on order-${orderId}`);
    await shot(page, `${screenshotDir}/trace-picker.png`, { fullPage: true });

    await recentCommands(page).getByRole('link', { name: new RegExp(`OrderPlaced on order-${orderId}`) }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/trace\/.+/);
    const correlationId = decodeURIComponent((await page.evaluate(() => location.hash)).replace('#/trace/', ''));

    await causalTree(page).waitFor();
    const rows = await treeRows(page);
    expect(rows[0]).toBe(`Command (root) ${correlationId}`);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(new RegExp(`^order OrderPlaced order-${orderId} #1 position 1 · \\d\\d:\\d\\d:\\d\\d\\.\\d{3} · \\+0 ms$`));
    expect(await recentCommands(page).getByRole('link', { name: /OrderPlaced/ }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => timeline(page).getByRole('rowgroup').filter({ hasText: 'order service' }).count()).toBe(1);
    expect(await timeline(page).getByRole('row').filter({ hasText: 'OrderPlaced' }).innerText()).toContain('+0 ms → +0 ms');
    expect(await timeline(page).getByRole('columnheader').last().innerText()).toBe('all in the same millisecond');
    await shot(page, `${screenshotDir}/trace-order-placed.png`, { fullPage: true });

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/trace-order-placed-dark.png`, { fullPage: true });

    // The confirmation is a command of its own: its own correlation, its own tree.
    await recentCommands(page).getByRole('link', { name: /OrderConfirmed/ }).click();
    await expect.poll(async () => (await treeRows(page))[1] ?? '').toMatch(new RegExp(`^order OrderConfirmed order-${orderId} #2 position 2`));
  });

  it('says so when no event carries the id, and opens a trace by a typed id', async () => {
    const { page } = await openApp('#/simulator');
    const orderId = await placeOrder(page);
    await page.evaluate(() => (location.hash = '#/trace/no-such-command'));
    const alert = page.getByRole('alert');
    await expect.poll(async () => (await alert.textContent()) ?? '').toContain('No event in the log carries the correlation id “no-such-command”');
    await shot(page, `${screenshotDir}/trace-unknown.png`, { fullPage: true });

    const correlationId = await page.evaluate(async () => {
      type Store = { readAll(): Promise<{ metadata: { correlationId: string } }[]> };
      const app = document.querySelector('workbook-app') as (Element & { simulator?: { store: Store } }) | null;
      return (await app!.simulator!.store.readAll())[0]!.metadata.correlationId;
    });
    await page.getByLabel('Correlation id').fill(correlationId);
    await page.getByRole('button', { name: 'Open trace' }).click();
    await expect.poll(async () => (await treeRows(page))[1] ?? '').toContain(`OrderPlaced order-${orderId}`);

    // Nothing typed (or only spaces): the button says what to do instead of doing nothing.
    await page.getByLabel('Correlation id').fill('   ');
    await page.getByRole('button', { name: 'Open trace' }).click();
    await page.getByRole('alert').filter({ hasText: 'Type a correlation id, or pick one of the recent commands.' }).waitFor();
    expect(await page.getByLabel('Correlation id').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Correlation id').fill('x');
    expect(await page.getByRole('alert').filter({ hasText: 'Type a correlation id' }).count()).toBe(0);
  });

  it('shows a saga’s steps under the order that started them', async ({ skip }) => {
    const { page } = await openApp('#/simulator');
    await page.waitForFunction(() => (document.querySelector('workbook-app') as (Element & { simulator?: unknown }) | null)?.simulator !== undefined);
    const hasSagas = await page.evaluate(() => {
      const app = document.querySelector('workbook-app') as (Element & { simulator?: { sagas?: unknown } }) | null;
      return app?.simulator?.sagas !== undefined;
    });
    // The saga coordinator is another helper's work; until `simulator.sagas` exists there is no saga to trace.
    if (!hasSagas) skip();

    const correlationId = await page.evaluate(async () => {
      type Sagas = {
        placeOrder(input: unknown): Promise<{ ok: boolean; correlationId?: string; message?: string }>;
        whenIdle(): Promise<void>;
      };
      const app = document.querySelector('workbook-app') as (Element & { simulator?: { sagas: Sagas } }) | null;
      const sagas = app!.simulator!.sagas;
      const started = await sagas.placeOrder({ customerId: 'c-9', items: [{ product: 'Laptop', quantity: 1, unitPrice: 999 }] });
      if (!started.ok || started.correlationId === undefined) throw new Error(`saga refused: ${started.message}`);
      await sagas.whenIdle();
      return started.correlationId;
    });
    await page.evaluate((id) => (location.hash = `#/trace/${encodeURIComponent(id)}`), correlationId);
    await causalTree(page).waitFor();
    const rows = await treeRows(page);
    expect(rows[0]).toBe(`Command (root) ${correlationId}`);
    // The order's event first, then the saga reacting to it: each step under the event that caused it.
    expect(rows[1]).toMatch(/^order OrderPlaced /);
    expect(rows[2]).toMatch(/^saga SagaStarted .* by command saga-/);
    const nested = await causalTree(page).locator('li li li').first().locator('.node').first().textContent();
    expect(nested).toContain('SagaStarted');
    for (const step of ['inventory StockReserved', 'payment PaymentCharged', 'order OrderConfirmed'])
      expect(rows.some((row) => row.startsWith(step))).toBe(true);
    // Saga steps reach other services, so they have lanes of their own on the timeline.
    const lanes = await timeline(page).locator('th.lane').allTextContents();
    expect(lanes).toEqual(['order service', 'payment service', 'inventory service', 'saga service']);
    await shot(page, `${screenshotDir}/trace-saga.png`, { fullPage: true });

    // Large text on a 1024-pixel screen: the picker stacks above the trace instead of squeezing it.
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole('button', { name: 'Large text' }).click();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/trace-saga-large-dark.png`, { fullPage: true });
  });

  it('a compensated saga’s deep tree, in large text at 1024 px, keeps every event type inside its box', async () => {
    const { page } = await openApp('#/saga');
    await page.getByRole('spinbutton', { name: 'Quantity of Laptop' }).waitFor();
    await page.getByRole('radio', { name: 'Payment service down' }).check();
    await page.getByRole('button', { name: 'Place order through the saga' }).click();
    await page.getByRole('button', { name: /Order \S+ compensated/ }).waitFor({ timeout: 15_000 });
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole('button', { name: 'Large text' }).click();
    await page.getByRole('link', { name: 'Follow it in the trace' }).click();
    await causalTree(page).getByText('SagaCompensated').waitFor();

    // Each level indents; "CompensationStepDone" ten levels deep used to run past its box's right edge, cut off.
    const outside = async (types: ReturnType<Page['locator']>, box: string) =>
      types.evaluateAll(
        (spans, selector) =>
          spans
            .filter((span) => span.getBoundingClientRect().right > (span.closest(selector)?.getBoundingClientRect().right ?? 0) + 0.5)
            .map((span) => span.textContent),
        box,
      );
    expect(await causalTree(page).locator('.type').count()).toBeGreaterThan(10);
    expect(await outside(causalTree(page).locator('.type'), '.node')).toEqual([]);
    expect(await outside(timeline(page).locator('.type'), 'td')).toEqual([]);
    // The words break between words: the name a person reads (and a screen reader says) is unchanged.
    expect(await causalTree(page).getByText('CompensationStepDone', { exact: true }).count()).toBeGreaterThan(0);
    await shot(page, `${screenshotDir}/trace-saga-compensated-large.png`, { fullPage: true });
  });

  it('links a saga’s follow-up to the trace of the person’s cancellation, and back', async () => {
    const { page } = await openApp('#/saga');
    await page.getByRole('spinbutton', { name: 'Quantity of Laptop' }).waitFor();
    await page.getByRole('button', { name: 'Place order through the saga' }).click();
    await page.getByRole('button', { name: /Order \S+ completed/ }).waitFor({ timeout: 15_000 });
    const heading = await page.getByRole('region', { name: /^Timeline of order/ }).getByRole('heading', { level: 3 }).innerText();
    const orderId = (heading.match(/^Timeline of order (\S+)$/) ?? [])[1]!;
    const sagaHref = (await page.getByRole('link', { name: 'Follow it in the trace' }).getAttribute('href'))!;
    const sagaCorrelation = decodeURIComponent(sagaHref.replace('#/trace/', ''));

    await page.evaluate(() => (location.hash = '#/simulator'));
    await cancelOrder(page, orderId, 'Changed my mind');

    // The saga's trace: the refund and the release hang at the root, each linking the person's command's trace.
    await page.evaluate((href) => (location.hash = href), sagaHref);
    await causalTree(page).getByText('SagaCancelledAfterConfirmation').waitFor({ timeout: 15_000 });
    const refund = causalTree(page).locator('.node').filter({ hasText: 'PaymentRefunded' });
    const toCancel = refund.getByRole('link', { name: /^trace / });
    expect(await refund.innerText()).toContain('was recorded under another correlation');
    const cancelCorrelation = (await toCancel.innerText()).replace(/^trace /, '');
    expect(cancelCorrelation).not.toBe(sagaCorrelation);
    expect(await page.getByRole('status').filter({ hasText: 'could not be followed' }).count()).toBe(0);
    await shot(page, `${screenshotDir}/trace-follow-up-linked.png`, { fullPage: true });

    await toCancel.click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#/trace/${cancelCorrelation}`);
    await expect.poll(async () => (await treeRows(page))[0]).toBe(`Command (root) ${cancelCorrelation}`);
    const cancelled = causalTree(page).locator('.node').filter({ hasText: 'OrderCancelled' });
    expect(await cancelled.innerText()).toMatch(/Caused follow-ups in trace /);
    await shot(page, `${screenshotDir}/trace-cancel-follow-ups.png`, { fullPage: true });
    await cancelled.getByRole('link', { name: `trace ${sagaCorrelation}` }).click();
    await expect.poll(async () => (await treeRows(page))[0]).toBe(`Command (root) ${sagaCorrelation}`);
  });
});
