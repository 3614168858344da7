import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { screenFor } from '../../src/ui/routes';
import { disconnectA11yBrowser, settle, showScreen } from './a11ySupport';
import { expectNoSeriousViolations, light, loadDemoStory, scanBothThemes, sessionFor } from './a11ySuite';
import { screenshotDir } from './support';

/**
 * Issue 9: axe in the states a student reaches (an order placed, a failed check, a response, a compensated saga, a
 * dialog open), in the light and the dark theme.
 */

mkdirSync(screenshotDir, { recursive: true });
afterAll(disconnectA11yBrowser);

describe('axe in the states a student reaches', () => {
  const session = sessionFor(light);

  // First, while the store is still empty: time travel offers its demo story only then.
  it('time travel with the demo story loaded', async () => {
    const { page } = session();
    await loadDemoStory(page);
    await scanBothThemes(page, 'time travel with the demo story');
  });

  it('the simulator after placing an order, its event expanded', async () => {
    const { page } = session();
    await showScreen(page, screenFor('simulator'));
    const form = page.getByRole('region', { name: 'Place an order' });
    await form.getByLabel('Customer ID').fill('customer-7');
    await form.getByLabel('Customer email').fill('ada@example.com');
    await form.getByLabel('Product').fill('Keyboard');
    await form.getByLabel('Quantity').fill('2');
    await form.getByLabel('Unit price').fill('30');
    await page.getByRole('button', { name: 'Place order' }).click();
    const confirmation = page.getByRole('status').filter({ hasText: /Order .+ placed/ });
    await confirmation.waitFor();
    const orderId = /Order (\S+) placed/.exec(await confirmation.innerText())?.[1] ?? '';
    const row = page.getByRole('table', { name: 'Event log' }).getByRole('row').filter({ hasText: `order-${orderId}` });
    await row.getByRole('button', { name: /^JSON of event/ }).click();
    await settle(page);
    await scanBothThemes(page, 'simulator with an order and its event open');
  });

  it('Exercise 06 after a failed Check', async () => {
    const { page } = session();
    await showScreen(page, screenFor('exercise-06'), '/1');
    await page.getByRole('button', { name: 'Check requirement 1' }).click();
    await page.getByRole('alert').filter({ hasText: 'Requirement 1 does not pass yet.' }).waitFor();
    await scanBothThemes(page, 'exercise 06 after a failed check');
  });

  it('the API console with a response', async () => {
    const { page } = session();
    await showScreen(page, screenFor('console'));
    await page.getByRole('textbox', { name: 'Request' }).fill('GET /api/v1/orders/summary');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('region', { name: 'Response body' }).waitFor();
    await scanBothThemes(page, 'API console with a response');
  });

  it('the saga screen after a compensated saga, and its trace', async () => {
    const { page } = session();
    await showScreen(page, screenFor('saga'));
    await page.getByRole('spinbutton', { name: 'Quantity of Laptop' }).fill('1');
    await page.getByRole('radio', { name: 'Payment declined' }).check();
    await page.getByRole('button', { name: 'Place order through the saga' }).click();
    const status = page.getByRole('region', { name: /^Timeline of order/ }).locator('header .status');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('compensated');
    await scanBothThemes(page, 'saga compensated');

    await page.getByRole('link', { name: /^Trace of order/ }).first().click();
    await page.locator('trace-page').waitFor();
    await settle(page);
    await scanBothThemes(page, 'trace of a compensated saga');
  });

  it('the Concurrency screen after client B’s send is refused', async () => {
    const { page } = session();
    await showScreen(page, screenFor('conflicts'));
    await page.getByRole('button', { name: 'Place a new order and load it in both clients' }).click();
    const a = page.getByRole('region', { name: 'Client A' });
    const b = page.getByRole('region', { name: 'Client B' });
    await expect.poll(async () => (await b.locator('dd.version').textContent())?.trim()).toBe('1');
    await a.getByRole('button', { name: 'Send' }).click();
    await a.getByRole('status').filter({ hasText: 'Accepted: OrderConfirmed appended' }).waitFor();
    await b.getByRole('button', { name: 'Send' }).click();
    await b.getByRole('alert').filter({ hasText: 'ConcurrencyError' }).waitFor();
    await scanBothThemes(page, 'concurrency error');
  });

  it('the Idempotency screen after a command sent twice under one id', async () => {
    const { page } = session();
    await showScreen(page, screenFor('idempotency'));
    const send = page.getByRole('button', { name: 'Send', exact: true });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await send.click();
    const again = page.getByRole('button', { name: 'Send again (same id)' });
    await again.click();
    await page.getByRole('status').filter({ hasText: 'Send 2' }).waitFor();
    await scanBothThemes(page, 'idempotency sent twice');
  });

  it('the Data screen’s reset dialog open', async () => {
    const { page } = session();
    await showScreen(page, screenFor('data'));
    await page.getByRole('button', { name: 'Reset the simulator…' }).click();
    await page.getByRole('dialog', { name: 'Reset the simulator?' }).waitFor();
    await expectNoSeriousViolations(page, 'data reset dialog');
    await page.keyboard.press('Escape');
  });
});
