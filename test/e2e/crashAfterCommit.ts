import type { Page } from 'playwright-core';
import type { AppSession } from './support';

/**
 * Kills a tab for real at the worst moment: the instant a chosen IndexedDB transaction commits, before any other line
 * of the app runs. The page hangs in the transaction's `complete` handler (registered before Dexie's own, so nothing
 * of the app runs after the commit), tells the test through a synchronous request, and the test crashes the renderer
 * with CDP's Page.crash.
 *
 * The hook goes in before the app starts (Dexie binds each connection's `transaction` when it opens): the page is
 * reloaded with it.
 */

export type CommitToCrashAfter = {
  /** The object stores the read-write transaction spans. */
  readonly stores: readonly string[];
  /** True: exactly these stores; false: at least these. */
  readonly exactly: boolean;
  /** Stores the transaction must not span (with `exactly: false`): another write that also touches them is not it. */
  readonly excluding?: readonly string[];
  /**
   * True: only once `armed()` has been called, so the page can first do what it needs; false: from the reload on.
   */
  readonly waitForArming: boolean;
};

export type CrashHandle = {
  /** Makes the next matching transaction hang (only needed with `waitForArming`). */
  armed(): Promise<void>;
  /** Waits for the matching transaction to commit, then crashes the renderer. */
  crash(): Promise<void>;
};

const signalPath = '/__committed-then-hung';

export async function crashAfterCommit(session: AppSession, page: Page, commit: CommitToCrashAfter): Promise<CrashHandle> {
  let committed: () => void = () => {};
  const whenCommitted = new Promise<void>((resolve) => {
    committed = resolve;
  });
  await page.route(`**${signalPath}`, async (route) => {
    committed();
    await route.fulfill({ body: 'hanging' });
  });
  await page.addInitScript(
    ({ stores, exactly, excluding, waitForArming, signal }) => {
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        const opened = transaction.apply(this, args);
        const names = Array.from(opened.objectStoreNames);
        const armed = !waitForArming || (window as { crashAfterCommit?: boolean }).crashAfterCommit === true;
        const spans =
          stores.every((name) => names.includes(name)) && (!exactly || names.length === stores.length) && !excluding.some((name) => names.includes(name));
        if (armed && opened.mode === 'readwrite' && spans) {
          opened.addEventListener('complete', () => {
            // A synchronous request: the browser sees it even though this thread never yields again.
            const request = new XMLHttpRequest();
            request.open('GET', signal, false);
            request.send();
            for (;;) {
              // Hangs until the test kills the renderer (DevTools interrupts the loop to do it).
            }
          });
        }
        return opened;
      };
    },
    { stores: [...commit.stores], exactly: commit.exactly, excluding: [...(commit.excluding ?? [])], waitForArming: commit.waitForArming, signal: signalPath },
  );
  await page.reload();
  // Opened now: attaching to a hung page would wait for it. Page.crash is never answered (the renderer dies first).
  const cdp = await session.context.newCDPSession(page);
  return {
    armed: async () => {
      await page.evaluate(() => {
        (window as { crashAfterCommit?: boolean }).crashAfterCommit = true;
      });
    },
    crash: async () => {
      await whenCommitted;
      const crashed = page.waitForEvent('crash');
      void cdp.send('Page.crash').catch(() => undefined);
      await crashed;
    },
  };
}
