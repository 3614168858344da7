import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../test/e2e/chromium';
import type { InitialFile, InitialJs } from './initialJs';

/**
 * The JavaScript a browser really fetches before the first screen is usable: the built app is served, loaded in
 * Chromium on `route`, and every script response the page received until `ready` holds is summed (gzip level 9 of
 * its body, as a server would send it). Unlike reading index.html and its static imports, this counts the lazy
 * chunk of the screen itself, which the router imports at once. The service worker is blocked: what it precaches
 * for offline use afterwards is not what a person waits for.
 */
export async function measureFetchedJs(
  distDir: string,
  { route = '#/simulator', readyHeading = 'Event log' }: { readonly route?: string; readonly readyHeading?: string } = {},
): Promise<InitialJs> {
  const server = await preview({ logLevel: 'warn', build: { outDir: distDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const bodies: Promise<InitialFile | null>[] = [];
    let counting = true;
    page.on('response', (response) => {
      if (!counting) return;
      const url = new URL(response.url());
      const isScript = response.request().resourceType() === 'script' || url.pathname.endsWith('.js');
      if (!isScript || response.status() !== 200) return;
      bodies.push(
        response
          .body()
          .then((body) => ({ file: url.pathname.replace(/^\//, ''), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }))
          .catch(() => null),
      );
    });
    await page.goto(`${base}index.html${route}`);
    await page.getByRole('heading', { name: readyHeading }).waitFor({ timeout: 60_000 });
    counting = false;
    const files = (await Promise.all(bodies)).filter((file): file is InitialFile => file !== null);
    const unique = [...new Map(files.map((file) => [file.file, file])).values()];
    return { files: unique, gzipBytes: unique.reduce((sum, file) => sum + file.gzipBytes, 0) };
  } finally {
    await browser.close();
    await server.close();
  }
}
