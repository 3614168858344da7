import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from '../support';

/**
 * An instructor tells seed 000's story to a room: presenter mode on the CRUD-vs-events screen, one slide per key
 * press of a clicker (→ and Space), the room watching CRUD lose "processing" while the event history keeps it;
 * back one slide with ←, out with Esc, and the keyboard lands where the instructor left off.
 */

mkdirSync(screenshotDir, { recursive: true });

const stage = (page: Page): Locator => page.getByRole('region', { name: 'Current command' });
const storedEventTypes = async (page: Page): Promise<string[]> =>
  (await page.getByRole('list', { name: 'Stored events' }).locator('.type').allInnerTexts()).map((text) => text.trim());
const lostNotes = async (page: Page): Promise<string[]> =>
  Promise.all((await page.getByRole('note').all()).map(async (note) => (await note.getAttribute('aria-label')) ?? ''));
const toggle = (page: Page): Locator => page.getByRole('button', { name: 'Presenter mode' });
const hasFocus = (locator: Locator): Promise<boolean> => locator.evaluate((element) => element.matches(':focus'));

/** The CRUD table's one row as the room reads it: field → current value. */
async function crudRow(page: Page): Promise<Record<string, string>> {
  if ((await page.locator('dl[aria-label="CRUD row"]').count()) === 0) return {};
  const fields = await page.locator('dl[aria-label="CRUD row"] dt').allInnerTexts();
  const values = await page.locator('dl[aria-label="CRUD row"] dd .current').allInnerTexts();
  return Object.fromEntries(fields.map((field, index) => [field.trim(), values[index]?.trim() ?? '']));
}

/** What each slide must show once its key is pressed. */
const slides = [
  { request: 'POST /orders/', crudStatus: 'pending', events: ['OrderPlaced'] },
  { request: 'PUT /orders/1/status/ {"new_status": "processing"}', crudStatus: 'processing', events: ['OrderPlaced', 'OrderStatusSet'] },
  { request: 'PUT /orders/1/status/ {"new_status": "shipped"}', crudStatus: 'shipped', events: ['OrderPlaced', 'OrderStatusSet', 'OrderStatusSet'] },
] as const;

describe('journey: an instructor presents CRUD vs event sourcing', () => {
  it('steps through seed 000 with the keyboard, shows "processing" lost by CRUD and kept by the events, goes back, and leaves', async () => {
    const { page, consoleErrors } = await openApp('#/crud-vs-es');
    await page.getByRole('heading', { name: 'CRUD vs event sourcing' }).waitFor();
    await page.getByRole('link', { name: 'Seed 000: An order is shipped: what happens to "processing"?' }).waitFor();

    await toggle(page).click();
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    // The slide itself takes the keyboard, so the clicker's first press is not swallowed by the button.
    await expect.poll(() => hasFocus(stage(page))).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Story' }).count()).toBe(0);
    expect(await stage(page).innerText()).toContain('Nothing sent yet');
    await page.getByText('→ or Space: next · ←: back · Esc: leave').waitFor();

    for (const [index, slide] of slides.entries()) {
      await page.keyboard.press(index % 2 === 0 ? 'ArrowRight' : ' ');
      await expect.poll(() => stage(page).innerText()).toContain(`step ${index + 1} of ${slides.length}`);
      expect(await stage(page).innerText()).toContain(slide.request);
      await expect.poll(() => storedEventTypes(page)).toEqual(slide.events);
      expect((await crudRow(page))['status']).toBe(slide.crudStatus);
      // "processing" is still CRUD's to tell until the shipped slide writes over it.
      expect(await page.getByRole('note', { name: 'lost status: processing' }).count()).toBe(index === slides.length - 1 ? 1 : 0);
    }
    // The last slide: CRUD says shipped and names what it overwrote; the events still hold the processing fact.
    expect(await lostNotes(page)).toEqual(['lost status: pending', 'lost status: processing']);
    expect(await page.getByRole('note', { name: 'lost status: processing' }).innerText()).toMatch(/lost:\s*processing/);
    await shot(page, `${screenshotDir}/journey-presenter-shipped.png`);

    // A clicker pressed once too often stays on the last slide.
    await page.keyboard.press('ArrowRight');
    expect(await stage(page).innerText()).toContain('step 3 of 3');

    // The room asks: when did it start processing? The events know; CRUD does not.
    await page.getByRole('button', { name: 'When did order 1 start processing?' }).click();
    const answers = page.getByRole('group', { name: 'Answers: When did order 1 start processing?' });
    expect(await answers.getByLabel(/^The events say/).innerText()).toContain('10:15 UTC (OrderStatusSet, event #2)');
    expect(await answers.getByLabel(/^CRUD says/).innerText()).toContain('Unknown');

    // Back one slide: CRUD still held "processing" then; only the earlier statuses are lost.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => stage(page).innerText()).toContain('step 2 of 3');
    await expect.poll(async () => (await crudRow(page))['status']).toBe('processing');
    expect(await lostNotes(page)).toEqual(['lost status: pending']);
    expect(await storedEventTypes(page)).toEqual(slides[1].events);
    await expect.poll(() => answers.getByLabel(/^CRUD says/).innerText()).toContain('Since 10:15 UTC');
    await shot(page, `${screenshotDir}/journey-presenter-back.png`);

    await page.keyboard.press('Escape');
    await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('false');
    // Focus returns to the button that started presenter mode, so Enter would start it again.
    await expect.poll(() => hasFocus(toggle(page))).toBe(true);
    await page.getByRole('navigation', { name: 'Story' }).waitFor();
    // The story stays where the presenter left it, and the arrows belong to the page again.
    expect(await stage(page).innerText()).toContain('step 2 of 3');
    await page.keyboard.press('ArrowRight');
    expect(await stage(page).innerText()).toContain('step 2 of 3');
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await shot(page, `${screenshotDir}/journey-presenter-left.png`, { fullPage: true });
    expect(consoleErrors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  });
});
