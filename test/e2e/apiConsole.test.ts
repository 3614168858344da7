import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';

/** A person types the seeds' HTTP requests into the API console and reads the responses of the real handlers. */

mkdirSync(screenshotDir, { recursive: true });

const editor = (page: Page) => page.getByRole('textbox', { name: 'Request' });
const historyItems = (page: Page) => page.getByRole('list', { name: 'History' }).getByRole('listitem');
const statusLine = (page: Page) => page.getByRole('region', { name: 'Response' }).getByRole('status');

type Answer = { readonly status: string; readonly body: unknown };

/** Sends what the editor holds (Ctrl+Enter or the Send button) and reads the response once it is in the history. */
async function sendEditor(page: Page, how: 'keyboard' | 'button' = 'button'): Promise<Answer> {
  const before = await historyItems(page).count();
  if (how === 'keyboard') {
    await editor(page).focus();
    await page.keyboard.press('Control+Enter');
  } else {
    await page.getByRole('button', { name: 'Send', exact: true }).click();
  }
  await expect.poll(() => historyItems(page).count()).toBe(before + 1);
  const status = ((await statusLine(page).textContent()) ?? '').trim();
  const bodyText = await page.getByRole('region', { name: 'Response body' }).textContent();
  return { status, body: JSON.parse(bodyText ?? 'null') as unknown };
}

async function send(page: Page, request: string): Promise<Answer> {
  await editor(page).fill(request);
  return sendEditor(page);
}

/** Loads an example by its button and sends it. */
async function sendExample(page: Page, label: string): Promise<Answer> {
  await page.getByRole('button', { name: label, exact: true }).click();
  return sendEditor(page, 'keyboard');
}

async function openConsole(): Promise<Page> {
  const { page } = await openApp('#/console');
  await page.getByRole('heading', { name: 'API console', level: 2 }).waitFor();
  await expect.poll(() => page.getByRole('button', { name: 'Send', exact: true }).isEnabled()).toBe(true);
  // Every query below should see the command before it: wait for the projector after each command.
  await page.getByRole('checkbox', { name: 'Read your writes' }).check();
  return page;
}

