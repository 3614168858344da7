import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screens } from '../../src/ui/routes';
import { openApp, screenshotDir, shot } from './support';

/**
 * The workbook is an installable app that keeps working without a network: after the first visit the service
 * worker has precached every file, so each screen, a lesson's Mermaid diagram and the exercise runner's worker
 * load with the network cut, and nothing tries to reach the server.
 */

mkdirSync(screenshotDir, { recursive: true });

const distDir = resolve(import.meta.dirname, '../..', process.env['E2E_DIST'] ?? 'dist');
const offlineText = 'Offline — everything still works; your data is stored in this browser';

/** Waits until the service worker has precached the app and controls this page (a first visit is not controlled). */
async function installOfflineCopy(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.getByRole('banner').getByRole('heading', { name: 'Event Workbook' }).waitFor();
  }
  // The controller may still be finishing its activation (the precache clean-up) on a busy machine: wait for it.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state), { timeout: 120_000 }).toBe('activated');
}

/**
 * Cuts the network twice over: the browser's offline mode, and a route that refuses (and records) any request that
 * still leaves the browser. A file missing from the precache shows up as an escaped request, not as a pass.
 */
async function cutNetwork(context: BrowserContext): Promise<string[]> {
  const escaped: string[] = [];
  await context.route('**/*', async (route) => {
    escaped.push(route.request().url());
    await route.abort('internetdisconnected');
  });
  await context.setOffline(true);
  return escaped;
}

/** A fresh load of the app at `hash` (going through about:blank: a hash-only change would not reload the page). */
async function reloadAt(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${inject('appBaseUrl')}${hash}`);
  await page.getByRole('banner').getByRole('heading', { name: 'Event Workbook' }).waitFor();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('offline', () => {
  it('precaches every file the build emits except source maps and the worker itself', () => {
    const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
    const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]));
    const emitted = filesUnder(distDir)
      .map((path) => relative(distDir, path))
      .filter((path) => !path.endsWith('.map') && path !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(path));
    // Mermaid alone splits into dozens of chunks; a file over the size limit would silently be left out.
    expect(emitted.length).toBeGreaterThan(50);
    expect(emitted.filter((path) => !precached.has(path))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      icons: { sizes: string; type: string }[];
    };
    expect(manifest.name).toBe('Event Workbook');
    expect(manifest.icons.filter((icon) => icon.type === 'image/png').map((icon) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
  });

  it('after the first visit, every screen, a Mermaid lesson and the exercise runner work with the network cut', { timeout: 180_000 }, async () => {
    const { page, context, consoleErrors } = await openApp('#/simulator', { serviceWorkers: 'allow' });
    const indicator = page.getByRole('banner').getByRole('status');
    await expect.poll(() => indicator.innerText()).toBe('Online');
    await installOfflineCopy(page);

    const escaped = await cutNetwork(context);
    await expect.poll(() => indicator.innerText()).toBe(offlineText);
    await shot(page.getByRole('banner'), `${screenshotDir}/offline-header.png`);

    expect(screens).toHaveLength(22);
    // One reload with the network cut: the page, its entry and the first screen come from the precache. Every route
    // is the same document (the route is the address's #fragment, never sent), so from here on each screen is
    // opened as a link opens it, and its lazily loaded module, not in this page's memory since the reload, comes
    // from the precache too.
    await reloadAt(page, '#/simulator');
    for (const screen of screens) {
      await page.evaluate((hash) => (location.hash = hash), `#/${screen.name}`);
      // Each screen's own title, inside its element: the lazily loaded module came from the precache.
      await page.locator(screen.tag).getByRole('heading').first().waitFor();
      expect(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count(), screen.name).toBe(0);
      expect(await indicator.innerText(), screen.name).toBe(offlineText);
    }

    // A lesson with Mermaid diagrams: the renderer and its diagram chunks load from the precache.
    await reloadAt(page, '#/lessons');
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Commands and queries: CQRS/ }).click();
    await page.getByRole('heading', { name: 'Commands and queries: CQRS', level: 2 }).waitFor();
    const diagram = page.getByRole('img', { name: /^Diagram:/ }).first();
    await diagram.locator('svg').waitFor();

    // The exercise runner: its chunk (sucrase and the sandbox worker's script) comes from the precache too; the sandbox
    // frame itself is a srcdoc, since no service worker serves an opaque-origin frame.
    await reloadAt(page, '#/exercises/01-decide');
    await page.getByRole('button', { name: 'Run tests' }).click();
    const results = page.getByRole('list', { name: 'Test results' });
    await results.waitFor();
    expect(await results.getByRole('listitem').count()).toBeGreaterThan(0);
    await shot(page, `${screenshotDir}/offline-exercise.png`, { fullPage: true });

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page.getByRole('banner'), `${screenshotDir}/offline-header-dark.png`);

    expect(escaped).toEqual([]);
    expect(consoleErrors).toEqual([]);

    // Back online, the indicator says so.
    await context.setOffline(false);
    await expect.poll(() => indicator.innerText()).toBe('Online');
  });

  it('the first visit\'s own tab, without a reload, opens a screen it never loaded with the network cut', { timeout: 180_000 }, async () => {
    const { page, context, consoleErrors } = await openApp('#/simulator', { serviceWorkers: 'allow' });
    // The worker takes the tab that installed it: no reload needed before the offline copy serves it.
    // Installing means fetching the whole precache (5 MB): on a busy machine that takes a while.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 120_000 }).toBe('activated');

    const escaped = await cutNetwork(context);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Architecture' }).click();
    await page.getByRole('heading', { name: 'Architecture', level: 2 }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count()).toBe(0);
    expect(escaped).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('offers a newer version without forcing it: Later hides the banner, Reload switches to the new version', async () => {
    const { page, consoleErrors } = await openApp('#/lessons', { serviceWorkers: 'allow' });
    await installOfflineCopy(page);

    // A newer version, as the browser sees one: a worker script at another URL for the same scope installs beside
    // the running one and waits (registerType 'prompt' never skips waiting on its own). A real second build would
    // change sw.js's bytes instead; both reach the same onNeedRefresh callback in vite-plugin-pwa's registration.
    // (Playwright cannot reroute the browser's own fetch of the worker script, so its bytes cannot be swapped here.)
    await page.evaluate(async () => {
      await navigator.serviceWorker.register('./sw.js?version=next', { scope: './' });
    });

    const banner = page.getByRole('region', { name: 'New version' });
    await banner.getByRole('status').filter({ hasText: 'A new version of Event Workbook is ready — Reload to update' }).waitFor();
    await shot(page, `${screenshotDir}/update-prompt.png`);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(banner, `${screenshotDir}/update-prompt-dark.png`);

    // Later: the page goes on with the version it has; the new one keeps waiting.
    await banner.getByRole('button', { name: 'Later' }).click();
    expect(await banner.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state))
      .toBe('installed');

    // Reload: the waiting version takes over and the page reloads under it.
    await page.reload();
    await banner.getByRole('button', { name: 'Reload' }).waitFor();
    await page.evaluate(() => {
      (window as { beforeUpdate?: boolean }).beforeUpdate = true;
    });
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as { beforeUpdate?: boolean }).beforeUpdate ?? 'reloaded').catch(() => 'navigating'))
      .toBe('reloaded');
    await page.getByRole('banner').getByRole('heading', { name: 'Event Workbook' }).waitFor();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    expect(await banner.count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
