import { afterAll, afterEach, inject } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';

/**
 * What every journey test starts with: a fresh browser context (own IndexedDB, own storage) on the shared
 * Chromium, with the built app loaded. An uncaught error in the page fails the test that caused it, because a
 * journey that "passes" while the page throws is not a journey a person could finish.
 */

export type AppSession = {
  readonly page: Page;
  /** The browser context: open a second tab in it to share the first tab's IndexedDB. */
  readonly context: BrowserContext;
  /** Console errors seen so far (a failed fetch, a Lit warning promoted to error...). */
  readonly consoleErrors: readonly string[];
  /** Where this session's app is served, ending in `/` (see `OpenAppOptions.baseUrl`). */
  readonly baseUrl: string;
};

let browser: Browser | undefined;
const openContexts: BrowserContext[] = [];
const pageErrors: Error[] = [];

async function sharedBrowser(): Promise<Browser> {
  if (browser === undefined || !browser.isConnected()) {
    browser = await chromium.connect(inject('browserWsEndpoint'));
  }
  return browser;
}

export type OpenAppOptions = {
  /**
   * 'block' (the default) keeps the offline service worker out, so a journey does not share the machine with a
   * 5 MB precache running behind it; test/e2e/offline.test.ts passes 'allow' to test the offline copy itself.
   */
  readonly serviceWorkers?: 'allow' | 'block';
  /** Where the app is served, ending in `/`; the shared build (`appBaseUrl`) unless a test serves its own. */
  readonly baseUrl?: string;
};

/** A new context with one blank tab, the wait limit raised for a busy machine. */
async function blankTab(serviceWorkers: NonNullable<OpenAppOptions['serviceWorkers']>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await (await sharedBrowser()).newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers });
  // A wait gives up after a minute, not Playwright's 30 s: with the two cores under load (the e2e files run two at
  // a time) a page can take that long to reach a condition, and waiting longer costs nothing when it does.
  context.setDefaultTimeout(60_000);
  return { context, page: await context.newPage() };
}

/** Opens the app at `hash` (e.g. `#/simulator`) in a new context and waits until `<workbook-app>` has rendered. */
export async function openApp(hash = '', options: OpenAppOptions = {}): Promise<AppSession> {
  const { context, page } = await blankTab(options.serviceWorkers ?? 'block');
  openContexts.push(context);
  const consoleErrors: string[] = [];
  const baseUrl = options.baseUrl ?? inject('appBaseUrl');
  await loadApp(page, `${baseUrl}${hash}`, consoleErrors);
  return { page, context, consoleErrors, baseUrl };
}

/** A second tab of the same session: same origin, same IndexedDB, as when a person opens the app twice. */
export async function openAnotherTab(session: AppSession, hash = ''): Promise<Page> {
  const page = await session.context.newPage();
  await loadApp(page, `${session.baseUrl}${hash}`, session.consoleErrors as string[]);
  return page;
}

async function loadApp(page: Page, url: string, consoleErrors: string[]): Promise<void> {
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(url);
  await page.getByRole('banner').getByRole('heading', { name: 'Event Workbook' }).waitFor();
}

/** Where screenshots go, so a person (or a reviewer) can look at each screen after a run. */
export const screenshotDir = process.env['E2E_SHOTS_DIR'] ?? '/tmp/shots';

/**
 * The journeys' screenshots are for people to look at, not assertions: taken when `E2E_SHOTS_DIR` names where they
 * go (each costs a quarter of a second of the two cores; `npm test` leaves them out, `npm run screenshots` takes
 * every screen in every display).
 */
const screenshotsWanted = process.env['E2E_SHOTS_DIR'] !== undefined;

/** Saves a screenshot of `target` (a page, or an element) to `path` when screenshots are wanted. */
export async function shot(
  target: Page | Locator,
  path: string,
  options: { readonly fullPage?: boolean; readonly clip?: { x: number; y: number; width: number; height: number } } = {},
): Promise<void> {
  if (!screenshotsWanted) return;
  await target.screenshot({ path, ...options });
}

/** A downloaded file's text. The browser runs behind a remote connection: read it as a stream, not from its path. */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

afterEach(async () => {
  const errors = pageErrors.splice(0);
  for (const context of openContexts.splice(0)) await context.close();
  if (errors.length > 0) {
    throw new Error(`The page threw ${errors.length} uncaught error(s):\n${errors.map((e) => e.stack ?? e.message).join('\n')}`);
  }
});

afterAll(async () => {
  // Disconnects this file from the shared browser; the browser itself belongs to globalSetup.
  await browser?.close();
  browser = undefined;
});
