import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenFor } from '../../src/ui/routes';
import {
  contrastRules,
  describeViolations,
  faintControlBoundaries,
  openThemedSession,
  scanWithAxe,
  settle,
  showScreen,
  type Display,
  type ThemedSession,
} from './a11ySupport';
import { screenshotDir, shot } from './support';

/**
 * The accessibility suite's shared steps (issue 9), used by its three files: every screen scanned by axe in each
 * display, the states a student reaches, and the keyboard. A failure prints what to fix: rule, where (the shadow
 * path), and axe's advice.
 */

export const light: Display = { dark: false, largeText: false };
export const dark: Display = { dark: true, largeText: false };
export const largeText: Display = { dark: false, largeText: true };

export async function expectNoSeriousViolations(page: Page, where: string, rules?: readonly string[]): Promise<void> {
  const { failing, reported, contrastUndecided } = await scanWithAxe(page, rules);
  if (reported.length > 0) console.log(`${where}: reported, not failing:\n${describeViolations(reported)}`);
  if (contrastUndecided > 0) console.log(`${where}: ${contrastUndecided} text node(s) whose contrast axe could not decide (SVG labels, overlaps)`);
  expect(failing.length, `${where}: serious/critical violations:\n${describeViolations(failing)}`).toBe(0);
  // Axe judges text; a field's edge is judged here (WCAG 1.4.11: 3:1 against what surrounds it).
  expect(await faintControlBoundaries(page), `${where}: form fields whose edge is too faint to see`).toEqual([]);
}

/** A long-lived page per display setting; the tests of a describe run in order in it. */
export function sessionFor(display: Display): () => ThemedSession {
  let session: ThemedSession | undefined;
  beforeAll(async () => {
    session = await openThemedSession(display);
  });
  afterAll(async () => {
    const errors = session?.pageErrors ?? [];
    await session?.close();
    if (errors.length > 0) throw new Error(`The page threw:\n${errors.map((error) => error.stack ?? error.message).join('\n')}`);
  });
  return () => {
    if (session === undefined) throw new Error('The session did not open.');
    return session;
  };
}

/** Loads time travel's demo story (12 events through the ordinary command path) and waits until all are stored. */
export async function loadDemoStory(page: Page, how: 'click' | 'keyboard' = 'click'): Promise<void> {
  await showScreen(page, screenFor('time-travel'));
  const load = page.getByRole('button', { name: 'Load the demo story' });
  if (how === 'click') {
    await load.click();
  } else {
    await load.focus();
    await page.keyboard.press('Enter');
  }
  await page.getByRole('slider', { name: 'Position' }).waitFor();
  // A locator wait, not expect.poll: this also runs in a beforeAll.
  await page.getByRole('status').filter({ hasText: 'The store holds 12 events.' }).waitFor();
}

/** Scans the state on screen in light (every rule), then switches the header to dark and scans its colours. */
export async function scanBothThemes(page: Page, where: string): Promise<void> {
  const named = `${screenshotDir}/a11y-${where.replace(/\W+/g, '-')}`;
  await expectNoSeriousViolations(page, `light ${where}`);
  await shot(page, `${named}-light.png`);
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Dark theme' });
  await toggle.click();
  try {
    await settle(page);
    await expectNoSeriousViolations(page, `dark ${where}`, contrastRules);
    await shot(page, `${named}-dark.png`);
  } finally {
    await toggle.click();
  }
}
