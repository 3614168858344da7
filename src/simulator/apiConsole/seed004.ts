import { parseSeed002Order } from '../../domain/order/schemas';
import { orderStreamId } from '../../domain/order/types';
import type { RecordedEvent } from '../../eventStore/types';
import type { OrderDoc } from '../../projections/readModels/orders';
import type { ProjectionStatus } from '../../projections/projector';
import type { SagaView } from '../../sagas/types';
import { metricsExposition, prometheusContentType } from '../metrics/prometheus';
import { metricsFor } from '../metrics/registry';
import type { ProjectionLag } from '../metrics/types';
import { eventField, notFoundOnReadSide, placeOrderFromBody, readModelHeaders, versionAfter, type Route, type RouteContext } from './endpoint';
import { created, errorResponse, ok, respond } from './responses';

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

/** A projection as the admin API reports it: where it is, how far behind, in events and in seconds, and why. */
export function seed004Projection(lag: ProjectionLag, status: ProjectionStatus) {
  return {
    name: lag.name,
    version: status.version,
    state: lag.state,
    checkpoint: lag.checkpoint,
    head: lag.head,
    lag: lag.lag,
    lag_seconds: lag.lagSeconds,
    paused: status.paused,
    fault:
      status.fault === null
        ? null
        : { global_position: status.fault.globalPosition, event_type: status.fault.eventType, reason: status.fault.reason },
  };
}

export function seed004Saga(saga: SagaView) {
  return {
    saga_id: saga.sagaId,
    order_id: saga.orderId,
    status: saga.status,
    failure_reason: saga.failureReason,
    cancellation_reason: saga.cancellationReason,
    correlation_id: saga.correlationId,
    total: saga.total,
    started_at: saga.startedAt,
    timeline: saga.timeline.map((entry) => ({
      step: entry.step,
      kind: entry.kind,
      outcome: entry.outcome,
      detail: entry.detail,
      at: entry.at,
      event_id: entry.eventId,
      global_position: entry.globalPosition,
    })),
  };
}

/** Every projection's status and lag, joined by name (the lag module measures, the projector knows the rest). */
async function projectionReports(context: RouteContext) {
  const status = context.simulator.projector.getStatus();
  const lags = await metricsFor(context.simulator).projectionLags();
  return lags.flatMap((lag) => {
    const projection = status.projections.find((candidate) => candidate.name === lag.name);
    return projection === undefined ? [] : [seed004Projection(lag, projection)];
  });
}

function unknownProjection(context: RouteContext, name: string) {
  const known = context.simulator.projector.getStatus().projections.map((projection) => projection.name);
  return errorResponse(404, `no projection named ${name}`, {
    hint: `The projections are: ${known.join(', ')}. GET /api/v1/admin/projections lists them with their lag.`,
  });
}

