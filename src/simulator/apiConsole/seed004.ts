import { parseSeed002Order } from '../../domain/order/schemas';
import { orderStreamId } from '../../domain/order/types';
import type { RecordedEvent } from '../../eventStore/types';
import type { OrderDoc } from '../../projections/readModels/orders';
import { eventField, notFoundOnReadSide, placeOrderFromBody, readModelHeaders, versionAfter, type Route } from './endpoint';
import { created, errorResponse, ok } from './responses';

/**
 * Seed 004: the production-style Go services, each on its own port in the seed: the command API (8080) takes
 * `POST /api/v1/orders`, the query API (8081) answers `GET /api/v1/orders/{id}` from the read model, the admin API
 * (8082) shows an order's event stream. Here they share one console; the `side` of each route says which service
 * it stands for. Go services speak snake_case JSON, so the documents are shown that way.
 */

export function seed004Order(order: OrderDoc) {
  return {
    order_id: order.orderId,
    customer_id: order.customerId,
    customer_email: order.customerEmail,
    items: order.items.map((item) => ({ product_id: item.product, quantity: item.quantity, price: item.unitPrice })),
    total: order.total,
    status: order.status,
    tracking_number: order.trackingNumber,
    placed_at: order.placedAt,
    updated_at: order.updatedAt,
  };
}

export function seed004Event(event: RecordedEvent) {
  return {
    event_id: event.eventId,
    global_position: event.globalPosition,
    version: event.streamPosition,
    type: event.type,
    schema_version: event.schemaVersion,
    data: event.data,
    metadata: {
      command_id: event.metadata.commandId,
      correlation_id: event.metadata.correlationId,
      causation_id: event.metadata.causationId,
      recorded_at: event.metadata.recordedAt,
    },
  };
}

export const seed004Routes: readonly Route[] = [
  {
    seed: '004',
    method: 'POST',
    pattern: '/api/v1/orders',
    side: 'command',
    summary: 'Create an order (command API)',
    body: 'object',
    handle: (context) =>
      placeOrderFromBody(context, parseSeed002Order, (placedId, outcome) => {
        const response = created(
          {
            order_id: placedId,
            status: 'pending',
            total: eventField(outcome, 'total'),
            version: versionAfter(outcome),
            // The command side answers once the event is stored; the query side learns of it later.
            message: 'Order accepted. Query it on the query API: GET /api/v1/orders/' + placedId,
          },
          `/api/v1/orders/${placedId}`,
        );
        return outcome.idempotentReplay
          ? { ...response, headers: { ...response.headers, 'Idempotent-Replayed': 'true' } }
          : response;
      }),
  },
  {
    seed: '004',
    method: 'GET',
    pattern: '/api/v1/orders/{order_id}',
    side: 'query',
    summary: 'Query the order (query API)',
    body: 'none',
    async handle(context) {
      const orderId = context.params['order_id'] ?? '';
      const order = await context.simulator.queries.orderById(orderId);
      if (order === undefined) {
        return notFoundOnReadSide(context, `order ${orderId} not found`, orderStreamId(orderId), 'orders', `/api/v1/admin/events/${orderId}`);
      }
      return ok(seed004Order(order), readModelHeaders(context.simulator, 'orders'));
    },
  },
  {
    seed: '004',
    method: 'GET',
    pattern: '/api/v1/admin/events/{order_id}',
    side: 'admin',
    summary: 'View event stream (admin API)',
    body: 'none',
    async handle(context) {
      const orderId = context.params['order_id'] ?? '';
      const streamId = orderStreamId(orderId);
      // The admin API reads the log itself: the truth, with no read-model lag, deleted orders included.
      const events = await context.simulator.store.readStream(streamId);
      if (events.length === 0) return errorResponse(404, `no events for order ${orderId}`);
      return ok({
        order_id: orderId,
        stream_id: streamId,
        version: events.at(-1)?.streamPosition ?? 0,
        events: events.map(seed004Event),
      });
    },
  },
];
