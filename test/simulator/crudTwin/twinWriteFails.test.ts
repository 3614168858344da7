import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { storageErrorMessage } from '../../../src/db/errors';
import { WorkbookDb } from '../../../src/db/schema';
import { createDexieEventStore } from '../../../src/eventStore/dexieEventStore';
import { createDexieProjectionStore } from '../../../src/projections/dexieProjectionStore';
import { handleApiRequest } from '../../../src/simulator/apiConsole/handleApiRequest';
import { createDexieTwinStorage, readTwinCheckpoint } from '../../../src/simulator/crudTwin/dexieTwinStorage';
import { createDexieBulkStorage } from '../../../src/simulator/dexieBulkStorage';
import { createSimulator, workbookUpcasting, type WorkbookSimulator } from '../../../src/simulator/simulator';
import type { CommandOutcome } from '../../../src/simulator/types';

/**
 * The event is recorded, then the CRUD twin's write fails (a full disk): the answer is what the log recorded, with a
 * note; a retry and the next command on the order work; the twin catches up from the log by its own checkpoint.
 * IndexedDB is fake-indexeddb; the failure is injected below Dexie, into the twin's table only, as a browser's
 * QuotaExceededError that arrives after the rows reached the transaction.
 */

type Tab = { readonly db: WorkbookDb; readonly simulator: WorkbookSimulator; readonly disk: { full: boolean } };
const tabs: Tab[] = [];
afterEach(() => {
  for (const { simulator, db } of tabs.splice(0)) {
    simulator.close();
    db.close();
  }
});

let databases = 0;

/** A tab of the app on `dbName`, whose writes to the CRUD twin's order rows fail while `disk.full`. */
async function openTab(dbName: string): Promise<Tab> {
  const disk = { full: false };
  const db = new WorkbookDb(dbName);
  db.use({
    stack: 'dbcore',
    name: 'full disk for the CRUD twin',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) =>
            table.mutate(request).then((response) => {
              if (tableName === 'crudOrders' && disk.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              return response;
            }),
        };
      },
    }),
  });
  await db.open();
  const simulator = await createSimulator({
    store: createDexieEventStore(db, { upcasting: workbookUpcasting }),
    projectionStore: createDexieProjectionStore(db),
    twin: createDexieTwinStorage(db),
    bulk: createDexieBulkStorage(db, { upcasting: workbookUpcasting }),
    sagas: { sleep: async () => {} },
  });
  const tab = { db, simulator, disk };
  tabs.push(tab);
  return tab;
}

const order = { orderId: 'o-1', customerId: 'c-1', customerEmail: 'ada@example.com', items: [{ product: 'Laptop', quantity: 1, unitPrice: 999 }] };

function recorded(outcome: CommandOutcome) {
  if (!outcome.ok) throw new Error(`refused: ${outcome.kind}: ${outcome.message}`);
  return outcome;
}

