import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, type AppSession, shot } from './support';
import { logRows, placeOrder } from './simulatorSupport';
import { classStatus, joinClass, startClassServer } from './classroomSupport';
import { describeViolations, scanWithAxe } from './a11ySupport';

/** Axe in the states only a class reaches (the join dialog, the joined header, the instructor's class). */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const { failing } = await scanWithAxe(page);
  expect(failing.length, `${where}: serious/critical violations:\n${describeViolations(failing)}`).toBe(0);
}
import type { TestServer } from '../server/classroom/support/testServer';

/**
 * Issue 19's classroom, in the browser, against the real classroom server: two students on one order conflict for
 * real, leaving returns to the own store untouched, commands wait in the outbox while the server is away.
 */

mkdirSync(screenshotDir, { recursive: true });

let server: TestServer | undefined;
/** Every page of the journey: closed before the server stops, so no stream or request is open when its database closes. */
const sessions: AppSession[] = [];
async function open(hash: string): Promise<Page> {
  const session = await openApp(hash, { baseUrl: `${server!.url}/` });
  sessions.push(session);
  return session.page;
}
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.context.close();
  await server?.stop();
  server = undefined;
});

const clientA = (page: Page) => page.getByRole('region', { name: 'Client A', exact: true });
/** The order id Client A holds, as it shows it. */
const heldOrder = async (page: Page) => (await clientA(page).locator('dd').first().innerText()).trim();

