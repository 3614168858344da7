import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumLaunchOptions } from './chromium';

/**
 * Serves the built app (`dist/`, made by `vite build` in `npm run test:e2e`) and starts ONE Chromium for the whole
 * e2e run: launching a browser per test file would cost seconds each on a 2-core machine. Each test gets its own
 * browser context (see `openApp`), so tests still share no cookies or IndexedDB.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `vite preview` serves the built app, ending in `/`. */
    appBaseUrl: string;
    /** The shared Chromium's endpoint for `chromium.connect`. */
    browserWsEndpoint: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // E2E_DIST lets several builds coexist (one per person working in the tree); CI uses dist/.
  const outDir = resolve(root, process.env['E2E_DIST'] ?? 'dist');
  if (!existsSync(resolve(outDir, 'index.html'))) {
    throw new Error('dist/ has no build: run `npm run test:e2e` (it runs `vite build` first).');
  }
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const browserServer = await chromium.launchServer(chromiumLaunchOptions);

  project.provide('appBaseUrl', `http://127.0.0.1:${port}/`);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());

  return async () => {
    await browserServer.close();
    await server.close();
  };
}
