import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './test/e2e/chromium.js';
import { exerciseSandbox } from './scripts/vite/exerciseSandbox.js';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/browser/**', 'node_modules/**'],
        },
      },
      {
        // Students' exercises, run by `npm run grade` (scripts/grade.ts), not by `npm test`: an untouched starter
        // fails on purpose. Tests read the student's files through exercises/support/studentFile.ts, from the
        // folder in GRADE_DIR (default exercises/).
        extends: true,
        test: {
          name: 'exercises',
          environment: 'node',
          include: ['exercises/**/*.test.ts'],
          exclude: ['exercises/_solutions/**', 'node_modules/**'],
        },
      },
      {
        // The same contract suites as `unit`, but on real IndexedDB in Chromium instead of fake-indexeddb.
        extends: true,
        // The exercise runner's sandbox script (test/browser/exerciseSandbox.test.ts).
        plugins: [exerciseSandbox(import.meta.dirname)],
        // Modules the tests reach only at run time (the renderers' import(), components a test mounts): optimized up
        // front, because on a fresh clone Vite would find them mid-run, re-optimize and reload, and the imports in
        // flight fail ("Failed to fetch dynamically imported module").
        optimizeDeps: {
          include: [
            'mermaid',
            'highlight.js/lib/core',
            'highlight.js/lib/languages/typescript',
            'highlight.js/lib/languages/json',
            'highlight.js/lib/languages/bash',
            'dompurify',
            'marked',
            'dexie',
            'lit/static-html.js',
            '@lit/context',
            'valibot',
            'sucrase',
          ],
        },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          // One shared Chromium for the whole suite (see globalSetup), two files at a time, each in its own browser
          // contexts (no shared storage): on two cores one file mostly waits on the page while the other runs.
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits for a condition, not for a time: on a busy machine the page may take seconds to reach it
          // (the default gives up after one second, which failed journeys with the two cores under load).
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
