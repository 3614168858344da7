import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { ConcurrencyError } from '../../src/eventStore/errors';
import type { AppendNotice, NewEvent } from '../../src/eventStore/types';
import { failEventAdds } from '../support/dexieFaults';

let counter = 0;
const freshName = () => `dexie-store-${(counter += 1)}-${Date.now()}`;
const placed = (eventId: string): NewEvent => ({ eventId, type: 'OrderPlaced', data: { orderId: '1' } });
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const thing of opened.splice(0)) thing.close();
});

async function openTab(name: string, setUp?: (db: WorkbookDb) => void) {
  const db = new WorkbookDb(name);
  setUp?.(db);
  await db.open();
  const store = createDexieEventStore(db);
  opened.push(store, db);
  return { db, store };
}

describe('Dexie event store across tabs', () => {
  it('tells a subscriber in another tab about an append, and that tab reads the new events', async () => {
    const name = freshName();
    const writer = await openTab(name);
    const reader = await openTab(name);
    const notices: AppendNotice[] = [];
    reader.store.subscribe((notice) => notices.push(notice));

    await writer.store.appendToStream('order-1', [placed('e1'), placed('e2')]);

    await vi.waitFor(() => expect(notices).toEqual([{ headPosition: 2 }]));
    expect((await reader.store.readAll()).map((event) => event.eventId)).toEqual(['e1', 'e2']);
  });

  it('does not hear appends to another database', async () => {
    const readerName = freshName();
    const writer = await openTab(freshName());
    const reader = await openTab(readerName);
    const readersOtherTab = await openTab(readerName);
    const notices: AppendNotice[] = [];
    reader.store.subscribe((notice) => notices.push(notice));
    await writer.store.appendToStream('order-1', [placed('e1'), placed('e2')]);
    // The marker: an append to the reader's own database, sent after the other one. Had the other database's
    // notice reached the reader's channel, it would have arrived before this one.
    await readersOtherTab.store.appendToStream('order-1', [placed('m1')]);
    await vi.waitFor(() => expect(notices).toContainEqual({ headPosition: 1 }));
    expect(notices).toEqual([{ headPosition: 1 }]);
  });

  it('refuses a stale append from the second tab with a ConcurrencyError', async () => {
    const name = freshName();
    const tabA = await openTab(name);
    const tabB = await openTab(name);
    await tabA.store.appendToStream('order-1', [placed('a1')], { expectedVersion: 'noStream' });
    const error = await tabB.store.appendToStream('order-1', [placed('b1')], { expectedVersion: 'noStream' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expected: 'noStream', actual: 1 });
  });

  it('turns a unique-index violation on the stream position into a ConcurrencyError and writes nothing', async () => {
    // IndexedDB runs the version check and the write in one transaction, so only a writer that bypasses the check
    // could collide; the unique [streamId+streamPosition] index is the last line. Simulate its refusal.
    const collide = { next: false };
    const { store } = await openTab(freshName(), (db) =>
      failEventAdds(db, 'simulated-collision', () => {
        if (!collide.next) return undefined;
        collide.next = false;
        return new DOMException('Unable to add key to index', 'ConstraintError');
      }),
    );
    await store.appendToStream('order-1', [placed('e1')]);
    collide.next = true;
    const error = await store.appendToStream('order-1', [placed('e2')], { expectedVersion: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 'order-1', expected: 1, actual: 1 });
    expect(await store.headPosition()).toBe(1);
    await store.appendToStream('order-1', [placed('e2')], { expectedVersion: 1 });
    expect(await store.headPosition()).toBe(2);
  });

  it('stops notifying after close', async () => {
    const name = freshName();
    const writer = await openTab(name);
    const reader = await openTab(name);
    const notices: AppendNotice[] = [];
    reader.store.subscribe((notice) => notices.push(notice));
    const witness = await openTab(name);
    const witnessed: AppendNotice[] = [];
    witness.store.subscribe((notice) => witnessed.push(notice));
    await writer.store.appendToStream('order-1', [placed('e1')]);
    await vi.waitFor(() => expect(notices).toEqual([{ headPosition: 1 }]));
    reader.store.close();
    await writer.store.appendToStream('order-1', [placed('e2')]);
    // The witness, a third tab on the same database, hears the second append: the notice has been delivered to
    // every open channel of that database by then, and the closed reader heard nothing of it.
    await vi.waitFor(() => expect(witnessed).toEqual([{ headPosition: 1 }, { headPosition: 2 }]));
    expect(notices).toEqual([{ headPosition: 1 }]);
  });
});

describe('Dexie event store: one read for a command', () => {
  it("runs alsoRead inside the read's own transaction, with the subjects' keys in its scope", async () => {
    const { db, store } = await openTab(freshName());
    await store.appendToStream('order-1', [placed('e1')]);
    let scope: readonly string[] | undefined;
    let keysRead: unknown;
    await store.loadForCommand!({
      commandId: 'new',
      streamId: 'order-1',
      async alsoRead() {
        scope = Dexie.currentTransaction?.storeNames;
        keysRead = await db.subjectKeys.toArray();
      },
    });
    expect([...(scope ?? [])].sort()).toEqual(['events', 'snapshots', 'subjectKeys']);
    expect(keysRead).toEqual([]);
  });
});
