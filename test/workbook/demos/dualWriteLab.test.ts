import { describe, expect, it } from 'vitest';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import { createDualWriteLab } from '../../../src/workbook/demos/dualWriteLab';

describe('the dual-write lab', () => {
  it('a crash after the append leaves the CRUD twin behind its checkpoint; a retry answers what the log recorded; the twin catches up', async () => {
    const sim = await createMemorySimulator();
    const lab = createDualWriteLab(sim, () => '2025-03-01T09:00:00.000Z');

    const crashed = await lab.crashAfterAppend('PlaceOrder', 'dw-1', 'cmd-place');
    expect(crashed.events.map((event) => event.type)).toEqual(['OrderPlaced']);
    expect(crashed.sides).toEqual({ orderId: 'dw-1', log: 'pending', crud: null, agree: false, twinCheckpoint: 0, logHead: 1 });

    // The client retries under the same id: the store answers with the recorded events and writes nothing; the answer
    // is the log's, with a note that the twin (still held, as in the dead tab) has not applied them yet.
    const retried = await lab.retry('PlaceOrder', 'dw-1', 'cmd-place');
    expect(retried.idempotentReplay).toBe(true);
    expect(retried.events.map((event) => event.eventId)).toEqual(crashed.events.map((event) => event.eventId));
    expect(retried.crudTwinNote).toMatch(/^Recorded in the event log \(position 1\)\. The CRUD twin has not applied it yet/);
    expect(retried.sides.agree).toBe(false);

    expect(await lab.catchUp('dw-1')).toEqual({ orderId: 'dw-1', log: 'pending', crud: 'pending', agree: true, twinCheckpoint: 1, logHead: 1 });

    // A later crash leaves a stale status rather than a missing row; catching up brings it level, with the loss.
    expect((await lab.crashAfterAppend('ConfirmOrder', 'dw-1', 'cmd-confirm')).sides).toMatchObject({ log: 'confirmed', crud: 'pending' });
    expect(await lab.catchUp('dw-1')).toMatchObject({ log: 'confirmed', crud: 'confirmed', agree: true, twinCheckpoint: 2 });
    expect((await sim.crud.lossesOf('dw-1')).map((loss) => [loss.oldValue, loss.newValue])).toEqual([['pending', 'confirmed']]);

    // The log is the one truth: it holds each event once, whatever the retries.
    expect((await sim.store.readStream('order-dw-1')).map((event) => event.type)).toEqual(['OrderPlaced', 'OrderConfirmed']);
    sim.close();
  });

  it('a command that completes normally writes both sides', async () => {
    const sim = await createMemorySimulator();
    const lab = createDualWriteLab(sim);
    const step = await lab.retry('PlaceOrder', 'dw-2', 'cmd-ok');
    expect(step.crudTwinNote).toBeUndefined();
    expect(await lab.sides('dw-2')).toEqual({ orderId: 'dw-2', log: 'pending', crud: 'pending', agree: true, twinCheckpoint: 1, logHead: 1 });
    sim.close();
  });
});
