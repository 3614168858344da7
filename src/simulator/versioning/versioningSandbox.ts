import { ValidationError } from '../../domain/core/errors';
import { fold } from '../../domain/core/decider';
import { orderDecider, orderTotal } from '../../domain/order/decider';
import { orderStreamId, type OrderState } from '../../domain/order/types';
import { upcastOrderPlacedV1, type OrderPlacedV1Data } from '../../domain/order/upcasters';
import { createMemoryEventStore } from '../../eventStore/memoryEventStore';
import type { NewEvent, RecordedEvent } from '../../eventStore/types';
import { upcastAll } from '../../eventStore/upcasters';
import { asOrderEvent } from '../../projections/readModels/orderEvents';
import { readModelsAt } from '../history/readModelsAt';
import { workbookUpcasting } from '../simulator';
import { shapeChanges, type ShapeChange } from './shapeDiff';

/**
 * The versioning screen's sandbox: one order stream whose first event was stored by seed 000's service as
 * OrderPlaced v1 (one product, a quantity, no price), followed by events today's code appended. The stream lives in
 * a memory store created WITHOUT upcasting, so reading it gives the stored rows as they are; reading it "through the
 * upcaster" passes those same rows to `upcastAll(…, workbookUpcasting)`, the function the app's stores (memory and
 * IndexedDB) apply to everything they read. The student's own data is never touched.
 */

export const sandboxOrderId = '1001';
export const sandboxStreamId = orderStreamId(sandboxOrderId);

/** Seed 000's `POST /orders/ {"customer_id": "123", "product": "Laptop", "quantity": 2}`, as it was stored. */
export const seed000OrderPlaced: OrderPlacedV1Data = Object.freeze({
  orderId: sandboxOrderId,
  customerId: '123',
  product: 'Laptop',
  quantity: 2,
  placedAt: '2025-03-01T09:00:00.000Z',
});

/** What today's code appended after the old event: each at its current schema version. */
const laterEvents: readonly (NewEvent & { readonly at: string })[] = [
  { eventId: 'c2:0', type: 'OrderConfirmed', data: { orderId: sandboxOrderId, confirmedAt: '2025-03-01T10:00:00.000Z' }, at: '2025-03-01T10:00:00.000Z' },
  { eventId: 'c3:0', type: 'OrderProcessingStarted', data: { orderId: sandboxOrderId, startedAt: '2025-03-02T08:00:00.000Z' }, at: '2025-03-02T08:00:00.000Z' },
  {
    eventId: 'c4:0',
    type: 'OrderShipped',
    data: { orderId: sandboxOrderId, trackingNumber: 'TRK-1001', shippedAt: '2025-03-02T15:00:00.000Z' },
    at: '2025-03-02T15:00:00.000Z',
  },
];

export type StoredV1Check = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly reason: string };

/**
 * The student's edit of the stored v1 data, checked the way the store will read it: it must be JSON, the upcaster
 * must accept it (its own message says which field is wrong), and it must stay order 1001's, since it is stored in
 * that order's stream (an import refuses an event filed under another order's stream too).
 */
export function checkStoredV1(text: string): StoredV1Check {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: sentence(`This is not JSON: ${error instanceof Error ? error.message : String(error)}`) };
  }
  try {
    upcastOrderPlacedV1(data);
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, reason: sentence(`The upcaster refuses this OrderPlaced v1: ${error.message}`) };
    throw error;
  }
  const orderId = (data as { orderId: unknown }).orderId;
  if (orderId !== sandboxOrderId)
    return {
      ok: false,
      reason: `orderId: must stay "${sandboxOrderId}": this event is stored in stream ${sandboxStreamId}, after which come that order's later events.`,
    };
  return { ok: true, data };
}

/** Reasons are shown as sentences, followed by what was (not) done. */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Something today's code does with the folded stream, and whether it went wrong. */
export type TodayCheck = { readonly label: string; readonly outcome: string; readonly broken: boolean };

