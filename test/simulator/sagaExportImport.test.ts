import { describe, expect, it } from 'vitest';
import { type WorkbookSimulator } from '../../src/simulator/simulator';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import { check, edit, exportedFileLines, lineOf } from './exportFileLines';

/** Seed 004's streams (inventory, payment, saga) travel in an export and are checked by their deciders on import. */

async function sagaHistory(): Promise<{ simulator: WorkbookSimulator; lines: string[]; orderIds: string[] }> {
  const simulator = await createMemorySimulator({ sagas: { sleep: async () => {} } });
  const orderIds: string[] = [];
  const place = async (items: { product: string; quantity: number }[]) => {
    const started = await simulator.sagas.placeOrder({ customerId: 'c-1', customerEmail: 'ada@example.com', items });
    if (!started.ok) throw new Error(started.message);
    orderIds.push(started.orderId);
    await simulator.sagas.whenIdle();
  };
  await place([{ product: 'Laptop', quantity: 1 }, { product: 'Mouse', quantity: 2 }]); // completed
  simulator.sagas.setInjection({ paymentService: 'declines' });
  await place([{ product: 'Keyboard', quantity: 1 }]); // compensated: declined
  simulator.sagas.setInjection({ paymentService: 'approves' });
  await place([{ product: 'Monitor', quantity: 9 }]); // compensated: stock short
  return { simulator, lines: await exportedFileLines(simulator.store), orderIds };
}


describe('exporting and importing sagas', () => {
  it('reads a history of completed and compensated sagas back as the same events', async () => {
    const { simulator, lines } = await sagaHistory();
    const result = check(lines);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.events).toEqual(lines.slice(1).map((line) => JSON.parse(line)));
    simulator.close();
  });

  it('imports into another simulator: the sagas, the stock and the CRUD twin come back', async () => {
    const { simulator, lines, orderIds } = await sagaHistory();
    const result = check(lines);
    if (!result.ok) throw new Error(result.reason);
    const other = await createMemorySimulator();
    await other.replaceAll(result.events);
    expect(await other.sagas.outcomes()).toEqual({ completed: 1, compensated: 2, running: 0, cancelled: 0 });
    expect(await other.sagas.stock()).toEqual(await simulator.sagas.stock());
    expect((await other.crud.get(orderIds[0]!))?.status).toBe('confirmed');
    expect((await other.crud.get(orderIds[1]!))?.status).toBe('cancelled');
    expect((await other.queries.orderById(orderIds[0]!))?.status).toBe('confirmed');
    expect(await other.sagas.resumeUnfinished()).toBe(0);
    other.close();
    simulator.close();
  });

  it('refuses a reservation of more stock than the product had', async () => {
    const { simulator, lines } = await sagaHistory();
    const line = lineOf(lines, (event) => event.type === 'StockReserved' && event.data.product === 'Laptop');
    const refused = check(edit(lines, line, (event) => (event.data.quantity = 50)));
    expect(refused).toMatchObject({ ok: false, line, reason: expect.stringMatching(/StockReserved could not have happened here: Laptop is short/) });
    simulator.close();
  });

  it('refuses a refund of more than was charged', async () => {
    const { simulator, lines } = await sagaHistory();
    const declined = lineOf(lines, (event) => event.type === 'PaymentDeclined');
    const refused = check(edit(lines, declined, (event) => {
      event.type = 'PaymentRefunded';
      event.data = { orderId: event.data.orderId, amount: event.data.amount, reason: 'x', refundedAt: event.data.declinedAt };
    }));
    expect(refused).toMatchObject({ ok: false, line: declined, reason: expect.stringMatching(/the decider records nothing/) });
    simulator.close();
  });

  it('refuses saga steps out of order and events in the wrong stream', async () => {
    const { simulator, lines } = await sagaHistory();
    const completed = lineOf(lines, (event) => event.type === 'SagaCompleted');
    const early = lineOf(lines, (event) => event.type === 'SagaStepSucceeded');
    const swapped = edit(lines, early, (event) => {
      event.type = 'SagaCompleted';
      event.data = { at: event.data.at };
    });
    expect(check(swapped)).toMatchObject({ ok: false, line: early, reason: expect.stringMatching(/next step is reserveStock/) });
    expect(completed).toBeGreaterThan(early);

    const stock = lineOf(lines, (event) => event.type === 'StockAdded');
    expect(check(edit(lines, stock, (event) => (event.streamId = 'inventory-Piano')))).toMatchObject({
      ok: false,
      line: stock,
      reason: expect.stringMatching(/belongs in stream inventory-Laptop, not in inventory-Piano/),
    });
    simulator.close();
  });

  it('refuses a saga event whose data is not the recorded shape', async () => {
    const { simulator, lines } = await sagaHistory();
    const retried = lineOf(lines, (event) => event.type === 'SagaStepFailed');
    expect(check(edit(lines, retried, (event) => (event.data.step = 'teleport')))).toMatchObject({
      ok: false,
      line: retried,
      reason: expect.stringMatching(/data.step: must be one of: reserveStock, chargePayment, confirmOrder/),
    });
    simulator.close();
  });
});