describe('classroom', () => {
  it('two students load one order and both change it: one is accepted, the other gets the ConcurrencyError and retries; both logs agree', async () => {
    server = await startClassServer();
    const ada = await open('#/conflicts');
    const bob = await open('#/conflicts');
    await ada.getByRole('banner').getByRole('button', { name: 'Join a class' }).click();
    await shot(ada, `${screenshotDir}/classroom-join-dialog.png`);
    await expectAccessible(ada, 'the join dialog');
    await ada.getByRole('dialog', { name: 'Join a class' }).getByRole('button', { name: 'Cancel' }).click();
    await joinClass(ada, server.classCode, 'Ada');
    await joinClass(bob, server.classCode, 'Bob');
    await shot(ada, `${screenshotDir}/classroom-header-connected.png`);
    await expectAccessible(ada, 'the Concurrency screen in a class');

    // Ada places an order on the class log; Bob sees it arrive and loads it too. Both hold version 1.
    await ada.getByRole('button', { name: 'Place a new order and load it in both clients' }).click();
    await expect.poll(() => heldOrder(ada)).toMatch(/^demo-/);
    const orderId = await heldOrder(ada);
    await bob.getByLabel('Or an existing order id').fill(orderId);
    await bob.getByRole('button', { name: 'Load in both clients' }).click();
    await expect.poll(() => heldOrder(bob)).toBe(orderId);
    await expect.poll(async () => clientA(bob).locator('dd.version').innerText()).toBe('1');

    // Ada confirms first. Bob, still holding version 1, cancels: refused, then retried on the state that won.
    await clientA(ada).getByRole('button', { name: 'Send' }).click();
    await clientA(ada).getByRole('status').filter({ hasText: 'Accepted: OrderConfirmed appended; the stream is now at version 2.' }).waitFor();
    await clientA(bob).getByLabel('Change').selectOption({ label: 'Cancel the order' });
    await clientA(bob).getByRole('button', { name: 'Send' }).click();
    const conflict = clientA(bob).getByRole('alert').filter({ hasText: 'ConcurrencyError: expected version 1, but the stream is at version 2.' });
    await conflict.waitFor();
    await shot(bob, `${screenshotDir}/classroom-conflict.png`, { fullPage: true });
    await conflict.getByRole('button', { name: 'Retry' }).click();
    await clientA(bob)
      .getByRole('status')
      .filter({ hasText: 'Retried on the new state and accepted: OrderCancelled appended; the stream is now at version 3.' })
      .waitFor();

    // The server recorded exactly that, and both students' event logs show it, in the same order.
    const recorded = await fetch(`${server.classUrl}/events?after=0`, { headers: { authorization: `Bearer ${server.instructorToken}` } });
    const onServer = ((await recorded.json()) as { globalPosition: number; streamId: string; type: string }[]).map((event) => [
      String(event.globalPosition),
      event.streamId,
      event.type,
    ]);
    expect(onServer).toEqual([
      ['1', `order-${orderId}`, 'OrderPlaced'],
      ['2', `order-${orderId}`, 'OrderConfirmed'],
      ['3', `order-${orderId}`, 'OrderCancelled'],
    ]);
    for (const page of [ada, bob]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Simulator' }).click();
      await expect.poll(() => logRows(page)).toEqual([...onServer].reverse());
    }
  });

  it('offline, a command waits in the outbox and is sent when the server is back; leaving returns to the own store, untouched', async () => {
    server = await startClassServer();
    const page = await open('#/simulator');
    const mine = [await placeOrder(page, 'Own lamp'), await placeOrder(page, 'Own desk')];
    // The log draws a new event a moment after the command's confirmation: wait for both rows.
    await expect.poll(async () => (await logRows(page)).map(([, stream]) => stream)).toEqual(mine.map((id) => `order-${id}`).reverse());
    const ownLog = await logRows(page);

    await joinClass(page, server.classCode, 'Ada');
    await expect.poll(() => logRows(page)).toEqual([]);
    const first = await placeOrder(page, 'Class chair');
    await expect.poll(() => logRows(page)).toEqual([['1', `order-${first}`, 'OrderPlaced']]);

    // The network to the command route goes away (the stream stays open: only sending fails).
    await page.route('**/api/classes/*/commands', (route) => route.abort('internetdisconnected'));
    const form = page.getByRole('region', { name: 'Place an order' });
    await form.getByLabel('Product').fill('While offline');
    await form.getByRole('button', { name: 'Place order' }).click();
    await form.getByRole('alert').filter({ hasText: /waits in your outbox \(1 waiting\)/ }).waitFor();
    await classStatus(page).filter({ hasText: /: offline, 1 waiting$/ }).waitFor();
    await shot(page, `${screenshotDir}/classroom-header-offline.png`);
    expect(await logRows(page)).toEqual([['1', `order-${first}`, 'OrderPlaced']]);

    await page.unroute('**/api/classes/*/commands');
    await classStatus(page).filter({ hasText: new RegExp(`^Joined as Ada in class ${server.classCode}: connected$`) }).waitFor();
    await expect.poll(async () => (await logRows(page)).map(([position, , type]) => [position, type])).toEqual([
      ['2', 'OrderPlaced'],
      ['1', 'OrderPlaced'],
    ]);

    // A screen that writes what no command decided says it works on the own store only, instead of failing there.
    await page.goto(page.url().replace(/#.*$/, '#/saga'));
    await page.getByRole('status').filter({ hasText: /Saga works on your own store only, not in a class: / }).waitFor();
    expect(await page.locator('saga-page').count()).toBe(0);
    await page.goto(page.url().replace(/#.*$/, '#/simulator'));
    await page.getByRole('region', { name: 'Place an order' }).waitFor();

    // Leaving: the own store's events are all there, and none of the class's leaked into it (after a reload too).
    await page.getByRole('banner').getByRole('button', { name: 'Leave the class' }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Join a class' }).waitFor();
    await expect.poll(() => logRows(page)).toEqual(ownLog);
    await page.reload();
    await page.getByRole('banner').getByRole('button', { name: 'Join a class' }).waitFor();
    await expect.poll(() => logRows(page)).toEqual(ownLog);
  });
});

describe('classroom: the instructor', () => {
  it('sees both students, their lag and the rates, pauses the class (a command is then refused with the pause explained) and resumes it', async () => {
    server = await startClassServer();
    const ada = await open('#/simulator');
    const bob = await open('#/simulator');
    await joinClass(ada, server.classCode, 'Ada');
    await joinClass(bob, server.classCode, 'Bob');
    await placeOrder(ada, 'Ada lamp');
    await placeOrder(bob, 'Bob desk');

    const teacher = await open('#/classroom/instructor');
    const screen = teacher.getByRole('main');
    await screen.getByLabel('Class code').fill(server.classCode);
    await screen.getByLabel('Instructor token').fill(server.instructorToken);
    await screen.getByRole('button', { name: 'Open the class' }).click();
    const students = screen.getByRole('region', { name: 'Students' });
    await expect
      .poll(async () => (await students.getByRole('row').allInnerTexts()).slice(1).map((row) => row.replace(/\s+/g, ' ').trim()).sort())
      .toEqual(['Ada yes 2 of 2 0', 'Bob yes 2 of 2 0']);
    const lag = students.getByRole('list', { name: 'Projection lag per student' });
    await expect.poll(async () => (await lag.getByRole('listitem').all()).length).toBe(2);
    await lag.getByRole('listitem', { name: 'Ada: 0 events behind' }).waitFor();
    await screen.getByRole('definition').filter({ hasText: '2 of 2' }).waitFor();
    // The token stays in this tab only.
    expect(await teacher.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([expect.any(Number), 1]);
    expect(await teacher.evaluate(() => JSON.stringify(localStorage))).not.toContain(server!.instructorToken);

    await screen.getByRole('button', { name: 'Pause the class' }).click();
    await screen.getByRole('status').filter({ hasText: 'Class paused.' }).waitFor();
    await screen.getByRole('button', { name: 'Resume the class' }).waitFor();
    await shot(teacher, `${screenshotDir}/classroom-instructor.png`, { fullPage: true });
    await expectAccessible(teacher, 'the instructor screen with a paused class');

    await classStatus(ada).filter({ hasText: '(paused by the instructor)' }).waitFor();
    await ada.getByLabel('Command', { exact: true }).selectOption({ label: 'Place an order' });
    const form = ada.getByRole('region', { name: 'Place an order' });
    await form.getByRole('button', { name: 'Place order' }).click();
    await form.getByRole('alert').filter({ hasText: 'The instructor has paused the class: nothing is recorded until they resume it.' }).waitFor();
    await shot(ada, `${screenshotDir}/classroom-paused.png`);
    await expectAccessible(ada, 'the simulator in a paused class');
    expect((await logRows(ada)).length).toBe(2);

    await screen.getByRole('button', { name: 'Resume the class' }).click();
    await classStatus(ada).filter({ hasText: new RegExp(`^Joined as Ada in class ${server.classCode}: connected$`) }).waitFor();
    await placeOrder(ada, 'After the pause');
    await expect.poll(async () => (await logRows(bob)).length).toBe(3);
    await expect
      .poll(async () => (await students.getByRole('row').allInnerTexts()).slice(1).map((row) => row.replace(/\s+/g, ' ').trim()).sort())
      .toEqual(['Ada yes 3 of 3 0', 'Bob yes 3 of 3 0']);
  });
});
