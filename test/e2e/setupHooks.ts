import { afterAll, afterEach } from 'vitest';
import { afterEachFile, afterEachTest } from './support';

// A setup file runs before every test file, so these hooks are registered for each file, while support.ts itself
// (with playwright-core and the connection to the shared browser) is loaded once per worker.
afterEach(afterEachTest);
afterAll(afterEachFile);