describe('API console', () => {
  it('an example’s {order_id} is the newest order in the log when the console created none', async () => {
    const { page } = await openApp('#/simulator');
    await page.getByRole('button', { name: 'Place order' }).click();
    const confirmation = page.getByRole('status').filter({ hasText: /Order .+ placed/ });
    await confirmation.waitFor();
    const orderId = /Order (.+) placed/.exec((await confirmation.textContent()) ?? '')?.[1] ?? '';

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API console' }).click();
    await page.getByRole('button', { name: 'GET /orders/{order_id}/', exact: true }).click();
    await expect.poll(() => editor(page).inputValue()).toBe(`GET /orders/${orderId}/`);
  });

  it('seed 000: create an order, set its status straight to shipped (no state machine), read it back', async () => {
    const page = await openConsole();
    await shot(page, `${screenshotDir}/api-console-empty.png`, { fullPage: true });

    const createdOrder = await sendExample(page, 'POST /orders/');
    expect(createdOrder.status).toBe('201 Created');
    expect(createdOrder.body).toMatchObject({ order_id: expect.any(String), message: 'Order created successfully' });
    const orderId = (createdOrder.body as { order_id: string }).order_id;

    // The example's {order_id} is filled with the order just created.
    await page.getByRole('button', { name: 'PUT /orders/{order_id}/status/ (shipped)', exact: true }).click();
    expect(await editor(page).inputValue()).toContain(`PUT /orders/${orderId}/status/`);
    expect(await sendEditor(page)).toEqual({
      status: '200 OK',
      body: { order_id: orderId, message: 'Order status updated to shipped' },
    });

    expect(await send(page, `GET /orders/${orderId}/`)).toEqual({
      status: '200 OK',
      body: { customer_id: '123', product: 'Laptop', quantity: 2, order_id: orderId, status: 'shipped' },
    });
    await shot(page, `${screenshotDir}/api-console-light.png`, { fullPage: true });
  });

  it('seed 001: create a user, update the email, list the stored events', async () => {
    const page = await openConsole();
    const created = await send(page, 'POST /users/ {"first_name":"John","last_name":"Doe","email":"john.doe@example.com"}');
    expect(created).toEqual({ status: '201 Created', body: { user_id: 1, message: 'User created successfully' } });

    expect((await send(page, 'PUT /users/1\n\n{"email": "john.new@example.com"}')).status).toBe('200 OK');

    const events = await send(page, 'GET /events/');
    expect(events.status).toBe('200 OK');
    expect(events.body).toEqual([
      { id: 1, type: 'UserCreated', data: { user_id: 1, first_name: 'John', last_name: 'Doe', email: 'john.doe@example.com' } },
      { id: 2, type: 'UserEmailUpdated', data: { user_id: 1, new_email: 'john.new@example.com', previous_email: 'john.doe@example.com' } },
    ]);
  });

  it('seed 002: create an order, then the summary and a search read it from the read models', async () => {
    const page = await openConsole();
    const created = await sendExample(page, 'POST /api/v1/orders/order');
    expect(created).toMatchObject({ status: '201 Created', body: { success: true, data: { status: 'pending', total: 999.99 } } });

    expect(await sendExample(page, 'GET /api/v1/orders/summary')).toMatchObject({
      status: '200 OK',
      body: { success: true, data: { totalOrders: 1, totalRevenue: 999.99, byStatus: { pending: { count: 1 } } } },
    });
    expect(await sendExample(page, 'GET /api/v1/orders/search?q=laptop')).toMatchObject({
      status: '200 OK',
      body: { count: 1, data: [{ customerEmail: 'ada@example.com', status: 'pending' }] },
    });
  });

  it('seed 004: the command API places the order, the query API and the admin API show it', async () => {
    const page = await openConsole();
    const created = await sendExample(page, 'POST /api/v1/orders');
    expect(created).toMatchObject({ status: '201 Created', body: { status: 'pending', total: 50, version: 1 } });
    const orderId = (created.body as { order_id: string }).order_id;

    expect(await sendExample(page, 'GET /api/v1/orders/{order_id}')).toMatchObject({
      status: '200 OK',
      // Pending until its saga (reserve stock, charge, confirm) confirms it: either is the read model's truth.
      body: { order_id: orderId, items: [{ product_id: 'Mouse', quantity: 2, price: 25 }], status: expect.stringMatching(/^(pending|confirmed)$/) },
    });
    const events = await sendExample(page, 'GET /api/v1/admin/events/{order_id}');
    expect(events).toMatchObject({ status: '200 OK', body: { order_id: orderId } });
    expect((events.body as { events: unknown[] }).events[0]).toMatchObject({ version: 1, type: 'OrderPlaced', schema_version: 2 });
  });

  it('a body of thousands of lines is drawn up to its first 100,000 characters, and the whole of it on request', async () => {
    const { page } = await openApp('#/data');
    await page.getByLabel('Orders').fill('300');
    await page.getByRole('button', { name: 'Seed', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Seeded [\d,]+ events \(300 orders\)/ }).waitFor();
    await page.getByRole('region', { name: 'The store' }).getByText(/Read models: up to date/).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API console' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Send', exact: true }).isEnabled()).toBe(true);

    await editor(page).fill('GET /api/v1/orders?limit=1000');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const body = page.getByRole('region', { name: 'Response body' });
    const cutNote = page.getByText(/^Showing the first [\d,]+ of [\d,]+ lines of the body \(\d+ KB\)\.$/);
    await expect.poll(() => historyItems(page).count()).toBe(1);
    await cutNote.waitFor();
    const [shownLines, totalLines] = [...((await cutNote.textContent()) ?? '').matchAll(/[\d,]+(?= (?:of|lines))/g)].map((match) =>
      Number(match[0].replaceAll(',', '')),
    );
    expect(shownLines).toBeGreaterThan(2_000);
    expect(shownLines).toBeLessThan(totalLines!);
    const cutText = (await body.textContent()) ?? '';
    expect(cutText.split('\n')).toHaveLength(shownLines!);
    // The start of the answer, whole lines only: not JSON on its own.
    expect(cutText.startsWith('{\n  "success": true,\n  "data": [')).toBe(true);
    expect(() => JSON.parse(cutText)).toThrow();

    const showAll = page.getByRole('button', { name: 'Show the whole body' });
    await showAll.click();
    await cutNote.waitFor({ state: 'detached' });
    const whole = JSON.parse((await body.textContent()) ?? '') as { data: unknown[]; pagination: { total: number } };
    // Every order the read model holds (the seed deletes a few of its 300), not only those drawn before.
    expect(whole.data.length).toBeGreaterThan(250);
    expect(whole.data).toHaveLength(whole.pagination.total);
    expect(((await body.textContent()) ?? '').split('\n')).toHaveLength(totalLines!);

    // The next answer is cut again; a short one is drawn whole, with no note.
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => historyItems(page).count()).toBe(2);
    await cutNote.waitFor();
    expect(await showAll.isVisible()).toBe(true);
    await editor(page).fill('GET /api/v1/orders/summary');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => historyItems(page).count()).toBe(3);
    await cutNote.waitFor({ state: 'detached' });
    expect(JSON.parse((await body.textContent()) ?? '')).toMatchObject({ data: { totalOrders: whole.pagination.total } });
  });

  it('a malformed request gets 400 with the reason, and the history loads a request back', async () => {
    const page = await openConsole();
    const broken = await sendExample(page, 'Broken JSON');
    expect(broken.status).toBe('400 Bad Request');
    expect(broken.body).toMatchObject({
      message: expect.stringMatching(/not valid JSON at line 1, column 44 .*expected "," or "}" after a property value/),
    });

    expect((await send(page, 'FETCH /orders/')).body).toMatchObject({ message: expect.stringMatching(/"FETCH" is not an HTTP method/) });
    expect((await send(page, 'DELETE /orders/')).status).toBe('405 Method Not Allowed');

    await page.getByRole('list', { name: 'History' }).getByRole('button', { name: /Broken JSON|POST \/orders\// }).click();
    expect(await editor(page).inputValue()).toContain('"product": "Laptop" "quantity"');
  });

  it('an example button fills the editor with its request', async () => {
    const page = await openConsole();
    await page.getByRole('button', { name: 'GET /api/v1/orders/top-customers', exact: true }).click();
    expect(await editor(page).inputValue()).toBe('GET /api/v1/orders/top-customers?limit=5');
    await expect.poll(() => editor(page).evaluate((element) => element.matches(':focus'))).toBe(true);

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('button', { name: 'POST /api/v1/orders/order', exact: true }).click();
    await sendEditor(page);
    await page.getByRole('button', { name: 'GET /api/v1/orders/top-customers', exact: true }).click();
    await sendEditor(page, 'keyboard');
    await shot(page, `${screenshotDir}/api-console-dark.png`, { fullPage: true });
  });

  it('with large text on a 1024-pixel screen the examples move under the request instead of covering it', async () => {
    const page = await openConsole();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Large text' }).click();
    const request = await page.getByRole('region', { name: 'HTTP request' }).boundingBox();
    const examples = await page.getByRole('region', { name: 'Examples' }).boundingBox();
    const overlaps =
      request !== null &&
      examples !== null &&
      examples.x < request.x + request.width &&
      request.x < examples.x + examples.width &&
      examples.y < request.y + request.height &&
      request.y < examples.y + examples.height;
    expect(overlaps).toBe(false);
    // The request keeps a usable width: the editor is at least half the main area.
    expect(request?.width ?? 0).toBeGreaterThan(500);
  });
});
