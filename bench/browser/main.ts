import { runBrowserBenchmarks } from '../../src/performance/browserBenchmarks';
import { fillAppStore } from '../../src/performance/fillAppStore';
import { benchCommandTransactions } from '../../src/performance/commandTransactions';

/** What `bench/browserRun.ts` calls through `page.evaluate`. */
declare global {
  interface Window {
    workbookBench: {
      runBrowserBenchmarks: typeof runBrowserBenchmarks;
      fillAppStore: typeof fillAppStore;
      benchCommandTransactions: typeof benchCommandTransactions;
    };
  }
}

window.workbookBench = { runBrowserBenchmarks, fillAppStore, benchCommandTransactions };
