import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';
import { eventsInLog, logRows, pickCommand, placeOrder, readModels, firstColumn } from './simulatorSupport';

/** A person drives orders and users through the command panel and sees what each command appended or why not. */

mkdirSync(screenshotDir, { recursive: true });

/** Runs one of the panel's forms on the order it already offers, and returns its "Appended …" confirmation. */
async function run(page: Page, title: string, submit: string): Promise<string> {
  await pickCommand(page, title);
  const form = page.getByRole('region', { name: title });
  await form.getByRole('button', { name: submit }).click();
  const outcome = form.getByRole('status').or(form.getByRole('alert'));
  await expect.poll(async () => (await outcome.textContent())?.trim() ?? '').not.toBe('');
  return (await outcome.textContent())?.trim() ?? '';
}

describe('the command panel', () => {
  it('walks an order through its whole lifecycle, each step appending its event to the order’s stream', async () => {
    const { page } = await openApp('#/simulator');
    const orderId = await placeOrder(page);

    // The panel offers the order just placed, so the lifecycle is: pick the command, press its button.
    await pickCommand(page, 'Confirm an order');
    expect(await page.getByRole('region', { name: 'Confirm an order' }).getByLabel('Order ID').inputValue()).toBe(orderId);

    const steps: [string, string, string][] = [
      ['Confirm an order', 'Confirm order', 'OrderConfirmed'],
      ['Start processing', 'Start processing', 'OrderProcessingStarted'],
      ['Ship an order', 'Ship order', 'OrderShipped'],
      ['Deliver an order', 'Deliver order', 'OrderDelivered'],
    ];
    for (const [index, [title, submit, eventType]] of steps.entries()) {
      expect(await run(page, title, submit)).toBe(`Appended ${eventType} (position ${index + 2}) to order-${orderId}.`);
    }

    await expect.poll(() => logRows(page)).toEqual([
      ['5', `order-${orderId}`, 'OrderDelivered'],
      ['4', `order-${orderId}`, 'OrderShipped'],
      ['3', `order-${orderId}`, 'OrderProcessingStarted'],
      ['2', `order-${orderId}`, 'OrderConfirmed'],
      ['1', `order-${orderId}`, 'OrderPlaced'],
    ]);
    // The query side follows: the order reads "delivered" once the projector has caught up.
    const table = readModels(page).getByRole('table', { name: 'All orders (filters)' });
    await expect.poll(async () => (await table.locator('tbody tr').first().innerText()).includes('delivered')).toBe(true);
    await shot(page, `${screenshotDir}/simulator-lifecycle.png`, { fullPage: true });
  });

  it('refuses bad input next to the field and an illegal transition with the domain’s reason, appending nothing', async () => {
    const { page } = await openApp('#/simulator');
    const orderId = await placeOrder(page);
    await expect.poll(() => eventsInLog(page)).toBe(1);

    await pickCommand(page, 'Confirm an order');
    const confirm = page.getByRole('region', { name: 'Confirm an order' });
    await confirm.getByLabel('Order ID').fill('no such order!');
    await confirm.getByRole('button', { name: 'Confirm order' }).click();
    await expect.poll(async () => confirm.getByRole('alert').textContent()).toMatch(/Nothing was appended\. Order ID may contain only/);
    const field = confirm.getByLabel('Order ID');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await field.evaluate((input) =>
      ((input as HTMLElement & { ariaDescribedByElements?: Element[] }).ariaDescribedByElements ?? []).map((element) => element.textContent).join(' '),
    );
    expect(describedBy).toMatch(/^Order ID may contain only letters/);

    // Delivering a pending order: the domain names where the order is and where it may go.
    await pickCommand(page, 'Deliver an order');
    const deliver = page.getByRole('region', { name: 'Deliver an order' });
    await deliver.getByLabel('Order ID').fill(orderId);
    await deliver.getByRole('button', { name: 'Deliver order' }).click();
    await expect
      .poll(async () => deliver.getByRole('alert').textContent())
      .toBe(`Nothing was appended. Cannot deliver order ${orderId}: it is "pending". From "pending" it can go to: confirmed, cancelled.`);
    await shot(page, `${screenshotDir}/simulator-illegal-transition.png`, { fullPage: true });

    // Seed 000's status update refuses a status that does not exist, next to the status field.
    await pickCommand(page, 'Update status (seed 000)');
    const update = page.getByRole('region', { name: 'Update status (seed 000)' });
    await update.getByLabel('New status').fill('lost');
    await update.getByRole('button', { name: 'Update status' }).click();
    await expect.poll(async () => update.getByRole('alert').textContent()).toMatch(/New status "lost" is not a status/);

    expect(await eventsInLog(page)).toBe(1);
    expect(await logRows(page)).toEqual([['1', `order-${orderId}`, 'OrderPlaced']]);
  });

  it('cancels an order with a reason that the event keeps', async () => {
    const { page } = await openApp('#/simulator');
    const orderId = await placeOrder(page);
    await pickCommand(page, 'Cancel an order');
    const cancel = page.getByRole('region', { name: 'Cancel an order' });

    await cancel.getByRole('button', { name: 'Cancel order' }).click();
    await expect.poll(async () => cancel.getByRole('alert').textContent()).toMatch(/Reason is required/);

    await cancel.getByLabel('Reason').fill('Customer found it cheaper');
    await cancel.getByRole('button', { name: 'Cancel order' }).click();
    await expect.poll(async () => cancel.getByRole('status').textContent()).toBe(`Appended OrderCancelled (position 2) to order-${orderId}.`);

    const row = page.getByRole('table', { name: 'Event log' }).getByRole('row').filter({ hasText: 'OrderCancelled' });
    await row.getByRole('button', { name: 'JSON of event 2' }).click();
    const envelope = await row.getByRole('cell').last().innerText();
    expect(envelope).toContain('"reason": "Customer found it cheaper"');
    expect(envelope).toContain('"previousStatus": "pending"');
  });

  it('creates a user and updates the email (seed 001), and the users read model shows the new email', async () => {
    const { page } = await openApp('#/simulator');
    await pickCommand(page, 'Create a user (seed 001)');
    const create = page.getByRole('region', { name: 'Create a user (seed 001)' });
    const userId = await create.getByLabel('User ID').inputValue();
    await create.getByLabel('First name').fill('John');
    await create.getByLabel('Last name').fill('Doe');
    await create.getByLabel('Email').fill('john.doe@example.com');
    await create.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(async () => create.getByRole('status').textContent()).toBe(`Appended UserCreated (position 1) to user-${userId}.`);

    await pickCommand(page, 'Update a user’s email (seed 001)');
    const update = page.getByRole('region', { name: 'Update a user’s email (seed 001)' });
    expect(await update.getByLabel('User ID').inputValue()).toBe(userId);
    await update.getByLabel('New email').fill('not an email');
    await update.getByRole('button', { name: 'Update email' }).click();
    await expect.poll(async () => update.getByRole('alert').textContent()).toMatch(/New email must be a valid email address/);
    await update.getByLabel('New email').fill('john.new@example.com');
    await update.getByRole('button', { name: 'Update email' }).click();
    await expect.poll(async () => update.getByRole('status').textContent()).toBe(`Appended UserEmailUpdated (position 2) to user-${userId}.`);

    await readModels(page).getByLabel('Query').selectOption({ label: 'Users (seed 001)' });
    const users = readModels(page).getByRole('table', { name: 'Users (seed 001)' });
    await expect.poll(() => firstColumn(users)).toEqual([userId]);
    await expect.poll(async () => users.locator('tbody tr').first().innerText()).toContain('john.new@example.com');
  });
});
