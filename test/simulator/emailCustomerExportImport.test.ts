import { describe, expect, it } from 'vitest';
import { exportStore, validateImport } from '../../src/simulator/exportImport';
import { workbookUpcasting } from '../../src/simulator/simulator';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';

/**
 * Seed 002 keys customers by email: an order placed with only an email gets the email as its customer id. Such an
 * order (and its cancellation, its deletion, its saga) must survive an export and an import like any other.
 */
describe('an order placed with only an email', () => {
  it('exports and imports, placed, cancelled and deleted, through the saga and the command path', async () => {
    const simulator = await createMemorySimulator({ sagas: { sleep: async () => {} } });
    const bySaga = await simulator.sagas.placeOrder({ customerEmail: 'ada@example.com', items: [{ product: 'Mouse', quantity: 1 }] });
    if (!bySaga.ok) throw new Error(bySaga.message);
    await simulator.sagas.whenIdle();
    const placed = await simulator.execute('PlaceOrder', {
      orderId: 'o-email',
      customerId: 'grace@example.com',
      customerEmail: 'grace@example.com',
      items: [{ product: 'Keyboard', quantity: 1, unitPrice: 75 }],
    });
    expect(placed.ok).toBe(true);
    expect((await simulator.execute('CancelOrder', { orderId: 'o-email', reason: 'Changed my mind' })).ok).toBe(true);
    expect((await simulator.execute('DeleteOrder', { orderId: 'o-email' })).ok).toBe(true);
    await simulator.sagas.whenIdle();

    const { lines } = await exportStore(simulator.store, { now: () => '2025-06-01T00:00:00.000Z' });
    const exported = lines.map((line) => line.trimEnd());
    expect(exported.some((line) => line.includes('"customerId":"ada@example.com"'))).toBe(true);
    const result = validateImport(exported.join('\n'), workbookUpcasting);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;

    const other = await createMemorySimulator();
    await other.replaceAll(result.events);
    expect((await other.queries.orderById(bySaga.orderId))?.customerId).toBe('ada@example.com');
    expect((await other.crud.get(bySaga.orderId))?.status).toBe('confirmed');
    // Deleted: the CRUD twin dropped its row, the log kept the tombstone.
    expect(await other.crud.get('o-email')).toBeUndefined();
    expect((await other.store.readStream('order-o-email')).map((event) => event.type)).toEqual(['OrderPlaced', 'OrderCancelled', 'OrderDeleted']);
    other.close();
    simulator.close();
  });

  it('still refuses a customer id that is neither an id nor an email', async () => {
    const simulator = await createMemorySimulator({ sagas: { sleep: async () => {} } });
    await simulator.execute('PlaceOrder', { orderId: 'o-1', customerId: 'c-1', items: [{ product: 'Mouse', quantity: 1, unitPrice: 25 }] });
    const { lines } = await exportStore(simulator.store, { now: () => '2025-06-01T00:00:00.000Z' });
    const edited = lines.map((line) => line.trimEnd().replace('"customerId":"c-1"', '"customerId":"<img src=x onerror=alert(1)>"'));
    expect(validateImport(edited.join('\n'), workbookUpcasting)).toMatchObject({
      ok: false,
      line: 2,
      reason: expect.stringMatching(/customerId/),
    });
    simulator.close();
  });
});
