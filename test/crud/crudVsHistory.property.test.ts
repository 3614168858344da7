import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyToCrud } from '../../src/crud/applyCommand';
import { createMemoryCrudStore } from '../../src/crud/memoryCrudStore';
import { fold } from '../../src/domain/core/decider';
import { orderDecider } from '../../src/domain/order/decider';
import type { OrderEvent } from '../../src/domain/order/types';
import { intentsArb, legalRun } from './support/orderCommands';

describe('CRUD twin against the event history', () => {
  it('ends in the same current state for any sequence of legal order commands', async () => {
    await fc.assert(
      fc.asyncProperty(intentsArb, async (intents) => {
        const { commands, events } = legalRun(intents);
        const crud = createMemoryCrudStore();
        for (const command of commands) await applyToCrud(command, crud);

        const historyOf = new Map<string, OrderEvent[]>();
        for (const event of events) {
          historyOf.set(event.data.orderId, [...(historyOf.get(event.data.orderId) ?? []), event]);
        }
        for (const [orderId, history] of historyOf) {
          const state = fold(orderDecider.evolve, history, orderDecider.initialState());
          const row = await crud.get(orderId);
          if (state.status === 'none') throw new Error('a recorded history always starts with OrderPlaced');
          if (state.deleted) {
            expect(row).toBeUndefined();
            continue;
          }
          expect(row).toBeDefined();
          expect({
            status: row?.status,
            items: row?.items,
            total: row?.total,
            customerEmail: row?.customerEmail,
          }).toEqual({ status: state.status, items: state.items, total: state.total, customerEmail: state.customerEmail });
        }
        // Nothing on the CRUD side that the history does not know.
        expect((await crud.list()).every((row) => historyOf.has(row.orderId))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps in the history what the CRUD row lost', async () => {
    // Seed 000's demonstration: processing → shipped overwrites "processing"; the events keep both.
    const { commands, events } = legalRun([
      { kind: 'place', order: 1, customer: 1, items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }] },
      { kind: 'confirm', order: 1, customer: 1, items: [] },
      { kind: 'process', order: 1, customer: 1, items: [] },
      { kind: 'ship', order: 1, customer: 1, items: [] },
    ]);
    const crud = createMemoryCrudStore();
    for (const command of commands) await applyToCrud(command, crud);
    expect((await crud.get('o1'))?.status).toBe('shipped');
    expect(events.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderConfirmed', 'OrderProcessingStarted', 'OrderShipped']);
    expect((await crud.lossesOf('o1')).map((loss) => [loss.oldValue, loss.newValue])).toEqual([
      ['pending', 'confirmed'],
      ['confirmed', 'processing'],
      ['processing', 'shipped'],
    ]);
  });
});
