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

  it('a screen that cannot be fetched says so, and stays said, instead of "Loading…" forever', async () => {
    // No offline copy in this context (service workers blocked): with the network cut, a screen not opened yet
    // cannot be fetched.
    const { page, context } = await openApp('#/simulator');
    await context.setOffline(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Architecture' }).click();

    const failure = page.getByRole('alert').filter({ hasText: 'The Architecture screen could not be loaded' });
    await failure.waitFor();
    expect(await failure.innerText()).toContain('If you are offline, it was not stored for offline use yet: reconnect, then try again.');
    // It does not flicker back to "Loading…" while the shell retries (and fails again) on every render.
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => failedRequests.push(request.url()));
    // The shell draws itself again (a theme switch re-renders it); a retry would ask for the screen's chunk then.
    // A probe fetched after that render is the mark: every request the render made fails before it does.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.locator('workbook-app').evaluate((app) => (app as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete);
    const probe = new URL('/probe-after-render', page.url()).href;
    const probeFailed = page.waitForEvent('requestfailed', (request) => request.url() === probe);
    await page.evaluate((url) => fetch(url).catch(() => undefined), probe);
    await probeFailed;
    expect(failedRequests, 'the shell asked for the screen again on a render').toEqual([probe]);
    expect(await failure.isVisible()).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: 'Loading Architecture' }).count()).toBe(0);

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Architecture', level: 2 }).waitFor();
  });

  it('lands an unknown address on the simulator instead of a blank page', async () => {
    const { page } = await openApp('#/no-such-screen');

    await page.getByRole('heading', { name: 'Simulator', level: 2 }).waitFor();
    expect(await page.getByRole('button', { name: 'Place order' }).isEnabled()).toBe(true);
  });
});
