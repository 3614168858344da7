import { expect } from 'vitest';
import { fold } from '../../src/domain/core/decider';
import { inventoryDecider } from '../../src/domain/inventory/decider';
import { inventoryStreamPrefix, type InventoryEvent, type InventoryState } from '../../src/domain/inventory/types';
import { orderDecider } from '../../src/domain/order/decider';
import { orderStreamId } from '../../src/domain/order/types';
import { netCharged, paymentDecider } from '../../src/domain/payment/decider';
import { paymentStreamId, type PaymentEvent } from '../../src/domain/payment/types';
import { rehydrate } from '../../src/eventStore/handleCommand';
import type { EventStore } from '../../src/eventStore/types';
import type { SagaView } from '../../src/sagas/types';
import type { WorkbookSimulator } from '../../src/simulator/simulator';

/** Each product's inventory state, folded from its stream by the real decider. */
async function inventoryStates(store: EventStore): Promise<InventoryState[]> {
  const states: InventoryState[] = [];
  for (const streamId of await store.streamIds(inventoryStreamPrefix)) {
    const events = (await store.readStream(streamId)) as unknown as InventoryEvent[];
    states.push(fold(inventoryDecider.evolve, events, inventoryDecider.initialState()));
  }
  return states;
}

/** Order id → units, summed over every product's `perOrder` (its reservations, or what shipped). */
async function unitsByOrder(store: EventStore, perOrder: (state: InventoryState) => Readonly<Record<string, number>>): Promise<Map<string, number>> {
  const units = new Map<string, number>();
  for (const state of await inventoryStates(store))
    for (const [orderId, quantity] of Object.entries(perOrder(state))) units.set(orderId, (units.get(orderId) ?? 0) + quantity);
  return units;
}

/** Units each order holds, summed over every product's inventory stream. */
export const reservationsByOrder = (store: EventStore): Promise<Map<string, number>> =>
  unitsByOrder(store, (state) => state.reservations);

/** Units that left the warehouse with each order (ReservedStockShipped), summed over every product. */
export const shipmentsByOrder = (store: EventStore): Promise<Map<string, number>> => unitsByOrder(store, (state) => state.shipped);

/** Per product: units ever stocked (StockAdded) and units shipped (ReservedStockShipped), from the inventory streams. */
export async function stockedAndShipped(store: EventStore): Promise<Map<string, { stocked: number; shipped: number }>> {
  const totals = new Map<string, { stocked: number; shipped: number }>();
  for (const streamId of await store.streamIds(inventoryStreamPrefix)) {
    const total = { stocked: 0, shipped: 0 };
    for (const event of (await store.readStream(streamId)) as unknown as InventoryEvent[]) {
      if (event.type === 'StockAdded') total.stocked += event.data.quantity;
      if (event.type === 'ReservedStockShipped') total.shipped += event.data.quantity;
    }
    totals.set(streamId.slice(inventoryStreamPrefix.length), total);
  }
  return totals;
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
/** A completed saga's order in these has its units gone from the warehouse rather than held. */
const shippedStatuses = ['shipped', 'delivered'];

/**
 * Every saga finished, and the three aggregates agree with it: a completed saga's order stands (confirmed or
 * further) and is paid in full; it holds its units until it ships, then its units have left (shipped, none held).
 * A compensated one's, or one cancelled after confirmation, is cancelled, refunded, and holds and shipped nothing.
 */
export async function expectConsistent(simulator: WorkbookSimulator): Promise<SagaView[]> {
  const sagas = await simulator.sagas.sagas();
  const held = await reservationsByOrder(simulator.store);
  const shipments = await shipmentsByOrder(simulator.store);
  for (const saga of sagas) {
    expect(['completed', 'compensated', 'cancelled']).toContain(saga.status);
    const status = await orderStatusOf(simulator.store, saga.orderId);
    const charged = await netChargedOf(simulator.store, saga.orderId);
    const units = held.get(saga.orderId) ?? 0;
    const shipped = shipments.get(saga.orderId) ?? 0;
    const events = await simulator.store.readStream(`saga-${saga.orderId}`);
    const started = events[0]!.data as { items: { quantity: number }[] };
    const quantity = started.items.reduce((sum, item) => sum + item.quantity, 0);
    if (saga.status === 'completed') {
      expect(standingStatuses, `order ${saga.orderId} of a completed saga`).toContain(status);
      const gone = shippedStatuses.includes(status);
      expect({ status, charged, units, shipped }).toEqual({
        status,
        charged: saga.total,
        units: gone ? 0 : quantity,
        shipped: gone ? quantity : 0,
      });
    } else expect({ status, charged, units, shipped }).toEqual({ status: 'cancelled', charged: 0, units: 0, shipped: 0 });
  }
  return sagas;
}
