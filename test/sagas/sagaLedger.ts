import { expect } from 'vitest';
import { fold } from '../../src/domain/core/decider';
import { inventoryDecider } from '../../src/domain/inventory/decider';
import { inventoryStreamPrefix, type InventoryEvent } from '../../src/domain/inventory/types';
import { orderDecider } from '../../src/domain/order/decider';
import { orderStreamId } from '../../src/domain/order/types';
import { netCharged, paymentDecider } from '../../src/domain/payment/decider';
import { paymentStreamId, type PaymentEvent } from '../../src/domain/payment/types';
import { rehydrate } from '../../src/eventStore/handleCommand';
import type { EventStore } from '../../src/eventStore/types';
import type { SagaView } from '../../src/sagas/types';
import type { WorkbookSimulator } from '../../src/simulator/simulator';

/** Units each order holds, summed over every product's inventory stream. */
export async function reservationsByOrder(store: EventStore): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  for (const streamId of await store.streamIds(inventoryStreamPrefix)) {
    const events = (await store.readStream(streamId)) as unknown as InventoryEvent[];
    const state = fold(inventoryDecider.evolve, events, inventoryDecider.initialState());
    for (const [orderId, quantity] of Object.entries(state.reservations)) held.set(orderId, (held.get(orderId) ?? 0) + quantity);
  }
  return held;
}

export async function netChargedOf(store: EventStore, orderId: string): Promise<number> {
  const events = (await store.readStream(paymentStreamId(orderId))) as unknown as PaymentEvent[];
  return netCharged(fold(paymentDecider.evolve, events, paymentDecider.initialState()));
}

export async function orderStatusOf(store: EventStore, orderId: string): Promise<string> {
  return (await rehydrate(store, orderDecider, orderStreamId(orderId))).state.status;
}

/** Where a completed saga's order may be: confirmed, or moved on by a person (processing, shipped, delivered). */
const standingStatuses = ['confirmed', 'processing', 'shipped', 'delivered'];

/**
 * Every saga finished, and the three aggregates agree with it: a completed saga's order stands (confirmed or
 * further), paid in full and holds its units; a compensated one's, or one cancelled after confirmation, is
 * cancelled, refunded and holds nothing.
 */
export async function expectConsistent(simulator: WorkbookSimulator): Promise<SagaView[]> {
  const sagas = await simulator.sagas.sagas();
  const held = await reservationsByOrder(simulator.store);
  for (const saga of sagas) {
    expect(['completed', 'compensated', 'cancelled']).toContain(saga.status);
    const status = await orderStatusOf(simulator.store, saga.orderId);
    const charged = await netChargedOf(simulator.store, saga.orderId);
    const units = held.get(saga.orderId) ?? 0;
    const events = await simulator.store.readStream(`saga-${saga.orderId}`);
    const started = events[0]!.data as { items: { quantity: number }[] };
    const quantity = started.items.reduce((sum, item) => sum + item.quantity, 0);
    if (saga.status === 'completed') {
      expect(standingStatuses, `order ${saga.orderId} of a completed saga`).toContain(status);
      expect({ charged, units }).toEqual({ charged: saga.total, units: quantity });
    } else expect({ status, charged, units }).toEqual({ status: 'cancelled', charged: 0, units: 0 });
  }
  return sagas;
}
