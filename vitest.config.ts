import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './test/e2e/chromium.js';
import { exerciseSandbox } from './scripts/vite/exerciseSandbox.js';
import LongestFirstSequencer, { asksForShuffledFiles } from './test/sequencer.js';

/** Unit tests that start a classroom server (Emmett on SQLite) inside the test's own process. */
const classroomServerTests = ['test/server/**/*.test.ts', 'test/classroom/classroomEventStore.test.ts', 'test/classroom/classroomSession.test.ts'];
/**
 * Unit tests of pure functions that load the same large modules (the grader and its language model, the exercises'
 * checks, the deciders) and touch no global: no fake-indexeddb, fake timers, spies or stubs. They share one module
 * graph per worker instead of loading it again per file.
 */
const pureTests = ['test/grading/**/*.test.ts', 'test/domain/**/*.test.ts', 'test/exercises/**/*.test.ts'];

export default defineConfig({
  test: {
    // The longest e2e files start first, also on a fresh clone with no timing cache (see test/sequencer.ts); unless
    // the command asks for Vitest's random file order, which a configured sequencer would silently override.
    sequence: asksForShuffledFiles(process.argv) ? {} : { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/browser/**', 'test/scale/**', ...classroomServerTests, ...pureTests, 'node_modules/**'],
          // Worker threads start much faster than processes.
          pool: 'threads',
          maxWorkers: 2,
          // Not isolated, like `unit-pure`: the files of a worker share their modules (Dexie, fake-indexeddb, the app's)
          // instead of importing them again per file. Shared, Dexie would keep the IndexedDB it found when first loaded,
          // which failed every Dexie file after one that loads Dexie without fake-indexeddb; the setup file installs it
          // before any file and gives each file an empty IndexedDB of its own (see test/support/indexedDbPerFile.ts).
          isolate: false,
          setupFiles: ['test/support/indexedDbPerFile.ts'],
          // `npm test` runs these beside the e2e journeys (scripts/runTests.ts): on two busy cores a property test
          // that takes one second idle can take several. Only the limit for a real failure; a passing test never waits.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-pure',
          environment: 'node',
          include: pureTests,
          pool: 'threads',
          maxWorkers: 2,
          // Not isolated: the grader's modules are loaded once per worker, not once per file (half the CPU of these
          // files, measured). A file here must leave no global state behind; one that needs a global goes in `unit`.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        // The tests that run the classroom server in their own process: sqlite3's native module aborts a worker
        // thread that closes a database at exit, so these run in forked processes.
        extends: true,
        test: {
          name: 'unit-server',
          environment: 'node',
          include: classroomServerTests,
          pool: 'forks',
          maxWorkers: 2,
          testTimeout: 30_000,
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
          // A teacher may grade on a busy machine: Exercise 06's first check loads the grader's language model, which
          // took over the default 5 s with `npm test` beside it on two cores, and a passing answer was graded a fail
          // ("STACK_TRACE_ERROR", vitest's timeout). Only the limit for a check that waits on something that never ends.
          testTimeout: 30_000,
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
          // The files of a worker share their modules (playwright-core, the support code, the app's route table)
          // instead of importing them again per file: 107 s of the suite's import time in a fresh-clone run. A
          // file's own state is still its own; the after-test and after-file hooks are registered per file by the
          // setup file, and every test still gets a clean tab (see test/e2e/support.ts).
          isolate: false,
          setupFiles: ['test/e2e/setupHooks.ts'],
          // One shared Chromium for the whole suite (see globalSetup), two files at a time, each in its own browser
          // contexts (no shared storage): on two cores one file mostly waits on the page while the other runs.
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A poll waits for a condition, not for a time: on a busy machine the page may take seconds to reach it
          // (the default gives up after one second, which failed journeys with the two cores under load; 20 s failed
          // one with the load average at 14).
          expect: { poll: { timeout: 40_000, interval: 100 } },
        },
      },
      {
        // Journeys on heavy data (100,000 events seeded in Chromium): run by `npm run bench` and `npm run test:scale`,
        // not by `npm test`, on the same built app and shared Chromium as the e2e suite.
        extends: true,
        test: {
          name: 'scale',
          environment: 'node',
          include: ['test/scale/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          setupFiles: ['test/e2e/setupHooks.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 60_000, interval: 250 } },
        },
      },
    ],
  },
});
