import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';

/** Seed 000's point on a projector: CRUD overwrites "processing", the events keep it and answer from it. */

const stage = (page: Page) => page.getByRole('region', { name: 'Current command' });
const storedEvents = (page: Page) => page.getByRole('list', { name: 'Stored events' }).getByRole('listitem');

describe('CRUD vs event sourcing', () => {
  it('shows the lost "processing" and answers "When did order 1 start processing?" from the events', async () => {
    const { page, consoleErrors } = await openApp('#/crud-vs-es/seed-000');
    await page.getByRole('heading', { name: 'CRUD vs event sourcing' }).waitFor();

    const next = page.getByRole('button', { name: 'Next step' });
    for (let step = 1; step <= 3; step += 1) {
      await next.click();
      await expect.poll(() => storedEvents(page).count()).toBe(step);
    }
    expect(await next.isDisabled()).toBe(true);
    await expect.poll(() => stage(page).innerText()).toContain('"new_status": "shipped"');

    const row = page.getByRole('definition').filter({ hasText: 'shipped' });
    expect(await row.first().innerText()).toMatch(/^shipped/);
    await page.getByRole('note', { name: 'lost status: processing' }).waitFor();
    expect(await storedEvents(page).allInnerTexts()).toEqual([
      expect.stringContaining('OrderPlaced'),
      expect.stringMatching(/OrderStatusSet[\s\S]*pending → processing/),
      expect.stringMatching(/OrderStatusSet[\s\S]*processing → shipped/),
    ]);

    // Answers wait until the question is asked, so the room can guess first.
    const answers = page.getByRole('group', { name: 'Answers: When did order 1 start processing?' });
    expect(await answers.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'When did order 1 start processing?' }).click();
    expect(await answers.getByLabel(/^The events say/).innerText()).toContain('10:15 UTC (OrderStatusSet, event #2)');
    expect(await answers.getByLabel(/^CRUD says/).innerText()).toContain('Unknown');

    // One step back, CRUD still holds "processing" and can answer; the answer stays open as the story steps.
    await page.getByRole('button', { name: 'Previous step' }).click();
    await expect.poll(() => answers.getByLabel(/^CRUD says/).innerText()).toContain('Since 10:15 UTC');
    await shot(page, `${screenshotDir}/crud-vs-es.png`, { fullPage: true });
    // A missing static file (an icon) is the shell's business, not this screen's.
    expect(consoleErrors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  });

  it('presenter mode: one command per key press, back with ←, Escape leaves', async () => {
    const { page } = await openApp('#/crud-vs-es/seed-001');
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    expect(await page.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed')).toBe('true');
    // The story links give way to the story itself.
    expect(await page.getByRole('navigation', { name: 'Story' }).count()).toBe(0);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stage(page).innerText()).toContain('POST /users/');
    await page.keyboard.press(' ');
    await expect.poll(() => stage(page).innerText()).toContain('PUT /users/1');
    await expect.poll(() => storedEvents(page).count()).toBe(2);
    await page.getByRole('note', { name: 'lost email: john.doe@example.com' }).waitFor();
    await shot(page, `${screenshotDir}/crud-vs-es-presenter.png`);

    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => storedEvents(page).count()).toBe(1);
    expect(await page.getByRole('note').count()).toBe(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('navigation', { name: 'Story' }).waitFor();
    // Out of presenter mode the arrow keys belong to the page again.
    await page.keyboard.press('ArrowRight');
    expect(await storedEvents(page).count()).toBe(1);

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/crud-vs-es-dark.png`, { fullPage: true });
  });

  it('presenter mode: Space on a focused question opens its answers and does not step the story', async () => {
    const { page } = await openApp('#/crud-vs-es/seed-000');
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => storedEvents(page).count()).toBe(1);

    const question = page.getByRole('button', { name: 'How long did order 1 sit in pending?' });
    await question.focus();
    await page.keyboard.press(' ');
    await expect.poll(() => question.getAttribute('aria-expanded')).toBe('true');
    expect(await storedEvents(page).count()).toBe(1);
    // Off a control, Space steps on as before.
    await stage(page).focus();
    await page.keyboard.press(' ');
    await expect.poll(() => storedEvents(page).count()).toBe(2);
  });

  it('"Use my simulator data" compares the app’s own CRUD twin and events for one order', async () => {
    const { page } = await openApp('#/time-travel');
    await page.getByRole('button', { name: 'Load the demo story' }).click();
    await page.getByRole('status').filter({ hasText: 'The store holds 12 events.' }).waitFor();

    await page.goto(page.url().replace(/#.*$/, '#/crud-vs-es/mine'));
    await page.getByLabel('Order or user').selectOption('order-1');
    // Order 1 of the demo went all the way to delivered: CRUD wrote over every status before.
    await page.getByRole('note', { name: 'lost status: processing' }).waitFor();
    expect(await storedEvents(page).count()).toBe(5);
    await shot(page, `${screenshotDir}/crud-vs-es-mine.png`, { fullPage: true });
    await page.getByRole('button', { name: 'How long did order 1 sit in pending?' }).click();
    const answers = page.getByRole('group', { name: 'Answers: How long did order 1 sit in pending?' });
    expect(await answers.getByLabel(/^CRUD says/).innerText()).toContain('Unknown');
    expect(await answers.getByLabel(/^The events say/).innerText()).toContain('OrderPlaced, event #1');
  });
});