/** One way of reading the stream: the events as the reader got them, and what today's code makes of them. */
export type StreamReading = {
  readonly events: readonly RecordedEvent[];
  /** `orderDecider.evolve` folded over the events, as today's code does it (it assumes the v2 shape). */
  readonly state: OrderState;
  readonly checks: readonly TodayCheck[];
};

export type VersioningReading = {
  /** Read without the upcaster: the rows as stored. */
  readonly asStored: StreamReading;
  /** The same rows through the upcaster. */
  readonly upcast: StreamReading;
  /** What the upcaster changed in the first event (`schemaVersion` and `data`). */
  readonly changes: readonly ShapeChange[];
  /** The stored first event, serialized before and after the stream was read both ways. */
  readonly storedBefore: string;
  readonly storedAfter: string;
};

/** Stores the v1 event (already checked) and the later events in a fresh store without upcasting, then reads it both ways. */
export async function readStreamBothWays(v1Data: unknown): Promise<VersioningReading> {
  let at = seed000OrderPlaced.placedAt;
  const store = createMemoryEventStore({ now: () => at });
  try {
    await store.appendToStream(sandboxStreamId, [{ eventId: 'c1:0', type: 'OrderPlaced', schemaVersion: 1, data: v1Data }], {
      expectedVersion: 'noStream',
    });
    for (const { at: recordedAt, ...event } of laterEvents) {
      at = recordedAt;
      await store.appendToStream(sandboxStreamId, [event]);
    }

    const stored = await store.readStream(sandboxStreamId);
    const storedBefore = JSON.stringify(stored[0]);
    const upcast = upcastAll(await store.readStream(sandboxStreamId), workbookUpcasting);
    const storedAfter = JSON.stringify((await store.readStream(sandboxStreamId))[0]);

    const first = (event: RecordedEvent | undefined) => ({ schemaVersion: event?.schemaVersion, data: event?.data });
    return {
      asStored: await readingOf(stored),
      upcast: await readingOf(upcast),
      changes: shapeChanges(first(stored[0]), first(upcast[0])),
      storedBefore,
      storedAfter,
    };
  } finally {
    store.close();
  }
}

async function readingOf(events: readonly RecordedEvent[]): Promise<StreamReading> {
  // Today's code takes every event for the current shape: that is exactly what goes wrong without the upcaster.
  const state = fold(orderDecider.evolve, events.map(asOrderEvent), orderDecider.initialState());
  const readModels = await readModelsAt(events);
  const listed = readModels.orders.find((order) => order.orderId === sandboxOrderId);
  const revenue = readModels.summary.totalRevenue;
  return {
    events,
    state,
    checks: [
      totalCheck(state),
      {
        label: 'Orders read model (GET /api/v1/orders)',
        outcome:
          listed === undefined
            ? `lists ${readModels.orders.length} orders: order ${sandboxOrderId} is missing`
            : `lists order ${sandboxOrderId}: ${listed.items.length} item, total ${listed.total}`,
        broken: listed === undefined,
      },
      {
        label: 'Summary read model: revenue',
        outcome: String(revenue),
        broken: !Number.isFinite(revenue),
      },
      ...readModels.faults.map((fault) => ({ label: 'Projection fault', outcome: fault, broken: true })),
    ],
  };
}

/** `orderTotal(state.items)`: the decider's own helper, which any code recomputing the total calls. */
function totalCheck(state: OrderState): TodayCheck {
  const label = 'orderTotal(state.items)';
  if (state.status === 'none') return { label, outcome: 'no order', broken: true };
  try {
    const total = orderTotal(state.items);
    return { label, outcome: String(total), broken: !Number.isFinite(total) };
  } catch (error) {
    return { label, outcome: `throws ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, broken: true };
  }
}

/** One field of the folded state, as the screen lists it: a field today's code expects but the fold left undefined is missing. */
export type StateField = { readonly field: string; readonly value: string; readonly missing: boolean };

export function stateFields(state: OrderState): StateField[] {
  return Object.entries(state).map(([field, value]) => ({
    field,
    value: value === undefined ? 'undefined' : JSON.stringify(value),
    missing: value === undefined,
  }));
}
