import { describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
import { orderDecider } from '../../src/domain/order/decider';
import { orderEventSchemaVersions, orderStreamId, type OrderCommand } from '../../src/domain/order/types';
import { userDecider } from '../../src/domain/user/decider';
import { userStreamId, type UserCommand } from '../../src/domain/user/types';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { handleCommand } from '../../src/eventStore/handleCommand';
import type { EventStore } from '../../src/eventStore/types';
import { isEnvelope, parseEnvelope } from '../../src/privacy/cipher';
import { createDexieKeyStore } from '../../src/privacy/keyStore';
import { customerSubject, forgottenMarker } from '../../src/privacy/personalData';
import { createShreddingEventStore } from '../../src/privacy/shreddingEventStore';
import { transactionsDuring } from '../support/idbTransactions';
import { tempWorkbookDbs } from '../support/tempWorkbookDb';

/**
 * Through the crypto layer, a command is one IndexedDB transaction only when it needs no WebCrypto: every envelope
 * of its stream was opened in this tab before (and its key is still there, as that very transaction reads), and its
 * new events seal nothing. Otherwise WebCrypto works between two transactions, as before.
 */

const openDb = tempWorkbookDbs('crypto-command');
const at = '2026-12-01T10:00:00.000Z';
const email = 'ada@example.com';
const commandTransaction = 'readwrite:events+snapshots+subjectKeys';
const appendTransaction = 'readwrite:events';

const shreddingStore = (db: WorkbookDb) => createShreddingEventStore(createDexieEventStore(db), createDexieKeyStore(db));
const order = (store: EventStore, command: OrderCommand, commandId: string) =>
  handleCommand({ store, decider: orderDecider, streamId: orderStreamId(command.data.orderId), command, commandId, schemaVersions: orderEventSchemaVersions });
const placeOrder = (orderId: string): OrderCommand => ({
  type: 'PlaceOrder',
  data: { orderId, customerId: 'cust-1', customerEmail: email, items: [{ product: 'Laptop', quantity: 1, unitPrice: 999 }], at },
});
const place = placeOrder('1');
/** The key id the stored email of an order names. */
async function emailKeyOf(store: ReturnType<typeof shreddingStore>, orderId: string): Promise<string | undefined> {
  const [placed] = await store.recorded.readStream(orderStreamId(orderId));
  const sealed = (placed?.data as { customerEmail?: unknown }).customerEmail;
  return typeof sealed === 'string' && isEnvelope(sealed) ? parseEnvelope(sealed)?.keyId : undefined;
}
const confirm: OrderCommand = { type: 'ConfirmOrder', data: { orderId: '1', at } };
const user = (store: EventStore, command: UserCommand, commandId: string) =>
  handleCommand({ store, decider: userDecider, streamId: userStreamId('u1'), command, commandId });
const newEmail = (address: string): UserCommand => ({ type: 'UpdateUserEmail', data: { userId: 'u1', newEmail: address, at } });

async function otherTab(name: string) {
  const db = new WorkbookDb(name);
  await db.open();
  return db;
}


/** The cases, for Dexie on fake-indexeddb in node and on real IndexedDB in Chromium (test/browser/). */
export function cryptoCommandCases(where: string): void {
  describe(where, () => {
    describe('a command through the crypto layer', () => {
      it('that seals nothing, on a stream whose envelopes this tab opened, is one transaction and reads them plain', async () => {
        const db = await openDb();
        const store = shreddingStore(db);
        await order(store, place, 'c-place');
        const { result, transactions } = await transactionsDuring(db, () => order(store, confirm, 'c-confirm'));
        expect(transactions).toEqual([commandTransaction]);
        expect(result.state).toMatchObject({ status: 'confirmed', customerEmail: email });
        expect((await store.readStream(orderStreamId('1'))).map((event) => event.type)).toEqual(['OrderPlaced', 'OrderConfirmed']);
      });

      it('that must seal a value reads its subject’s key inside the transaction, seals after it and appends in a second', async () => {
        const db = await openDb();
        const store = shreddingStore(db);
        await user(store, { type: 'CreateUser', data: { userId: 'u1', firstName: 'Ada', lastName: 'Lovelace', email, at } }, 'c-create');
        const { result, transactions } = await transactionsDuring(db, () => user(store, newEmail('ada@lovelace.org'), 'c-email'));
        expect(transactions).toEqual([commandTransaction, appendTransaction]);
        expect(result.events[0]?.data).toMatchObject({ previousEmail: email, newEmail: 'ada@lovelace.org' });
        const [, stored] = await store.recorded.readStream(userStreamId('u1'));
        const { previousEmail, newEmail: sealed } = stored!.data as Record<string, unknown>;
        expect([isEnvelope(previousEmail), isEnvelope(sealed)]).toEqual([true, true]);
        expect(JSON.stringify(stored!.data)).not.toContain('lovelace.org');
        expect((await store.readStream(userStreamId('u1')))[1]?.data).toMatchObject({ newEmail: 'ada@lovelace.org' });
      });

      it('in one transaction still reads a subject forgotten in another tab as forgotten', async () => {
        const db = await openDb();
        const store = shreddingStore(db);
        await order(store, place, 'c-place');
        const other = await otherTab(db.name);
        try {
          expect(await createDexieKeyStore(other).forget(customerSubject('cust-1'))).toBe(1);
        } finally {
          other.close();
        }
        const { result, transactions } = await transactionsDuring(db, () => order(store, confirm, 'c-confirm'));
        expect(transactions).toEqual([commandTransaction]);
        expect(result.state).toMatchObject({ status: 'confirmed', customerEmail: forgottenMarker });
      });

      it('on envelopes this tab never opened (a reload), opens them after the read and appends in a second transaction', async () => {
        const db = await openDb();
        await order(shreddingStore(db), place, 'c-place');
        const reloaded = shreddingStore(db);
        const { result, transactions } = await transactionsDuring(db, () => order(reloaded, confirm, 'c-confirm'));
        expect(transactions).toEqual([commandTransaction, appendTransaction]);
        expect(result.state).toMatchObject({ status: 'confirmed', customerEmail: email });
      });

      it('that seals, with another tab appending between its transaction and its append, decides again on the new state', async () => {
        const db = await openDb();
        const dexie = createDexieEventStore(db);
        const other = await otherTab(db.name);
        const tabB = shreddingStore(other);
        let rivals = 0;
        // The real store; only the moment is chosen: tab B's command lands right before this tab's append.
        const racing: EventStore = {
          ...dexie,
          async appendToStream(streamId, events, options) {
            if (rivals-- > 0) await user(tabB, newEmail('b@example.com'), 'c-rival');
            return dexie.appendToStream(streamId, events, options);
          },
        };
        const store = createShreddingEventStore(racing, createDexieKeyStore(db));
        try {
          await user(store, { type: 'CreateUser', data: { userId: 'u1', firstName: 'Ada', lastName: 'Lovelace', email, at } }, 'c-create');
          rivals = 1;
          const result = await user(store, newEmail('ada@lovelace.org'), 'c-email');
          expect(result.attempts).toBe(2);
          expect((await store.readStream(userStreamId('u1'))).map((event) => event.data)).toMatchObject([
            { email },
            { previousEmail: email, newEmail: 'b@example.com' },
            { previousEmail: 'b@example.com', newEmail: 'ada@lovelace.org' },
          ]);
          expect(isEnvelope(((await store.recorded.readStream(userStreamId('u1')))[2]?.data as Record<string, unknown>).newEmail)).toBe(true);
        } finally {
          tabB.close();
          other.close();
        }
      });

      it("that starts a stream and seals, with its subject's key at hand, seals before and appends in one transaction", async () => {
        const db = await openDb();
        const store = shreddingStore(db);
        await order(store, placeOrder('1'), 'c-place-1');
        const { result, transactions } = await transactionsDuring(db, () => order(store, placeOrder('2'), 'c-place-2'));
        expect(transactions).toEqual([commandTransaction]);
        expect(result.events[0]?.data).toMatchObject({ customerEmail: email });
        const keyId = await emailKeyOf(store, '2');
        expect(keyId).toBeDefined();
        expect(keyId).toBe(await emailKeyOf(store, '1'));
        expect((await store.readStream(orderStreamId('2')))[0]?.data).toMatchObject({ customerEmail: email });
      });

      it('that starts a stream for a subject another tab forgot meanwhile seals with a new key, and never stores the old one again', async () => {
        const db = await openDb();
        const store = shreddingStore(db);
        await order(store, placeOrder('1'), 'c-place-1');
        const forgottenKey = await emailKeyOf(store, '1');
        const other = await otherTab(db.name);
        try {
          expect(await createDexieKeyStore(other).forget(customerSubject('cust-1'))).toBe(1);
        } finally {
          other.close();
        }
        // This tab still holds the forgotten key as the customer's newest, and seals the new order with it ahead.
        const result = await order(store, placeOrder('2'), 'c-place-2');
        expect(result.events[0]?.data).toMatchObject({ customerEmail: email });
        expect(await db.subjectKeys.get(forgottenKey!)).toBeUndefined();
        const newKey = await emailKeyOf(store, '2');
        expect(newKey).toBeDefined();
        expect(newKey).not.toBe(forgottenKey);
        expect((await store.readStream(orderStreamId('1')))[0]?.data).toMatchObject({ customerEmail: forgottenMarker });
        expect((await store.readStream(orderStreamId('2')))[0]?.data).toMatchObject({ customerEmail: email });
      });
    });
  });
}
