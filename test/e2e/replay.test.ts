import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';

/** An instructor replays one order's events on the projector and watches them fold into its state. */

mkdirSync(screenshotDir, { recursive: true });

const progressText = (page: Page) => page.getByText(/^Event \d+ of \d+$/);
const stateAfter = (page: Page) => page.getByRole('table', { name: 'State after' });
const rowOf = (page: Page, field: string) => stateAfter(page).getByRole('row', { name: new RegExp(`^${field}\\b`) });

describe('the replay animation', () => {
  it('folds a demo order event by event, forward and back, to the state the store holds', async () => {
    const { page } = await openApp('#/replay');
    await expect.poll(() => page.getByText('There are no orders yet.').count()).toBe(1);
    await page.getByRole('button', { name: 'Load a demo order' }).click();
    await expect.poll(() => progressText(page).textContent()).toBe('Event 0 of 5');

    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => progressText(page).textContent()).toBe('Event 1 of 5');
    expect(await page.getByLabel('Event in').textContent()).toMatch(/OrderPlaced/);
    expect(await rowOf(page, 'status').textContent()).toMatch(/pending/);
    expect(await rowOf(page, 'status').textContent()).toMatch(/changed/);

    await page.getByRole('button', { name: 'Step forward' }).click();
    expect(await rowOf(page, 'status').textContent()).toMatch(/confirmed/);
    // Confirming changes the status, not the items: only changed fields are marked.
    expect(await rowOf(page, 'items').textContent()).not.toMatch(/changed/);
    expect(await page.getByRole('table', { name: 'State before' }).getByRole('row', { name: /^status/ }).textContent()).toMatch(/pending/);

    await page.getByRole('button', { name: 'Step back' }).click();
    await expect.poll(() => progressText(page).textContent()).toBe('Event 1 of 5');
    expect(await rowOf(page, 'status').textContent()).toMatch(/pending/);
    await shot(page, `${screenshotDir}/replay-light.png`, { fullPage: true });

    // Fastest speed, then play to the end.
    await page.getByRole('slider', { name: 'Speed' }).fill('4');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Final state' }).textContent(), { timeout: 10_000 })
      .toMatch(/Final state reached \(delivered\): it matches the stored state ✓/);
    expect(await progressText(page).textContent()).toBe('Event 5 of 5');
    expect(await page.getByRole('button', { name: 'Play' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/replay-dark.png`, { fullPage: true });

    await page.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => progressText(page).textContent()).toBe('Event 0 of 5');
  });

  it('pauses mid-replay and keeps its place', async () => {
    const { page } = await openApp('#/replay');
    await page.getByRole('button', { name: 'Load a demo order' }).click();
    await expect.poll(() => progressText(page).textContent()).toBe('Event 0 of 5');
    // The page's clock from here on is the test's: playback moves only when the test lets time pass. `install`
    // alone lets the fake time flow with the real one (a busy machine then played a second event before the
    // Pause click); `pauseAt` stops it, a second ahead, before Play is pressed.
    const start = Date.parse('2026-01-01T09:00:00Z');
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1_000);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.clock.runFor(1_000);
    await expect.poll(() => progressText(page).textContent()).toBe('Event 1 of 5');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor();
    // Ten seconds of the page's time, enough to play every remaining event at any speed: none is shown.
    await page.clock.runFor(10_000);
    expect(await progressText(page).textContent()).toBe('Event 1 of 5');
    // Play again from there: the next event is the second.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.clock.runFor(1_000);
    await expect.poll(() => progressText(page).textContent()).toBe('Event 2 of 5');
  });
});