describe('a command whose event is recorded but whose CRUD-twin write fails', () => {
  it('answers what the log recorded; the retry and the next command work; the twin catches up once', async () => {
    const { simulator, disk } = await openTab(`twin-fails-${databases++}`);
    recorded(await simulator.execute('PlaceOrder', order));
    expect((await simulator.crud.get('o-1'))?.status).toBe('pending');

    disk.full = true;
    const confirmed = recorded(await simulator.execute('ConfirmOrder', { orderId: 'o-1' }, { commandId: 'cmd-confirm' }));
    expect(confirmed.events.map((event) => [event.type, event.globalPosition])).toEqual([['OrderConfirmed', 2]]);
    // The twin's storage error reached the note as the app's StorageError, in words, not as a raw QuotaExceededError.
    expect(confirmed.crudTwinNote).toBe(
      'Recorded in the event log (position 2). The CRUD twin has not applied it yet (its write failed: ' +
        `${storageErrorMessage('quota')}); it catches up from the log by its own checkpoint, now at 1 of 2.`,
    );
    expect(simulator.crudTwin.getStatus()).toMatchObject({ checkpoint: 1, lag: 1, lastError: storageErrorMessage('quota') });
    expect((await simulator.crud.get('o-1'))?.status).toBe('pending');

    // A retry under the same id: nothing appended, the same recorded answer.
    const retried = recorded(await simulator.execute('ConfirmOrder', { orderId: 'o-1' }, { commandId: 'cmd-confirm' }));
    expect(retried.idempotentReplay).toBe(true);
    expect(retried.events.map((event) => event.eventId)).toEqual(confirmed.events.map((event) => event.eventId));
    expect(retried.crudTwinNote).toMatch(/^Recorded in the event log \(position 2\)/);

    // The disk has room again: the next command on the order is accepted (never the twin's "not found"), and the
    // twin applies both events it is owed, each once, with what each overwrite destroyed.
    disk.full = false;
    const started = recorded(await simulator.execute('StartProcessing', { orderId: 'o-1' }));
    expect(started.crudTwinNote).toBeUndefined();
    expect((await simulator.crud.get('o-1'))?.status).toBe('processing');
    expect((await simulator.crud.lossesOf('o-1')).map((loss) => [loss.oldValue, loss.newValue])).toEqual([
      ['pending', 'confirmed'],
      ['confirmed', 'processing'],
    ]);
    expect(simulator.crudTwin.getStatus()).toMatchObject({ checkpoint: 3, lag: 0, lastError: null, refused: 0 });
  });

  it('a PlaceOrder whose twin write failed: the next command on that order is accepted and the twin gets the row', async () => {
    const { simulator, disk } = await openTab(`twin-fails-${databases++}`);
    disk.full = true;
    const placed = recorded(await simulator.execute('PlaceOrder', order));
    expect(placed.crudTwinNote).toContain('its write failed');
    expect(await simulator.crud.get('o-1')).toBeUndefined();

    disk.full = false;
    recorded(await simulator.execute('ConfirmOrder', { orderId: 'o-1' }));
    expect(await simulator.crud.get('o-1')).toMatchObject({ orderId: 'o-1', status: 'confirmed', product: 'Laptop' });
  });

  it('over HTTP: the seed answers 200 with what was recorded, and a header says the twin is catching up', async () => {
    const { simulator, disk } = await openTab(`twin-fails-${databases++}`);
    const created = await handleApiRequest(simulator, 'POST /orders/\n\n{"customer_id":"123","product":"Laptop","quantity":2}');
    expect(created.status).toBe(201);
    const orderId = (created.body as { order_id: string }).order_id;

    disk.full = true;
    const updated = await handleApiRequest(simulator, `PUT /orders/${orderId}/status/\n\n{"new_status":"shipped"}`);
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ order_id: orderId, message: 'Order status updated to shipped' });
    expect(updated.headers['X-Crud-Twin']).toMatch(/^Recorded in the event log \(position 2\)\. The CRUD twin has not applied it yet \(its write failed: The browser refused/);

    disk.full = false;
    const again = await handleApiRequest(simulator, `PUT /orders/${orderId}/status/\n\n{"new_status":"processing"}`);
    expect(again.status).toBe(200);
    expect(again.headers['X-Crud-Twin']).toBeUndefined();
    expect((await simulator.crud.lossesOf(orderId)).map((loss) => [loss.oldValue, loss.newValue])).toEqual([
      ['pending', 'shipped'],
      ['shipped', 'processing'],
    ]);
  });

  it('a tab opened later catches the twin up from its checkpoint on start', async () => {
    const dbName = `twin-fails-${databases++}`;
    const first = await openTab(dbName);
    recorded(await first.simulator.execute('PlaceOrder', order));
    first.disk.full = true;
    recorded(await first.simulator.execute('ConfirmOrder', { orderId: 'o-1' }));
    first.simulator.close();
    first.db.close();

    const second = await openTab(dbName);
    const status = await second.simulator.crudTwin.catchUp();
    expect(status).toMatchObject({ checkpoint: 2, lag: 0, lastError: null });
    expect((await second.simulator.crud.get('o-1'))?.status).toBe('confirmed');
    expect(await readTwinCheckpoint(second.db)).toEqual({ position: 2, logGeneration: 0 });
  });
});
