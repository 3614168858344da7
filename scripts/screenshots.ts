import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/e2e/chromium';
import { screens } from '../src/ui/routes';

/**
 * Every screen of the built app, photographed as a newcomer meets it, for a person to look at: each route at 1024 and
 * 1366 px wide, in the light theme, the dark theme and large text, with data in the store (a shop seeded on the Data
 * screen, and one order whose customer id and product are long, as real ones can be).
 *
 * Usage: `npm run screenshots [-- --out <folder>] [--no-build] [--routes simulator,trace] [--widths 1024,1366]`.
 * The folder (default `screenshots/`, not committed) holds `<width>/<display>/<NN>-<route>.png`.
 */

type Display = 'light' | 'dark' | 'large';
const displays: readonly Display[] = ['light', 'dark', 'large'];

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const outDir = resolve(root, option('out') ?? 'screenshots');
const widths = (option('widths') ?? '1024,1366').split(',').map(Number);
const onlyRoutes = option('routes')?.split(',');
const routes = screens.filter((screen) => onlyRoutes === undefined || onlyRoutes.includes(screen.name));
if (widths.some((width) => !Number.isInteger(width) || width < 320)) throw new Error('--widths: whole numbers of pixels, at least 320, separated by commas.');
if (onlyRoutes !== undefined && routes.length !== onlyRoutes.length)
  throw new Error(`--routes: unknown route among ${onlyRoutes.join(', ')}; the routes are ${screens.map((s) => s.name).join(', ')}.`);

const distDir = resolve(root, 'dist');
if (!args.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (!existsSync(resolve(distDir, 'index.html'))) throw new Error('dist/ has no build: run without --no-build.');

const started = performance.now();
const server = await preview({ root, logLevel: 'warn', build: { outDir: distDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
const address = server.httpServer.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const baseUrl = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch(chromiumLaunchOptions);
let shots = 0;
const wider: string[] = [];
try {
  // One context for the whole run: the seeded store and the display preferences (localStorage) carry across pages.
  const context = await browser.newContext({ viewport: { width: widths[0]!, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await open(page, '#/data');
  await seedShop(page);
  await placeLongOrder(page);
  await runSaga(page);

  rmSync(outDir, { recursive: true, force: true });
  for (const display of displays) {
    await setDisplay(page, display);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      const folder = resolve(outDir, String(width), display);
      mkdirSync(folder, { recursive: true });
      for (const screen of routes) {
        const index = screens.indexOf(screen);
        await open(page, `#/${screen.name}`);
        await screenReady(page, screen.tag, screen.name);
        if (screen.name === 'trace') await openNewestTrace(page);
        const file = resolve(folder, `${String(index + 1).padStart(2, '0')}-${screen.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        shots += 1;
        // The one defect a machine can see for sure: a page wider than the screen (a control or text off-screen).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) wider.push(`${file}: ${overflow} px wider than the ${width} px window`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${shots} screenshots in ${outDir} (${((performance.now() - started) / 1000).toFixed(0)} s). Look at each one.`);
for (const line of wider) console.log(`  wider than the screen: ${line}`);

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${baseUrl}${hash}`);
  await page.getByRole('banner').getByRole('heading', { name: 'Event Workbook' }).waitFor();
}

/** The screen's element has rendered, its lazy chunks and first reads are done, and the fonts are in. */
async function screenReady(page: Page, tag: string, name: string): Promise<void> {
  await page.locator(tag).first().waitFor();
  await page.waitForLoadState('networkidle');
  if (name === 'architecture') await page.locator(`${tag} svg`).first().waitFor();
  // Statuses that say a read is under way ("Opening your answers…", "Reading the order streams…") are gone.
  await page.getByRole('status').filter({ hasText: /^(Opening|Reading|Loading)\b/ }).first().waitFor({ state: 'detached' }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The trace screen shows its tree only for a chosen command: choose the newest, the saga's. */
async function openNewestTrace(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'Recent commands' }).getByRole('link').first().click();
  await page.getByRole('heading', { name: /^Correlation / }).waitFor();
}

async function seedShop(page: Page): Promise<void> {
  const seed = page.getByRole('region', { name: 'Seed a data set' });
  await seed.getByLabel('Orders').fill('12');
  await seed.getByRole('button', { name: 'Seed', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Seeded \d/ }).waitFor({ timeout: 120_000 });
}

/** An order whose ids and text are as long as the forms allow a person to type them, to find what they cut. */
async function placeLongOrder(page: Page): Promise<void> {
  await open(page, '#/simulator');
  const form = page.getByRole('region', { name: 'Place an order' });
  await form.getByLabel('Customer ID').fill('customer-0f6c1e2a-94d1-4c1b-a8e3-5f2b7d9c0e4a-emea-wholesale');
  await form.getByLabel('Customer email').fill('procurement.department.north-west@very-long-company-name.example.com');
  await form.getByLabel('Product').fill('Ergonomic height-adjustable standing desk with cable tray');
  await form.getByRole('button', { name: 'Place order' }).click();
  await form.getByRole('status').filter({ hasText: /Order .+ placed/ }).waitFor();
}

/** One order through seed 004's saga, so the saga, trace and metrics screens have a saga to show. */
async function runSaga(page: Page): Promise<void> {
  await open(page, '#/saga');
  await page.getByRole('spinbutton', { name: 'Quantity of Mouse' }).fill('2');
  await page.getByRole('button', { name: 'Place order through the saga' }).click();
  await page.getByRole('status').filter({ hasText: /placed: its saga runs below/ }).waitFor();
  await page.getByText('completed', { exact: true }).first().waitFor({ timeout: 60_000 });
}

async function setDisplay(page: Page, display: Display): Promise<void> {
  const want = { dark: display === 'dark', large: display === 'large' };
  for (const [name, on] of [
    ['Dark theme', want.dark],
    ['Large text', want.large],
  ] as const) {
    const button = page.getByRole('banner').getByRole('button', { name });
    if (((await button.getAttribute('aria-pressed')) === 'true') !== on) await button.click();
  }
}
