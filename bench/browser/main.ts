import { runBrowserBenchmarks } from '../../src/performance/browserBenchmarks';
import { fillAppStore } from '../../src/performance/fillAppStore';

/** What `bench/browserRun.ts` calls through `page.evaluate`. */
declare global {
  interface Window {
    workbookBench: { runBrowserBenchmarks: typeof runBrowserBenchmarks; fillAppStore: typeof fillAppStore };
  }
}

window.workbookBench = { runBrowserBenchmarks, fillAppStore };