export const seed004Routes: readonly Route[] = [
  {
    seed: '004',
    method: 'POST',
    pattern: '/api/v1/orders',
    side: 'command',
    summary: 'Create an order (command API)',
    body: 'object',
    async handle(context) {
      let placedId: string | undefined;
      const response = await placeOrderFromBody(context, parseSeed002Order, (orderId, outcome) => {
        placedId = orderId;
        const answer = created(
          {
            order_id: orderId,
            status: 'pending',
            total: eventField(outcome, 'total'),
            version: versionAfter(outcome),
            // The command side answers once the event is stored; the query side learns of it later.
            message: 'Order accepted. Query it on the query API: GET /api/v1/orders/' + orderId,
            saga: `/api/v1/admin/sagas/${orderId}`,
          },
          `/api/v1/orders/${orderId}`,
        );
        return outcome.idempotentReplay ? { ...answer, headers: { ...answer.headers, 'Idempotent-Replayed': 'true' } } : answer;
      });
      if (placedId === undefined) return response;
      // Seed 004's orchestrator takes every placed order through its saga (reserve stock, charge, confirm). The order
      // is recorded whatever happens next: a saga that cannot start is said, not turned into an error.
      try {
        await context.simulator.sagas.startForPlacedOrder(placedId);
        return response;
      } catch (error) {
        console.error('Starting the saga failed', error);
        const reason = error instanceof Error ? error.message : String(error);
        return { ...response, body: { ...(response.body as object), saga: null, saga_error: `The order is recorded, but its saga did not start: ${reason}` } };
      }
    },
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
  {
    seed: '004',
    method: 'GET',
    pattern: '/api/v1/admin/projections',
    side: 'admin',
    summary: 'Every projection: checkpoint, head, lag (admin API)',
    body: 'none',
    async handle(context) {
      const status = context.simulator.projector.getStatus();
      return ok({ head_position: status.headPosition, delay_ms: status.delayMs, projections: await projectionReports(context) });
    },
  },
  {
    seed: '004',
    method: 'GET',
    pattern: '/api/v1/admin/projections/{name}',
    side: 'admin',
    summary: 'One projection: checkpoint, head, lag (admin API)',
    body: 'none',
    async handle(context) {
      const name = context.params['name'] ?? '';
      const report = (await projectionReports(context)).find((projection) => projection.name === name);
      return report === undefined ? unknownProjection(context, name) : ok(report);
    },
  },
  {
    seed: '004',
    method: 'POST',
    pattern: '/api/v1/admin/projections/{name}/replay',
    side: 'admin',
    summary: 'Rebuild a read model by replaying the whole log (admin API)',
    body: 'none',
    async handle(context) {
      const name = context.params['name'] ?? '';
      const { projector } = context.simulator;
      if (!projector.getStatus().projections.some((projection) => projection.name === name)) return unknownProjection(context, name);
      const startedAt = performance.now();
      let replayed = 0;
      // Answers once the replay is done (200, not 202): in one tab a replay takes milliseconds to seconds, and the
      // answer can then say how many events it replayed and that the read model is caught up.
      const status = await projector.rebuild(name, (progress) => {
        replayed = progress.done;
      });
      return ok({
        projection: name,
        events_replayed: replayed,
        checkpoint: status.checkpoint,
        head: projector.getStatus().headPosition,
        lag: status.lag,
        state: status.status,
        duration_ms: Math.round(performance.now() - startedAt),
        message: `The ${name} read model was cleared and rebuilt from the event log.`,
      });
    },
  },
  {
    seed: '004',
    method: 'GET',
    pattern: '/api/v1/admin/sagas/{order_id}',
    side: 'admin',
    summary: "The order's saga: status, steps and compensations (admin API)",
    body: 'none',
    async handle(context) {
      const orderId = context.params['order_id'] ?? '';
      const saga = await context.simulator.sagas.saga(orderId);
      if (saga === undefined) {
        return errorResponse(404, `no saga for order ${orderId}`, {
          hint: 'Orders placed through seed 004 (POST /api/v1/orders or the Saga screen) have one; an order placed through seed 000 or 002 has none.',
        });
      }
      return ok(seed004Saga(saga));
    },
  },
  {
    seed: '004',
    method: 'GET',
    pattern: '/metrics',
    side: 'admin',
    summary: 'Metrics in Prometheus text format (latency, event rate, projection lag, sagas, cache hit ratio)',
    body: 'none',
    async handle(context) {
      const recorder = metricsFor(context.simulator);
      const [projections, sagas] = await Promise.all([recorder.projectionLags(), recorder.sagaOutcomes()]);
      const latest = recorder.history().at(-1);
      const text = metricsExposition({
        latency: recorder.commandLatency(),
        projections,
        headPosition: context.simulator.projector.getStatus().headPosition,
        eventsPerSecond: latest?.eventsPerSecond ?? 0,
        sagas,
        readCache: context.simulator.readCache.stats(),
      });
      return respond(200, text, { 'Content-Type': prometheusContentType });
    },
  },
];
