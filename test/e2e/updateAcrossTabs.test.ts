import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screens } from '../../src/ui/routes';
import { openAnotherTab, openApp, screenshotDir, shot } from './support';

/**
 * A new version is deployed while the app is open in two tabs, with the real service worker serving two real builds
 * from one address. The person in one tab says Later and is typing; the person in the other says Reload. Nobody's
 * work is cut off mid-write, the update waits for it, and in the end both tabs run the new build with every screen
 * loading (a tab left on the old build would ask the server for screen files that are gone).
 */

const distDir = resolve(import.meta.dirname, '../..', process.env['E2E_DIST'] ?? 'dist');

/**
 * The next build, made from this one without a second `vite build` (half a minute on this machine): every hashed file
 * moves to another folder, as new hashes would move them, so the old build's screen files are gone from the server,
 * and the worker's precache list changes with them (the browser sees a new sw.js and installs it beside the old one).
 */
function nextBuildOf(dir: string): string {
  const next = mkdtempSync(join(tmpdir(), 'workbook-next-build-'));
  cpSync(dir, next, { recursive: true, filter: (path) => !path.endsWith('.map') });
  renameSync(join(next, 'assets'), join(next, 'assets-next'));
  const rewrite = (file: string, change: (text: string) => string) => {
    const path = join(next, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };
  rewrite('index.html', (html) => html.replaceAll('./assets/', './assets-next/'));
  rewrite('sw.js', (sw) =>
    sw.replaceAll('url:"assets/', 'url:"assets-next/').replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1next-build"'),
  );
  return next;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A static server whose folder can be swapped, as a deployment swaps what one address serves. */
function deploymentServer(): { server: Server; deploy: (dir: string) => void } {
  let root = distDir;
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const path = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!path.startsWith(root + sep) || !statSync(path, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    response.end(readFileSync(path));
  });
  return { server, deploy: (dir) => void (root = dir) };
}

let nextBuild: string;
let deployment: ReturnType<typeof deploymentServer>;
let baseUrl: string;

beforeAll(async () => {
  nextBuild = nextBuildOf(distDir);
  deployment = deploymentServer();
  await new Promise<void>((listening) => deployment.server.listen(0, '127.0.0.1', listening));
  const address = deployment.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`;
});

afterAll(async () => {
  await new Promise((closed) => deployment.server.close(closed));
  rmSync(nextBuild, { recursive: true, force: true });
});

/** Which build a tab runs: the folder its entry module came from ('assets' or 'assets-next'), or 'navigating'. */
const buildOf = (page: Page): Promise<string> =>
  page
    .evaluate(() => /\.\/([\w-]+)\//.exec(document.querySelector('script[type="module"]')?.getAttribute('src') ?? '')?.[1] ?? 'none')
    .catch(() => 'navigating');

/** A mark in the page's memory: gone once the tab has reloaded. */
const markPage = (page: Page) => page.evaluate(() => void ((window as { notReloaded?: boolean }).notReloaded = true));
const reloaded = (page: Page): Promise<boolean | 'navigating'> =>
  page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded !== true).catch(() => 'navigating' as const);

const waitingWorker = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none');

/** Opens every screen by its link's address, without a reload, and waits for its own heading. */
async function openEveryScreen(page: Page): Promise<void> {
  for (const screen of screens) {
    await page.evaluate((hash) => void (location.hash = hash), `#/${screen.name}`);
    await page.locator(screen.tag).getByRole('heading').first().waitFor();
  }
  expect(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count()).toBe(0);
}

describe('a new version while the app is open in two tabs', () => {
  it('Later holds while a tab is saving, Reload waits for that save, and both tabs end on the new build with every screen', async () => {
    // B: the first visit; the worker installs and takes this tab without a reload.
    const session = await openApp('#/simulator', { serviceWorkers: 'allow', baseUrl });
    const b = session.page;
    await expect.poll(() => b.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 30_000 }).toBe('activated');
    // A: a second tab, where the student works on Exercise 06.
    const a = await openAnotherTab(session, '#/exercise-06/1');
    const firstQuestion = a.getByRole('textbox').first();
    await firstQuestion.waitFor();
    expect([await buildOf(a), await buildOf(b)]).toEqual(['assets', 'assets']);

    // The new version is deployed; the browser finds it and installs it beside the running one.
    deployment.deploy(nextBuild);
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const bannerA = a.getByRole('region', { name: 'New version' });
    const bannerB = b.getByRole('region', { name: 'New version' });
    await bannerA.getByRole('button', { name: 'Later' }).waitFor({ timeout: 30_000 });
    await bannerB.getByRole('button', { name: 'Reload' }).waitFor({ timeout: 30_000 });
    await bannerA.getByRole('button', { name: 'Later' }).click();
    await markPage(a);
    await markPage(b);

    // A is mid-write: its autosave waits behind a transaction another connection holds on the answers.
    await b.evaluate(
      () =>
        new Promise<void>((held, failed) => {
          const open = indexedDB.open('event-workbook-progress');
          open.onerror = () => failed(open.error);
          open.onsuccess = () => {
            const answers = open.result.transaction('answers', 'readwrite').objectStore('answers');
            const hold = window as { holdAnswers?: boolean };
            hold.holdAnswers = true;
            const keepBusy = () => {
              if (hold.holdAnswers === true) answers.get('nothing').onsuccess = keepBusy;
              else open.result.close();
            };
            keepBusy();
            held();
          };
        }),
    );
    await firstQuestion.fill('Commands change state; queries only read it.');
    await a.getByRole('status').filter({ hasText: /^Saving…$/ }).waitFor();

    // B presses Reload: the update waits for A's save, and both tabs say what is happening.
    await bannerB.getByRole('button', { name: 'Reload' }).click();
    await bannerB.getByRole('status').filter({ hasText: 'waiting for another tab to finish saving' }).waitFor();
    await bannerA.getByRole('status').filter({ hasText: 'Another tab is updating Event Workbook' }).waitFor();
    await shot(a, `${screenshotDir}/update-other-tab-saving.png`);
    expect(await reloaded(a)).toBe(false);
    expect(await reloaded(b)).toBe(false);
    expect(await waitingWorker(b)).toBe('installed');

    // The save goes through; at that safe point the new version takes over and both tabs switch to it.
    await b.evaluate(() => void ((window as { holdAnswers?: boolean }).holdAnswers = false));
    await expect.poll(() => reloaded(a), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => reloaded(b), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => buildOf(a)).toBe('assets-next');
    await expect.poll(() => buildOf(b)).toBe('assets-next');
    // What A typed was saved before it reloaded.
    await expect.poll(() => a.getByRole('textbox').first().inputValue()).toBe('Commands change state; queries only read it.');

    // Every screen in B, the tab that used to stay on the old build; A runs the same entry module, from the same worker.
    await openEveryScreen(b);
    for (const page of [a, b]) {
      expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/assets/')).length)).toBe(0);
    }
    expect(session.consoleErrors).toEqual([]);
    // Two full precaches of the app (~5 MB each) on a busy two-core machine: more than the suite's default minute.
  }, 120_000);

  it('a tab left on the old build says that a screen it cannot load belongs to a newer version, and Reload opens it', async () => {
    deployment.deploy(distDir);
    const { page } = await openApp('#/simulator', { baseUrl });
    deployment.deploy(nextBuild);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Architecture' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'a newer version of Event Workbook' });
    await failure.waitFor();
    await failure.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { name: 'Architecture', level: 2 }).waitFor();
    expect(await buildOf(page)).toBe('assets-next');
  });
});
