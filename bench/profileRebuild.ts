/**
 * A CPU profile of "Rebuild all" on #/simulator with the screen live (a development tool, not part of `npm run bench`):
 * `tsx bench/profileRebuild.ts <events|largest> <out.cpuprofile> [all|<projection>] [--data-screen]` prints the rebuild's time, the raw cursor read, and the
 * functions with the most self time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/e2e/chromium';
import { openSimulator, rawCursorRead, waitCaughtUp } from './screenBench';
import { seedFromDataScreen } from './dataScreenSeed';

const root = resolve(import.meta.dirname, '..');
const largest = process.argv[2] === 'largest';
const events = largest ? 0 : Number(process.argv[2] ?? 20_000);
const outFile = process.argv[3] ?? '/tmp/rebuild.cpuprofile';
const which = process.argv[4]?.startsWith('--') ? 'all' : (process.argv[4] ?? 'all');

const outDir = mkdtempSync(join(tmpdir(), 'workbook-prof-'));
await build({
  root,
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, sourcemap: false, minify: false, rollupOptions: { input: { app: resolve(root, 'index.html'), bench: resolve(root, 'bench/browser/index.html') } } },
});
const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await (await browser.newContext()).newPage();
  page.on('console', (message) => console.log(`[chromium] ${message.text()}`));
  await page.goto(`${base}bench/browser/index.html`);
  await page.waitForFunction(() => 'workbookBench' in window);
  let started = Date.now();
  // `--data-screen`: seeded as a person seeds (the Data screen's Seed button, customer emails encrypted), `events`
  // then being a number of orders; otherwise filled by the benchmark page (no encrypted fields).
  const stored = process.argv.includes('--data-screen')
    ? (await seedFromDataScreen(page, base, largest ? 'largest' : events, console.log)).stored
    : await page.evaluate((count) => window.workbookBench.fillAppStore(count), events);
  console.log(`seed ${stored} events: ${Date.now() - started} ms`);
  started = Date.now();
  await openSimulator(page, base, stored);
  await waitCaughtUp(page);
  console.log(`catch-up: ${Date.now() - started} ms`);
  console.log(`cursor: ${Math.round(await rawCursorRead(page))} events/s`);
  const cdp = await page.context().newCDPSession(page);
  const profiling = !process.env.NOPROF;
  await page.evaluate(() => { (globalThis as { RT?: unknown }).RT = undefined; });
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  started = Date.now();
  await page.getByRole('button', { name: which === 'all' ? 'Rebuild all' : `Rebuild ${which}`, exact: true }).click();
  await page
    .locator('projection-panel [role="status"]')
    .filter({ hasText: `Rebuilt ${which === 'all' ? 'all read models' : which}: replayed` })
    .waitFor({ timeout: 900_000 });
  const ms = Date.now() - started;
  console.log(`rebuild ${which}: ${ms} ms = ${Math.round(stored / (ms / 1000))} events/s`);
  console.log(`cursor: ${Math.round(await rawCursorRead(page))} events/s`);
  if (!profiling) process.exit(0);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(outFile, JSON.stringify(profile));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = profile.timeDeltas ?? [];
  profile.samples?.forEach((id, index) => {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anon)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[index] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [key, value] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${value.toFixed(0).padStart(7)} ms ${((100 * value) / total).toFixed(1).padStart(5)}%  ${key}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
