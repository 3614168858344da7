import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenFor, screens } from '../../src/ui/routes';
import { disconnectA11yBrowser, showScreen, tabThroughPage, unreachedControls } from './a11ySupport';
import { light, loadDemoStory, sessionFor } from './a11ySuite';
import { screenshotDir, shot } from './support';

/**
 * Issue 9: every control on every screen is reachable and operable from the keyboard, with a visible focus
 * indicator and no trap.
 */

mkdirSync(screenshotDir, { recursive: true });
afterAll(disconnectA11yBrowser);

describe('keyboard: every screen tabbed through from the top', () => {
  const session = sessionFor(light);
  /** More presses than any screen has stops (the console, the longest, has about 60 with the demo story). */
  const bound = 250;

  beforeAll(async () => {
    // A store with a history, so the screens show their rows, links and per-event controls too.
    await loadDemoStory(session().page);
  });

  it('notices a control only a mouse can reach and a focus nobody can see', async () => {
    const { page } = session();
    await showScreen(page, screenFor('simulator'));
    await page.locator('simulator-page').evaluate((host) => {
      const probe = document.createElement('div');
      probe.id = 'a11y-probe';
      probe.innerHTML = '<button type="button" style="outline:none;box-shadow:none">No ring</button><button type="button" tabindex="-1">Mouse only</button>';
      host.shadowRoot?.prepend(probe);
    });
    try {
      const walk = await tabThroughPage(page, bound);
      expect(walk.withoutIndicator).toEqual([expect.stringMatching(/simulator-page > button "No ring"$/)]);
      expect(await unreachedControls(page)).toEqual([expect.stringMatching(/simulator-page > button "Mouse only"$/)]);
    } finally {
      await page.locator('simulator-page').evaluate((host) => host.shadowRoot?.getElementById('a11y-probe')?.remove());
    }
  });

  for (const screen of screens) {
    it(`${screen.label}: every control reached, each with a visible focus indicator, no trap`, async () => {
      const { page } = session();
      await showScreen(page, screen);
      const walk = await tabThroughPage(page, bound);
      const unreached = await unreachedControls(page);
      console.log(`${screen.name}: ${walk.stops} tab stops, then focus ${walk.ended}`);
      if (walk.capturedTab.length > 0) console.log(`${screen.name}: Tab kept by (left with Esc, Tab): ${walk.capturedTab.join('; ')}`);
      expect(walk.ended, `${screen.name}: focus never left the page within ${bound} presses`).toMatch(/^(left|cycled)$/);
      // The header's two display buttons and the 19 navigation links come before any screen's own controls.
      expect(walk.stops).toBeGreaterThan(screens.length + 2);
      expect(walk.withoutIndicator, `${screen.name}: focused without a visible indicator`).toEqual([]);
      expect(unreached, `${screen.name}: controls the keyboard never reached`).toEqual([]);
    });
  }
});

describe('keyboard: operating the controls', () => {
  const session = sessionFor(light);
  const focusedName = (page: Page): Promise<string> =>
    page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return (active?.getAttribute('aria-label') ?? active?.textContent ?? '').replace(/\s+/g, ' ').trim();
    });

  it('follows a navigation link with Enter', async () => {
    const { page } = session();
    await showScreen(page, screenFor('simulator'));
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Data', level: 2 }).waitFor();
    expect(await link.getAttribute('aria-current')).toBe('page');
    expect(new URL(page.url()).hash).toBe('#/data');
  });

  // Before any order: time travel offers its demo story only on an empty store.
  it('moves the time-travel scrubber with the arrow keys, Home and End', async () => {
    const { page } = session();
    await loadDemoStory(page, 'keyboard');
    const slider = page.getByRole('slider', { name: 'Position' });
    await slider.focus();
    await page.keyboard.press('Home');
    const first = await slider.inputValue();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue()).toBe(String(Number(first) + 2));
    const last = Number(await slider.getAttribute('max'));
    expect(last).toBeGreaterThan(Number(first) + 2);
    await page.keyboard.press('End');
    await expect.poll(() => slider.inputValue()).toBe(String(last));
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.inputValue()).toBe(String(last - 1));
  });

  it('places an order with the keyboard alone and opens and closes disclosures with Enter and Space', async () => {
    const { page } = session();
    await showScreen(page, screenFor('simulator'));
    const form = page.getByRole('region', { name: 'Place an order' });
    await form.getByLabel('Customer ID').focus();
    for (const value of ['customer-9', 'lin@example.com', 'Monitor', '1', '120']) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    await page.getByRole('button', { name: 'Place order' }).focus();
    const box = await page.getByRole('button', { name: 'Place order' }).boundingBox();
    if (box !== null) {
      // With a margin: the ring is drawn outside the button's box.
      const clip = { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 24 };
      await shot(page, `${screenshotDir}/a11y-focus-ring-place-order.png`, { clip });
    }
    await page.keyboard.press('Enter');
    const confirmation = page.getByRole('status').filter({ hasText: /Order .+ placed/ });
    await confirmation.waitFor();
    const orderId = /Order (\S+) placed/.exec(await confirmation.innerText())?.[1] ?? '';
    // The event's JSON is a disclosure button (aria-expanded): Enter opens it, Space closes it.
    const row = page.getByRole('table', { name: 'Event log' }).getByRole('row').filter({ hasText: `order-${orderId}` });
    const disclosure = row.getByRole('button', { name: /^JSON of event/ });
    await disclosure.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => disclosure.getAttribute('aria-expanded')).toBe('true');
    expect(await row.innerText()).toContain('"product": "Monitor"');
    await page.keyboard.press(' ');
    await expect.poll(() => disclosure.getAttribute('aria-expanded')).toBe('false');

    // The pipeline view is a <details>: its summary opens with Enter and closes with Space.
    const pipeline = page.locator('simulator-page details.pipeline');
    await pipeline.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => pipeline.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(() => pipeline.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
  });

  it('runs presenter mode from the keyboard: Enter starts it, → steps, Esc leaves with focus back on the toggle', async () => {
    const { page } = session();
    await showScreen(page, screenFor('crud-vs-es'));
    const toggle = page.getByRole('button', { name: 'Presenter mode' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const stage = page.getByRole('region', { name: 'Current command' });
    await expect.poll(() => stage.evaluate((element) => element.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stage.innerText()).toContain('step 1 of 3');
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.evaluate((element) => element.matches(':focus'))).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('closes the reset dialog with Esc, keeps every event and returns focus to the button that opened it', async () => {
    const { page } = session();
    await showScreen(page, screenFor('data'));
    const opener = page.getByRole('button', { name: 'Reset the simulator…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reset the simulator?' });
    await dialog.waitFor();
    // Focus starts on the safe choice.
    expect(await focusedName(page)).toBe('Keep everything');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedName(page)).toBe('Reset the simulator…');
  });
});
