import { describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { ConcurrencyError } from '../../src/eventStore/errors';
import { handleCommand, rehydrate } from '../../src/eventStore/handleCommand';
import type { AppendNotice, EventStore } from '../../src/eventStore/types';
import { transactionsDuring } from '../support/idbTransactions';
import { tempWorkbookDbs } from '../support/tempWorkbookDb';

import { add, counterDecider, type CounterCommand } from './counterDecider';
/**
 * A command through the Dexie store reads, decides and appends in ONE read-write transaction (commandTransaction):
 * no other tab can write between its read and its write, and it keeps every rule of appendToStream.
 */

const openDb = tempWorkbookDbs('command-transaction');
const streamId = 'counter-1';
const oneTransaction = ['readwrite:events+snapshots+subjectKeys'];
const run = (store: EventStore, command: CounterCommand, commandId: string, extra: object = {}) =>
  handleCommand({ store, decider: counterDecider, streamId, command, commandId, ...extra });


/** The cases, for Dexie on fake-indexeddb in node and on real IndexedDB in Chromium (test/browser/). */
export function commandTransactionCases(where: string): void {
  describe(where, () => {
    describe('a command in one IndexedDB transaction', () => {
      it('reads, decides and appends in one read-write transaction, and tells listeners after it', async () => {
        const db = await openDb();
        const store = createDexieEventStore(db);
        await run(store, add(2), 'c-1');
        const notices: AppendNotice[] = [];
        store.subscribe((notice) => notices.push(notice));

        const { result, transactions } = await transactionsDuring(db, () => run(store, add(3), 'c-2'));

        expect(transactions).toEqual(oneTransaction);
        expect(result).toMatchObject({ state: { total: 5, additions: 2 }, nextExpectedVersion: 2, attempts: 1, idempotentReplay: false });
        expect(result.events.map((event) => [event.eventId, event.streamPosition, event.globalPosition])).toEqual([['c-2:0', 2, 2]]);
        expect(notices).toEqual([{ headPosition: 2 }]);
        expect((await store.readStream(streamId)).map((event) => event.data)).toEqual([{ amount: 2 }, { amount: 3 }]);
        store.close();
      });

      it('answers a command id already recorded with the earlier result, in the same one transaction, writing nothing', async () => {
        const db = await openDb();
        const store = createDexieEventStore(db);
        await run(store, add(2), 'c-1');
        const { result, transactions } = await transactionsDuring(db, () => run(store, add(2), 'c-1'));
        expect(result).toMatchObject({ idempotentReplay: true, state: { total: 2, additions: 1 } });
        // The command's one transaction found the id; the earlier state is then only read.
        expect(transactions[0]).toBe(oneTransaction[0]);
        expect(transactions.slice(1).filter((transaction) => !transaction.startsWith('readonly:'))).toEqual([]);
        expect(await store.headPosition()).toBe(1);
        store.close();
      });

      it("refuses a stale If-Match after another tab's append with the same ConcurrencyError, writing nothing", async () => {
        const db = await openDb();
        const tabA = createDexieEventStore(db);
        const otherTab = new WorkbookDb(db.name);
        await otherTab.open();
        const tabB = createDexieEventStore(otherTab);
        try {
          await run(tabA, add(1), 'c-1');
          await run(tabB, add(10), 'c-2');
          const { result: error, transactions } = await transactionsDuring(db, () =>
            run(tabA, add(5), 'c-3', { expectedVersion: 1 }).catch((caught: unknown) => caught),
          );
          expect(error).toBeInstanceOf(ConcurrencyError);
          expect(error).toMatchObject({ expected: 1, actual: 2, message: 'Stream counter-1 is at version 2, but the command expected version 1.' });
          expect(transactions).toEqual(oneTransaction);
          expect(await tabA.streamVersion(streamId)).toBe(2);
        } finally {
          tabB.close();
          otherTab.close();
          tabA.close();
        }
      });

      it('on a stream longer than its first read, reads the snapshot and the tail in the same transaction', async () => {
        const db = await openDb();
        const store = createDexieEventStore(db);
        const snapshots = { every: 10, stateVersion: 1 };
        for (let index = 1; index <= 70; index += 1) await run(store, add(index), `c-${index}`, { snapshots });
        expect((await store.loadSnapshot(streamId))?.streamPosition).toBe(70);

        // Right at the snapshot (no event after it), then one past it: the version the append checks is the stream's.
        const { result, transactions } = await transactionsDuring(db, () => run(store, add(100), 'c-71', { snapshots }));
        expect(transactions).toEqual(oneTransaction);
        expect(result).toMatchObject({ nextExpectedVersion: 71, state: { total: 2485 + 100, additions: 71 } });
        const next = await run(store, add(1), 'c-72', { snapshots });
        expect(next.state).toEqual((await rehydrate(store, counterDecider, streamId)).state);
        expect(next.nextExpectedVersion).toBe(72);
        store.close();
      });
    });

    describe('commandTransaction: what a decision is answered with', () => {
      const decided = (eventId: string, expectedVersion: number | 'noStream') => ({
        events: [{ eventId, type: 'Added', data: { amount: 1 }, metadata: { commandId: 'c-new' } }],
        expectedVersion,
      });

      it("a retry of events already recorded is answered as recorded, as appendToStream answers it", async () => {
        const db = await openDb();
        const store = createDexieEventStore(db);
        await store.appendToStream(streamId, decided('e-1', 'noStream').events, { expectedVersion: 'noStream' });
        const { appended } = await store.commandTransaction!({ commandId: 'c-other', streamId, decide: () => decided('e-1', 'noStream') });
        expect(appended).toMatchObject({ alreadyRecorded: true, nextExpectedVersion: 1 });
        expect(appended?.events.map((event) => event.eventId)).toEqual(['e-1']);
        expect(await store.headPosition()).toBe(1);
        store.close();
      });

      it('an event id recorded elsewhere, or a stale version, is a ConcurrencyError and writes nothing', async () => {
        const db = await openDb();
        const store = createDexieEventStore(db);
        await store.appendToStream(streamId, decided('e-1', 'noStream').events, { expectedVersion: 'noStream' });
        // The version matches, but the id is taken: the unique index refuses it inside, appendToStream names it.
        const taken = await store.commandTransaction!({ commandId: 'c-other', streamId, decide: () => decided('e-1', 1) }).catch((caught: unknown) => caught);
        expect(taken).toBeInstanceOf(ConcurrencyError);
        expect((taken as Error).message).toContain('Some of its events were already recorded elsewhere: e-1 (counter-1 #1).');
        const stale = await store.commandTransaction!({ commandId: 'c-other', streamId, decide: () => decided('e-2', 3) }).catch((caught: unknown) => caught);
        expect(stale).toMatchObject({ expected: 3, actual: 1 });
        expect(await store.headPosition()).toBe(1);
        store.close();
      });
    });
  });
}
