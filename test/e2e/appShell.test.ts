import { describe, expect, it } from 'vitest';
import { openApp } from './support';

/** The frame around every screen: title, navigation, routes in the URL hash. */

describe('the app shell', () => {
  it('opens on the simulator, marked as the current page in the navigation, without console errors', async () => {
    const { page, consoleErrors } = await openApp();

    expect(await page.title()).toBe('Event Workbook');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    expect(await navigation.getByRole('link', { name: 'Simulator' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { name: 'Simulator', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Place order' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('points a first-time visitor to the first lesson from the screen it opens on', async () => {
    const { page } = await openApp();

    await page.getByRole('link', { name: 'CRUD loses history' }).click();
    await page.getByRole('heading', { name: 'CRUD loses history', level: 2 }).waitFor();
    expect(page.url()).toMatch(/#\/lessons\/crud-loses-history$/);
  });

  it('lands an unknown address on the simulator instead of a blank page', async () => {
    const { page } = await openApp('#/no-such-screen');

    await page.getByRole('heading', { name: 'Simulator', level: 2 }).waitFor();
    expect(await page.getByRole('button', { name: 'Place order' }).isEnabled()).toBe(true);
  });
});
