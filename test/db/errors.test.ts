import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageError, toStorageError } from '../../src/db/errors';
import { describeOpenWaiting, openWorkbookDb, type OpenWaiting } from '../../src/db/open';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import type { NewEvent } from '../../src/eventStore/types';
import { failEventAdds } from '../support/dexieFaults';

let counter = 0;
const freshName = () => `storage-errors-${(counter += 1)}-${Date.now()}`;
const placed = (eventId: string): NewEvent => ({ eventId, type: 'OrderPlaced', data: { orderId: '1' } });
const toClose: { close(): void }[] = [];
afterEach(() => {
  for (const connection of toClose.splice(0)) connection.close();
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** Opens `name` at a native IndexedDB version with a raw connection, the way another tab's code would. */
function openRaw(name: string, version: number, onVersionChange?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => {
      const db = request.result;
      if (onVersionChange) db.onversionchange = () => onVersionChange(db);
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('a full disk', () => {
  /** Makes the next write to `events` fail as a browser does when the quota is used up. */
  function simulateFullDisk(db: WorkbookDb) {
    const disk = { full: false };
    failEventAdds(db, 'simulated-full-disk', () =>
      disk.full
        ? new Dexie.AbortError(
            'Transaction aborted',
            new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
          )
        : undefined,
    );
    return disk;
  }

  it('refuses the append with a quota StorageError, writes nothing, and the next append works', async () => {
    const db = new WorkbookDb(freshName());
    const disk = simulateFullDisk(db);
    await db.open();
    toClose.push(db);
    const store = createDexieEventStore(db);
    await store.appendToStream('order-1', [placed('e1')]);

    disk.full = true;
    const error = await rejectionOf(store.appendToStream('order-1', [placed('e2'), placed('e3')], { expectedVersion: 1 }));
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'storage', reason: 'quota' });
    expect((error as Error).message).toMatch(/quota/);
    expect((error as Error).message).toMatch(/Nothing was written/);
    expect(await store.headPosition()).toBe(1);

    disk.full = false;
    const retry = await store.appendToStream('order-1', [placed('e2'), placed('e3')], { expectedVersion: 1 });
    expect(retry.events.map((event) => event.globalPosition)).toEqual([2, 3]);
  });

  it('is recognised however the browser wraps it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(toStorageError(quota)?.reason).toBe('quota');
    expect(toStorageError(new Dexie.AbortError('aborted', quota))?.reason).toBe('quota');
    expect(toStorageError(new Dexie.BulkError('bulk', { 0: quota }))?.reason).toBe('quota');
    expect(toStorageError(new Error('a bug'))).toBeUndefined();
  });
});

describe('another tab upgrading the database', () => {
  it('closes this connection, reports it, and later calls fail with the same clear error', async () => {
    const name = freshName();
    const onVersionChange = vi.fn();
    const db = await openWorkbookDb(name, { onVersionChange });
    toClose.push(db);
    const store = createDexieEventStore(db);
    await store.appendToStream('order-1', [placed('e1')]);

    // The other tab's newer code opens a higher native version; it must not be blocked by this tab.
    const newer = await openRaw(name, 100);
    toClose.push(newer);

    expect(onVersionChange).toHaveBeenCalledTimes(1);
    const reported = onVersionChange.mock.calls[0]?.[0] as StorageError;
    expect(reported).toBeInstanceOf(StorageError);
    expect(reported.reason).toBe('versionchange');
    expect(reported.message).toMatch(/Reload/);

    const error = await rejectionOf(store.appendToStream('order-1', [placed('e2')]));
    expect(error).toMatchObject({ kind: 'storage', reason: 'versionchange' });
    await expect(store.readAll()).rejects.toMatchObject({ reason: 'versionchange' });

    // After a reload (a new connection) the events are all there and appends work again.
    newer.close();
    const reloaded = await openWorkbookDb(name);
    toClose.push(reloaded);
    const reloadedStore = createDexieEventStore(reloaded);
    expect((await reloadedStore.readAll()).map((event) => event.eventId)).toEqual(['e1']);
    await reloadedStore.appendToStream('order-1', [placed('e2')], { expectedVersion: 1 });
    expect(await reloadedStore.headPosition()).toBe(2);
  });
});

describe('a blocked open', () => {
  it('fails with a blocked StorageError when a tab holding an old version does not let go', async () => {
    const name = freshName();
    // An old tab: native version 1, and no versionchange handler, so it never closes.
    const oldTab = await openRaw(name, 1);

    const started = Date.now();
    const error = await rejectionOf(openWorkbookDb(name, { timeoutMs: 5_000 }));
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'storage', reason: 'blocked' });
    expect((error as Error).message).toMatch(/another tab/);
    // Reported through the `blocked` event, well before the timeout.
    expect(Date.now() - started).toBeLessThan(4_000);

    oldTab.close();
    const db = await openWorkbookDb(name);
    toClose.push(db);
    const store = createDexieEventStore(db);
    await store.appendToStream('order-1', [placed('e1')]);
    expect(await store.headPosition()).toBe(1);
  });

  it('fails with a blocked StorageError when the open never completes', async () => {
    // An IndexedDB whose open request never answers (a browser stuck on a lock).
    const silentIndexedDb = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory;
    const error = await rejectionOf(
      openWorkbookDb(freshName(), { timeoutMs: 50, dexieOptions: { indexedDB: silentIndexedDb, IDBKeyRange } }),
    );
    expect(error).toMatchObject({ kind: 'storage', reason: 'blocked' });
    expect((error as Error).message).toMatch(/took longer than/);
  });

  it('with onWaiting, waits for a tab that does not let go, saying so every second, and opens once it does', async () => {
    // The once-a-second report runs on a fake interval the test moves itself: a report a second, and none once open.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const name = freshName();
      const oldTab = await openRaw(name, 1);
      const waits: OpenWaiting[] = [];
      let heardBlocked: () => void = () => undefined;
      const blocked = new Promise<void>((resolve) => (heardBlocked = resolve));
      let opened = false;
      const opening = openWorkbookDb(name, {
        onWaiting: (waiting) => {
          waits.push(waiting);
          if (waiting.heldByAnotherTab) heardBlocked();
        },
      }).then((db) => {
        opened = true;
        return db;
      });
      await blocked;
      const first = waits.length;
      vi.advanceTimersByTime(999);
      expect(waits).toHaveLength(first);
      // Two reports past the first: the wait goes on, past the point where it used to fail.
      vi.advanceTimersByTime(1);
      vi.advanceTimersByTime(1000);
      expect(waits).toHaveLength(first + 2);
      expect(opened).toBe(false);
      expect(waits.at(-1)!.heldByAnotherTab).toBe(true);
      expect(waits.at(-1)!.waitedMs).toBeGreaterThanOrEqual(waits[0]!.waitedMs);
      expect(describeOpenWaiting(waits.at(-1)!)).toMatch(/^Waiting \d+ s for the event store: another workbook tab .* close it/);

      oldTab.close();
      const db = await opening;
      toClose.push(db);
      const reported = waits.length;
      await createDexieEventStore(db).appendToStream('order-1', [placed('e1')]);
      vi.advanceTimersByTime(5000);
      expect(waits.length).toBe(reported);
    } finally {
      vi.useRealTimers();
    }
  });

  it('with onWaiting, an open that never answers keeps waiting (a dead tab the browser has not released yet)', async () => {
    const silentIndexedDb = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory;
    const waits: OpenWaiting[] = [];
    let settled = false;
    const stop = new AbortController();
    const opening = openWorkbookDb(freshName(), {
      signal: stop.signal,
      timeoutMs: 20,
      onWaiting: (waiting) => waits.push(waiting),
      dexieOptions: { indexedDB: silentIndexedDb, IDBKeyRange },
    }).finally(() => {
      settled = true;
    });
    await vi.waitFor(() => expect(waits.length).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
    expect(settled).toBe(false);
    expect(describeOpenWaiting(waits.at(-1)!)).toMatch(/the browser has not released the database yet/);
    stop.abort(new Error('the test is over'));
    await expect(opening).rejects.toThrow('the test is over');
  });

  it('fails with an unavailable StorageError when the browser has no IndexedDB to offer', async () => {
    const missingIndexedDb = { open: () => null } as unknown as IDBFactory;
    const error = await rejectionOf(
      openWorkbookDb(freshName(), { dexieOptions: { indexedDB: missingIndexedDb, IDBKeyRange } }),
    );
    expect(error).toMatchObject({ kind: 'storage', reason: 'unavailable' });
  });
});
