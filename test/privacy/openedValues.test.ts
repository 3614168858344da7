import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { createDexieKeyStore } from '../../src/privacy/keyStore';
import { forgottenMarker, userSubject } from '../../src/privacy/personalData';
import { createShreddingEventStore } from '../../src/privacy/shreddingEventStore';
import { tempWorkbookDbs } from '../support/tempWorkbookDb';

/**
 * The crypto layer keeps the plain values it sealed or opened, so a command on a stream does not open the same
 * envelope again: that must never let a value be read once its key is gone, nor open a ciphertext moved to another
 * field.
 */

const openDb = tempWorkbookDbs('opened');
const ada = { userId: 'u1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };

describe('values the crypto layer opened before', () => {
  it('read as forgotten once another tab deleted the key, in every read, though this tab read them plain', async () => {
    const db = await openDb();
    const store = createShreddingEventStore(createDexieEventStore(db), createDexieKeyStore(db));
    await store.appendToStream('user-u1', [{ eventId: 'e1', type: 'UserCreated', data: ada }]);
    const load = () => store.loadForCommand!({ commandId: 'next', streamId: 'user-u1' });
    expect((await store.readStream('user-u1'))[0]?.data).toEqual(ada);
    expect((await load()).tail[0]?.data).toEqual(ada);

    const otherTab = new WorkbookDb(db.name);
    await otherTab.open();
    try {
      expect(await createDexieKeyStore(otherTab).forget(userSubject('u1'))).toBe(1);
    } finally {
      otherTab.close();
    }
    const forgotten = { ...ada, firstName: forgottenMarker, lastName: forgottenMarker, email: forgottenMarker };
    expect((await load()).tail[0]?.data).toEqual(forgotten);
    expect((await store.readStream('user-u1'))[0]?.data).toEqual(forgotten);
    expect((await store.readAll())[0]?.data).toEqual(forgotten);
  });

  it('do not open a ciphertext copied into another field, and are shared frozen', async () => {
    const db = await openDb();
    const store = createShreddingEventStore(createDexieEventStore(db), createDexieKeyStore(db));
    await store.appendToStream('user-u1', [{ eventId: 'e1', type: 'UserCreated', data: ada }]);
    const [sealed] = await store.recorded.readStream('user-u1');
    const envelopes = sealed!.data as typeof ada;
    expect(envelopes.firstName).not.toBe(ada.firstName);
    // Swapped fields, written below the crypto layer: each envelope is bound to the field it was sealed for.
    const swapped = { ...envelopes, userId: 'u1', firstName: envelopes.lastName, lastName: envelopes.firstName };
    await store.recorded.appendToStream('user-u9', [{ eventId: 'e9', type: 'UserCreated', data: swapped }]);
    const [read] = await store.readStream('user-u9');
    expect(read?.data).toEqual({ ...ada, firstName: forgottenMarker, lastName: forgottenMarker });
    expect(Object.isFrozen(read?.data)).toBe(true);
    expect((await store.readStream('user-u1'))[0]?.data).toEqual(ada);
  });

  it("open a stream whose envelopes name a key its last read did not, and every key asked in the same read", async () => {
    const db = await openDb();
    const store = createShreddingEventStore(createDexieEventStore(db), createDexieKeyStore(db));
    await store.appendToStream('user-u1', [{ eventId: 'e1', type: 'UserCreated', data: ada }]);
    const grace = { userId: 'u2', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' };
    await store.appendToStream('user-u2', [{ eventId: 'e2', type: 'UserCreated', data: grace }]);
    // Grace's sealed event copied into Ada's stream below the crypto layer: a key Ada's stream never named.
    const [sealedGrace] = await store.recorded.readStream('user-u2');
    await store.recorded.appendToStream('user-u1', [{ eventId: 'e3', type: 'UserCreated', data: sealedGrace!.data }]);
    const load = () => store.loadForCommand!({ commandId: 'next', streamId: 'user-u1' });
    expect((await load()).tail.map((event) => event.data)).toEqual([ada, grace]);
    expect((await load()).tail.map((event) => event.data)).toEqual([ada, grace]);
  });
});
