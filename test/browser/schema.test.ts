import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { WorkbookDb } from '../../src/db/schema';
import type { EventRow } from '../../src/db/schema';

/**
 * The schema's indexes on Chromium's real IndexedDB (fake-indexeddb in node could differ): the unique
 * `[streamId+streamPosition]` index is what turns two tabs racing on one stream into one winner.
 */

const opened: WorkbookDb[] = [];
const freshDb = (): WorkbookDb => {
  const db = new WorkbookDb(`schema-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};

// Each test has its own database name, and the browser profile is thrown away after the run, so closing is
// enough: deleting right after a failed transaction only makes IndexedDB report "blocked" while it winds down.
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const row = (globalPosition: number, streamPosition: number, eventId: string): EventRow => ({
  eventId,
  globalPosition,
  streamId: 'order-1',
  streamPosition,
  type: 'OrderPlaced',
  schemaVersion: 2,
  data: { orderId: '1' },
  commandId: `cmd-${eventId}`,
  metadata: {
    commandId: `cmd-${eventId}`,
    correlationId: `cmd-${eventId}`,
    causationId: `cmd-${eventId}`,
    recordedAt: '2025-01-01T00:00:00.000Z',
  },
});

describe('WorkbookDb on real IndexedDB', () => {
  it('runs in a real browser, not in node with fake-indexeddb', () => {
    expect(typeof window).toBe('object');
    expect(navigator.userAgent).toMatch(/Chrome/);
  });

  it('refuses a second event at the same position of one stream, even from another connection', async () => {
    const tabA = freshDb();
    const tabB = new WorkbookDb(tabA.name);
    opened.push(tabB);
    await tabA.events.add(row(1, 1, 'a'));

    await expect(tabB.events.add(row(2, 1, 'b'))).rejects.toSatisfy(
      (error: unknown) => error instanceof Dexie.ConstraintError,
    );
    expect(await tabA.events.count()).toBe(1);
  });

  it('rolls back every write of a transaction that fails part way', async () => {
    const db = freshDb();
    await db.events.add(row(1, 1, 'a'));

    await expect(
      db.transaction('rw', db.events, async () => {
        await db.events.add(row(2, 2, 'b'));
        await db.events.add(row(3, 2, 'c'));
      }),
    ).rejects.toBeDefined();
    expect((await db.events.toArray()).map((event) => event.eventId)).toEqual(['a']);
  });
});
