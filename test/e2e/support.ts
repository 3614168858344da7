import { inject } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';

/**
 * What every journey test starts with: a tab of its own on the shared Chromium (own IndexedDB, own storage), with
 * the built app loaded. An uncaught error in the page fails the test that caused it, because a
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

const viewport = { width: 1280, height: 900 };

/** A new context with one blank tab, the wait limit raised for a busy machine. */
async function blankTab(serviceWorkers: NonNullable<OpenAppOptions['serviceWorkers']>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await (await sharedBrowser()).newContext({ viewport, serviceWorkers });
  // A wait gives up after a minute, not Playwright's 30 s: with the two cores under load (the e2e files run two at
  // a time) a page can take that long to reach a condition, and waiting longer costs nothing when it does.
  context.setDefaultTimeout(60_000);
  return { context, page: await context.newPage() };
}

/**
 * A test's tab, and whether the next test of this file may have it again. Making a context and its first tab costs
 * about 0.4 s (a new renderer process) and loading the app in it another 0.6 s (no HTTP or code cache): a quarter of
 * the suite's time. So a tab a test leaves as it found it (only navigated, typed, clicked) is handed to the file's
 * next test, with every byte the app stored deleted first: IndexedDB, local and session storage, caches. What a
 * test changes beyond the page's own storage (routes, offline, init scripts, a clock, a CDP session) cannot be
 * undone reliably, so such a test's context is closed as before. Only within one file: files never share a tab.
 */
type Tab = { readonly context: BrowserContext; readonly page: Page; reusable: boolean };

/** What Playwright's pages and contexts are underneath (Node's EventEmitter API, not all of it in their types). */
type Emitter = {
  eventNames(): (string | symbol)[];
  listeners(name: string | symbol): unknown[];
  off(name: string | symbol, listener: unknown): unknown;
};
const emitter = (target: Page | BrowserContext): Emitter => target as unknown as Emitter;
/** The listeners an emitter has before any test adds one: Playwright's own (a context's close waits on one). */
const ownListeners = new WeakMap<Emitter, Map<string | symbol, Set<unknown>>>();

function rememberOwnListeners(emitter: Emitter): void {
  if (ownListeners.has(emitter)) return;
  ownListeners.set(emitter, new Map(emitter.eventNames().map((name) => [name, new Set(emitter.listeners(name))])));
}

/** Takes off every listener a test (or loadApp) added, and only those. */
function removeAddedListeners(emitter: Emitter): void {
  const own = ownListeners.get(emitter);
  for (const name of emitter.eventNames()) {
    for (const listener of emitter.listeners(name)) {
      if (!own?.get(name)?.has(listener)) emitter.off(name, listener);
    }
  }
}

const tabsInUse: Tab[] = [];
let spareTab: { readonly context: BrowserContext; readonly page: Page } | undefined;

/** Marks the tab as not reusable whenever one of these methods is called on `target`. */
function spoilOnCall(tab: Tab, target: object, methods: readonly string[]): void {
  const object = target as Record<string, unknown>;
  for (const method of methods) {
    const original = object[method];
    if (typeof original !== 'function') continue;
    object[method] = (...args: unknown[]) => {
      tab.reusable = false;
      return (original as (...a: unknown[]) => unknown).apply(target, args);
    };
  }
}

/** Marks the tab as not reusable when `property` (e.g. the clock) is so much as looked at. */
function spoilOnRead(tab: Tab, target: object, property: string): void {
  const value = (target as Record<string, unknown>)[property];
  Object.defineProperty(target, property, {
    configurable: true,
    get() {
      tab.reusable = false;
      return value;
    },
  });
}

function watched(context: BrowserContext, page: Page, reusable: boolean): Tab {
  const tab: Tab = { context, page, reusable };
  rememberOwnListeners(emitter(context));
  rememberOwnListeners(emitter(page));
  const changesTheContext = ['addInitScript', 'exposeBinding', 'exposeFunction', 'route', 'routeFromHAR', 'routeWebSocket', 'setOffline', 'grantPermissions', 'setExtraHTTPHeaders', 'setGeolocation', 'setHTTPCredentials', 'newCDPSession', 'addCookies'];
  spoilOnCall(tab, context, changesTheContext);
  spoilOnCall(tab, page, ['addInitScript', 'exposeBinding', 'exposeFunction', 'route', 'routeFromHAR', 'routeWebSocket', 'emulateMedia', 'setExtraHTTPHeaders', 'close']);
  spoilOnRead(tab, context, 'clock');
  spoilOnRead(tab, page, 'clock');
  tabsInUse.push(tab);
  return tab;
}

/** The file's spare tab with the app's stored data deleted, or a new context. */
async function tabFor(options: OpenAppOptions): Promise<Tab> {
  const shared = options.serviceWorkers === undefined && options.baseUrl === undefined;
  if (shared && spareTab !== undefined) {
    const { context, page } = spareTab;
    spareTab = undefined;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(inject('appBaseUrl')).origin, storageTypes: 'all' });
    await cdp.detach();
    await page.setViewportSize(viewport);
    return watched(context, page, true);
  }
  const { context, page } = await blankTab(options.serviceWorkers ?? 'block');
  return watched(context, page, shared);
}

/** Opens the app at `hash` (e.g. `#/simulator`) in a fresh tab and waits until `<workbook-app>` has rendered. */
export async function openApp(hash = '', options: OpenAppOptions = {}): Promise<AppSession> {
  const { context, page } = await tabFor(options);
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

/**
 * Leaves the tab as the next test must find it: its other tabs closed, its session storage emptied, its listeners
 * gone and the app unloaded (about:blank), so no connection holds the databases the next test deletes. False when
 * anything of that fails: the context is closed instead.
 */
async function putAway(tab: Tab): Promise<boolean> {
  const { context, page } = tab;
  if (!tab.reusable || page.isClosed() || spareTab !== undefined) return false;
  try {
    for (const other of context.pages()) if (other !== page) await other.close();
    if (!page.url().startsWith(inject('appBaseUrl'))) return false;
    await page.evaluate(() => sessionStorage.clear());
    removeAddedListeners(emitter(page));
    removeAddedListeners(emitter(context));
    await page.goto('about:blank');
    return context.pages().length === 1;
  } catch {
    return false;
  }
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

/**
 * A time-travel field's button, by the field it names ("state.status of order-1"): its accessible name goes on with
 * the value it shows ("state.status of order-1: placed"), and order-1 must not also find order-10.
 */
export function fieldButton(where: Page | Locator, field: string): Locator {
  return where.getByRole('button', { name: new RegExp(`^${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) });
}

/** A downloaded file's text. The browser runs behind a remote connection: read it as a stream, not from its path. */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * After each test (registered by test/e2e/setupHooks.ts, a setup file, so it is registered again for every file even
 * when the files of a worker share this module): hands a clean tab on, closes the others, and fails the test on an
 * uncaught page error.
 */
export async function afterEachTest(): Promise<void> {
  const errors = pageErrors.splice(0);
  for (const tab of tabsInUse.splice(0)) {
    if (await putAway(tab)) spareTab = { context: tab.context, page: tab.page };
    else await tab.context.close();
  }
  if (errors.length > 0) {
    throw new Error(`The page threw ${errors.length} uncaught error(s):\n${errors.map((e) => e.stack ?? e.message).join('\n')}`);
  }
}

/** After each file: its spare tab is closed, so files never share a tab. */
export async function afterEachFile(): Promise<void> {
  await spareTab?.context.close();
  spareTab = undefined;
  // Disconnects this file from the shared browser; the browser itself belongs to globalSetup.
  await browser?.close();
  browser = undefined;
}
