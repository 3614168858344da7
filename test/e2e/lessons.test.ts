import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApp, screenshotDir, shot } from './support';

/** A student reads the lessons in order: list, a lesson with its diagrams drawn, next, and the "Try it" links. */

mkdirSync(screenshotDir, { recursive: true });

describe('the lessons', () => {
  it('lists the lessons, opens one with its Mermaid diagrams drawn, and moves to the next', async () => {
    const { page, consoleErrors } = await openApp('#/lessons');

    const list = page.getByRole('navigation', { name: 'Lessons' });
    await expect.poll(() => list.getByRole('link').count()).toBe(14);
    // With no lesson in the address, the first one is open.
    await page.getByRole('heading', { name: 'CRUD loses history', level: 2 }).waitFor();

    await list.getByRole('link', { name: /Commands and queries: CQRS/ }).click();
    await page.waitForURL(/#\/lessons\/commands-and-queries$/);
    await page.getByRole('heading', { name: 'Commands and queries: CQRS', level: 2 }).waitFor();
    expect(await list.getByRole('link', { name: /Commands and queries/ }).getAttribute('aria-current')).toBe('page');

    // Both diagrams of the lesson are drawn as SVG, not left as source.
    const diagrams = page.getByRole('img', { name: /^Diagram:/ });
    await expect.poll(() => diagrams.count(), { timeout: 20_000 }).toBe(2);
    expect(await diagrams.first().locator('svg').count()).toBe(1);
    expect(await diagrams.nth(1).textContent()).toContain('Event store');
    await shot(page, `${screenshotDir}/lessons-light.png`, { fullPage: true });

    await page.getByRole('button', { name: 'Dark theme' }).click();
    // The diagrams are drawn again in the dark palette: the article is busy until they are.
    await page.locator('lesson-article .body[aria-busy="true"]').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => diagrams.count(), { timeout: 20_000 }).toBe(2);
    await shot(page, `${screenshotDir}/lessons-dark.png`, { fullPage: true });

    await page.getByRole('link', { name: /^Next: Event sourcing/ }).click();
    await page.waitForURL(/#\/lessons\/event-sourcing$/);
    await page.getByRole('heading', { name: /^Event sourcing: state is a fold/, level: 2 }).waitFor();
    // Code is highlighted.
    expect(await page.locator('lessons-page').locator('code.language-typescript .hljs-keyword').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: /^← Previous: Commands and queries/ }).click();
    await page.waitForURL(/#\/lessons\/commands-and-queries$/);
    expect(consoleErrors).toEqual([]);
  });

  it('sends "Try it" to the screen that shows the idea, with the prepared state in the address', async () => {
    const { page, consoleErrors } = await openApp('#/lessons/crud-loses-history');

    await page.getByRole('link', { name: 'Compare CRUD and events side by side' }).click();
    await page.waitForURL(/#\/crud-vs-es\/seed-000$/);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('opens the first lesson, with a note, when the address names no lesson that exists', async () => {
    const { page, consoleErrors } = await openApp('#/lessons/no-such-lesson');

    await page.getByRole('status').filter({ hasText: 'There is no lesson "no-such-lesson"' }).waitFor();
    await page.getByRole('heading', { name: 'CRUD loses history', level: 2 }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('shows the sagas lesson, and the last lesson with a way on to Exercise 06', async () => {
    const { page, consoleErrors } = await openApp('#/lessons/sagas');

    await expect.poll(() => page.getByRole('img', { name: 'Diagram: Sequence diagram' }).count(), { timeout: 20_000 }).toBe(1);
    await shot(page, `${screenshotDir}/lessons-sagas.png`, { fullPage: true });
    await page.getByRole('link', { name: /^Next: Dual writes and the outbox/ }).click();
    await page.waitForURL(/#\/lessons\/dual-writes-outbox$/);
    await page.goto(page.url().replace(/#.*$/, '#/lessons/forgetting-a-person'));
    await page.getByRole('heading', { name: 'Forgetting a person in an append-only log', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Next: Exercise 06 →' }).click();
    await page.waitForURL(/#\/exercise-06$/);
    await page.getByRole('heading', { name: 'Exercise 06: CQRS and Event Sourcing' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('dual writes: "Try it" crashes a command between its two writes on the real store, a retry answers what the log recorded, the twin catches up from its checkpoint', async () => {
    const { page, consoleErrors } = await openApp('#/lessons/dual-writes-outbox');
    await expect.poll(() => page.getByRole('img', { name: 'Diagram: Sequence diagram' }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('link', { name: 'Crash between the two writes on your own store' }).click();
    await page.waitForURL(/#\/dual-writes$/);

    const report = page.getByRole('status').filter({ hasText: /Appended|idempotent|The twin read the log/ });
    const row = page.getByRole('table', { name: 'The order on each side' }).locator('tbody tr');
    const cells = async () => (await row.locator('td').allInnerTexts()).slice(1);

    await page.getByRole('button', { name: 'Place an order, crash before the CRUD write' }).click();
    await expect.poll(() => report.innerText()).toMatch(/^Appended OrderPlaced at position \d+, then the tab "crashed"/);
    expect(await cells()).toEqual(['pending', 'no row', 'disagree']);

    await page.getByRole('button', { name: 'Retry the same command' }).click();
    await expect.poll(() => report.innerText()).toContain('an idempotent replay');
    expect(await report.innerText()).toContain('The CRUD twin has not applied it yet');
    expect(await cells()).toEqual(['pending', 'no row', 'disagree']);
    await shot(page, `${screenshotDir}/dual-writes-after-retry.png`, { fullPage: true });

    await page.getByRole('button', { name: 'Let the twin catch up from its checkpoint' }).click();
    await expect.poll(() => cells()).toEqual(['pending', 'pending', 'agree']);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/dual-writes-repaired-dark.png`, { fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('forgetting a person: "Try it" places orders for a customer, forgets them; read models and the event log show [forgotten], totals unchanged', async () => {
    const { page, consoleErrors } = await openApp('#/lessons/forgetting-a-person');
    await page.getByRole('link', { name: 'Place orders for a customer and forget them' }).click();
    await page.waitForURL(/#\/forget-customer$/);

    await page.getByLabel(/^Customer id/).fill('cust-e2e');
    await page.getByLabel(/^Customer email/).fill('grace@example.com');
    const place = page.getByRole('button', { name: 'Place an order for this customer' });
    const rows = page.getByRole('table', { name: 'Orders of customer cust-e2e' }).locator('tbody tr');
    await place.click();
    await expect.poll(() => rows.count()).toBe(1);
    await place.click();
    await expect.poll(() => rows.count()).toBe(2);
    const columns = async () => Promise.all((await rows.all()).map(async (row) => (await row.locator('td').allInnerTexts()).slice(1)));
    for (const [stored, shown] of await columns()) {
      expect(stored).toMatch(/^encrypted:aes-gcm:v1:/);
      expect(shown).toBe('grace@example.com');
    }
    const totals = (await columns()).map(([, , total, status]) => [total, status]);
    const customer = page.getByRole('definition').nth(1);
    await expect.poll(() => customer.innerText()).toContain('2 orders, 1298.00 spent');

    await page.getByRole('button', { name: 'Forget this customer' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Deleted/ }).innerText()).toContain('byte for byte the same');
    expect((await columns()).map(([, shown]) => shown)).toEqual(['[forgotten]', '[forgotten]']);
    expect((await columns()).map(([, , total, status]) => [total, status])).toEqual(totals);
    expect(await customer.innerText()).toBe('[forgotten]: 2 orders, 1298.00 spent');
    await shot(page, `${screenshotDir}/forget-customer.png`, { fullPage: true });

    // The simulator's read models and its event log read the same store.
    await page.goto(page.url().replace(/#.*$/, '#/simulator'));
    const orders = page.getByRole('region', { name: 'Read models' }).getByRole('table', { name: 'All orders (filters)' });
    await expect.poll(() => orders.innerText()).toContain('[forgotten]');
    expect(await orders.innerText()).not.toContain('grace@example.com');
    const log = page.getByRole('table', { name: 'Event log' });
    await log.getByRole('button', { name: 'JSON of event 1' }).click();
    const envelope = JSON.parse(await log.getByRole('row').filter({ hasText: 'order-cust-e2e-o1' }).getByRole('cell').last().innerText());
    expect(envelope.data).toMatchObject({ customerId: 'cust-e2e', customerEmail: '[forgotten]', total: 999 });
    await shot(page, `${screenshotDir}/forget-customer-event-log.png`, { fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
