import { describe, expect, it } from 'vitest';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';

const fixedClock = () => '2026-11-23T10:00:00.000Z';

async function simulatorWithIds() {
  let next = 0;
  return createMemorySimulator({ now: fixedClock, newId: () => `cmd-${++next}` });
}

const laptopOrder = {
  orderId: 'o-1',
  customerId: '123',
  customerEmail: 'ada@example.com',
  items: [{ product: 'Laptop', quantity: 2, unitPrice: 999.5 }],
};

describe('simulator', () => {
  it('places an order: the event is recorded, the CRUD row is written and the read model catches up', async () => {
    const simulator = await simulatorWithIds();
    const outcome = await simulator.execute('PlaceOrder', laptopOrder);

    expect(outcome).toMatchObject({ ok: true, streamId: 'order-o-1', idempotentReplay: false });
    const [event] = await simulator.latestEvents(10);
    expect(event).toMatchObject({ type: 'OrderPlaced', streamId: 'order-o-1', schemaVersion: 2 });
    expect(await simulator.crud.get('o-1')).toMatchObject({ status: 'pending', total: 1999 });
    await simulator.projector.whenCaughtUp();
    expect(await simulator.queries.orderById('o-1')).toMatchObject({ status: 'pending', total: 1999 });
    expect((await simulator.queries.summary()).totalOrders).toBe(1);
  });

  it('seed 000: processing then shipped — CRUD keeps only shipped and records the loss, the history keeps both', async () => {
    const simulator = await simulatorWithIds();
    await simulator.execute('PlaceOrder', laptopOrder);
    for (const status of ['confirmed', 'processing', 'shipped'])
      expect(await simulator.execute('UpdateOrderStatus', { orderId: 'o-1', new_status: status })).toMatchObject({ ok: true });

    expect((await simulator.crud.get('o-1'))?.status).toBe('shipped');
    const losses = await simulator.crud.lossesOf('o-1');
    expect(losses.map((loss) => [loss.oldValue, loss.newValue])).toContainEqual(['processing', 'shipped']);
    const types = (await simulator.store.readStream('order-o-1')).map((event) => event.type);
    expect(types).toEqual(['OrderPlaced', 'OrderConfirmed', 'OrderProcessingStarted', 'OrderShipped']);
  });

  it('refuses an illegal transition with the domain message, writing to neither side', async () => {
    const simulator = await simulatorWithIds();
    await simulator.execute('PlaceOrder', laptopOrder);
    const outcome = await simulator.execute('ShipOrder', { orderId: 'o-1' });

    expect(outcome).toMatchObject({ ok: false, kind: 'rule' });
    expect(outcome.ok === false && outcome.message).toMatch(/pending.*confirmed, cancelled/);
    expect(await simulator.store.headPosition()).toBe(1);
    expect((await simulator.crud.get('o-1'))?.status).toBe('pending');
  });

  it('rejects bad input field by field and appends nothing', async () => {
    const simulator = await simulatorWithIds();
    const outcome = await simulator.execute('PlaceOrder', { ...laptopOrder, items: [{ product: '', quantity: -1, unitPrice: 1 }] });

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.kind).toBe('validation');
    expect(outcome.issues.map((issue) => issue.field).sort()).toEqual(['items[0].product', 'items[0].quantity']);
    expect(await simulator.store.headPosition()).toBe(0);
    expect(await simulator.crud.list()).toEqual([]);
  });

  it('answers an unknown order id with notFound', async () => {
    const simulator = await simulatorWithIds();
    expect(await simulator.execute('ConfirmOrder', { orderId: 'nope' })).toMatchObject({ ok: false, kind: 'notFound' });
  });

  it('a repeated commandId is answered from the first run and changes neither side again', async () => {
    const simulator = await simulatorWithIds();
    await simulator.execute('PlaceOrder', laptopOrder);
    const first = await simulator.execute('ConfirmOrder', { orderId: 'o-1' }, { commandId: 'same' });
    const second = await simulator.execute('ConfirmOrder', { orderId: 'o-1' }, { commandId: 'same' });

    expect(second).toMatchObject({ ok: true, idempotentReplay: true });
    expect(second.ok && second.events).toEqual(first.ok && first.events);
    expect(await simulator.store.headPosition()).toBe(2);
    expect(await simulator.crud.lossesOf('o-1')).toHaveLength(1);
  });

  it('users of seed 001: the email update is an event that keeps the old email; the CRUD twin loses it', async () => {
    const simulator = await simulatorWithIds();
    await simulator.execute('CreateUser', { userId: 'u1', firstName: 'John', lastName: 'Doe', email: 'john.doe@example.com' });
    const outcome = await simulator.execute('UpdateUserEmail', { userId: 'u1', newEmail: 'john.new@example.com' });

    expect(outcome.ok && outcome.events[0]?.data).toMatchObject({ previousEmail: 'john.doe@example.com' });
    expect((await simulator.crudUsers.get('u1'))?.email).toBe('john.new@example.com');
    expect(await simulator.crudUsers.lossesOf('u1')).toMatchObject([{ oldValue: 'john.doe@example.com' }]);
  });

  it('tells listeners about every append', async () => {
    const simulator = await simulatorWithIds();
    let calls = 0;
    simulator.onChange(() => (calls += 1));
    await simulator.execute('PlaceOrder', laptopOrder);
    expect(calls).toBeGreaterThan(0);
  });
});
