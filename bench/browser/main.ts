import { runBrowserBenchmarks } from '../../src/performance/browserBenchmarks';
import { fillAppStore } from '../../src/performance/fillAppStore';
import { benchCommandTransactions } from '../../src/performance/commandTransactions';
import { benchSeed } from '../../src/performance/seedBench';

/** What `bench/browserRun.ts` calls through `page.evaluate`. */
declare global {
  interface Window {
    workbookBench: {
      runBrowserBenchmarks: typeof runBrowserBenchmarks;
      fillAppStore: typeof fillAppStore;
      benchCommandTransactions: typeof benchCommandTransactions;
      benchSeed: typeof benchSeed;
    };
  }
}

window.workbookBench = { runBrowserBenchmarks, fillAppStore, benchCommandTransactions, benchSeed };
