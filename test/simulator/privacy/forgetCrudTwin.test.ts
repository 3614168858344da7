import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { forgottenMarker } from '../../../src/privacy/personalData';
import { createBrowserSimulator, type WorkbookSimulator } from '../../../src/simulator/simulator';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';

/**
 * "Forget customer" reaches the CRUD twin too: a CRUD system forgets by overwriting the person's rows, so after it
 * the twin's rows of that customer (and the losses that quoted their email) read as forgotten, and everyone else's
 * stay as they were, on both simulators the app has.
 */

const opened: WorkbookSimulator[] = [];
afterEach(() => {
  for (const simulator of opened.splice(0)) simulator.close();
});

let databases = 0;
const implementations: [string, () => Promise<WorkbookSimulator>][] = [
  ['memory', () => createMemorySimulator()],
  ['Dexie on fake-indexeddb', () => createBrowserSimulator({ dbName: `forget-twin-${++databases}-${Date.now()}` })],
];

describe.each(implementations)('forgetting a customer in the CRUD twin (%s)', (_name, create) => {
  it("overwrites that customer's rows with the forgotten marker and leaves the others' alone", async () => {
    const simulator = await create();
    opened.push(simulator);
    const orders: [string, string, string][] = [
      ['o-1', 'cust-ada', 'ada@example.com'],
      ['o-2', 'cust-ada', 'ada@example.com'],
      ['o-3', 'cust-bob', 'bob@example.com'],
    ];
    for (const [orderId, customerId, customerEmail] of orders) {
      const placed = await simulator.execute('PlaceOrder', { orderId, customerId, customerEmail, items: [{ product: 'Desk', quantity: 1, unitPrice: 300 }] });
      expect(placed).toMatchObject({ ok: true });
    }
    expect(await simulator.execute('ConfirmOrder', { orderId: 'o-1' })).toMatchObject({ ok: true });
    expect((await simulator.crud.get('o-1'))?.customerEmail).toBe('ada@example.com');

    await simulator.forgetCustomer('cust-ada');

    const rows = await simulator.crud.list();
    expect(rows.map((row) => [row.orderId, row.customerEmail, row.status])).toEqual([
      ['o-1', forgottenMarker, 'confirmed'],
      ['o-2', forgottenMarker, 'pending'],
      ['o-3', 'bob@example.com', 'pending'],
    ]);
    expect(JSON.stringify(await simulator.crud.allLosses())).not.toContain('ada@example.com');
    expect(simulator.crudTwin.getStatus()).toMatchObject({ lag: 0, lastError: null, refused: 0 });
  });
});
