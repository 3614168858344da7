import { ValidationError } from '../../domain/core/errors';
import { parseSeed000Order, parseSeed000StatusUpdate } from '../../domain/order/schemas';
import type { SetOrderStatus } from '../../domain/order/types';
import { orderStreamId } from '../../domain/order/types';
import type { OrderDoc } from '../../projections/readModels/orders';
import { notFoundOnReadSide, placeOrderFromBody, readModelHeaders, runCommand, statusAfter, type Route } from './endpoint';
import { QueryReader } from './queryParams';
import { created, ok, refusedCommand, validationFailed } from './responses';

/**
 * Seed 000: the FastAPI order service. Create, set the status, get one, list all. Its orders have one product and a
 * quantity, no price. It is a CRUD service: any status overwrites any other (`pending → shipped`, `shipped →
 * processing`), with no state machine; the event side records each overwrite as OrderStatusSet, so the history keeps
 * what the CRUD row forgets. Seed 002's endpoints are the ones that go through the state machine.
 */

/** An order as seed 000's `GET /orders/{order_id}/` shows it, keys in the seed's order. */
export function seed000Order(order: OrderDoc) {
  const [first] = order.items;
  return {
    customer_id: order.customerId,
    product: first?.product ?? '',
    quantity: first?.quantity ?? 0,
    order_id: order.orderId,
    status: order.status,
    // Orders placed through seed 002 or 004 may have several lines; seed 000's shape has room for one only.
    ...(order.items.length > 1
      ? { items: order.items.map((item) => ({ product: item.product, quantity: item.quantity })) }
      : {}),
  };
}

export const seed000Routes: readonly Route[] = [
  {
    seed: '000',
    method: 'POST',
    pattern: '/orders/',
    side: 'command',
    summary: 'Create an order',
    body: 'object',
    handle: (context) =>
      // The seed's field names (customer_id, product, quantity) are checked by its parser, so a refusal names them.
      placeOrderFromBody(context, parseSeed000Order, (placedId) =>
        created({ order_id: placedId, message: 'Order created successfully' }, `/orders/${placedId}/`),
      ),
  },
  {
    seed: '000',
    method: 'PUT',
    pattern: '/orders/{order_id}/status/',
    side: 'command',
    summary: 'Update order status',
    body: 'object',
    async handle(context) {
      const orderId = context.params['order_id'] ?? '';
      let command: SetOrderStatus;
      try {
        // Parsed here, not in execute, so that a refusal names the seed's field (new_status), not the app's (status).
        command = parseSeed000StatusUpdate(context.body, orderId, new Date().toISOString());
      } catch (error) {
        if (error instanceof ValidationError) return validationFailed(error.issues);
        throw error;
      }
      const outcome = await runCommand(context, 'SetOrderStatus', { orderId, status: command.data.status });
      if (!outcome.ok) return refusedCommand(outcome);
      const status = statusAfter(outcome) ?? command.data.status;
      return ok({ order_id: orderId, message: `Order status updated to ${status}` });
    },
  },
  {
    seed: '000',
    method: 'GET',
    pattern: '/orders/{order_id}/',
    side: 'query',
    summary: 'Get order details',
    body: 'none',
    async handle(context) {
      const orderId = context.params['order_id'] ?? '';
      const order = await context.simulator.queries.orderById(orderId);
      if (order === undefined) {
        return notFoundOnReadSide(context, `Order ${orderId} not found`, orderStreamId(orderId), 'orders');
      }
      return ok(seed000Order(order), readModelHeaders(context.simulator, 'orders'));
    },
  },
  {
    seed: '000',
    method: 'GET',
    pattern: '/orders/',
    side: 'query',
    summary: 'List all orders',
    body: 'none',
    queryParams: ['skip', 'limit'],
    async handle(context) {
      // The seed lists every order; skip/limit (FastAPI's usual names) keep a log of thousands readable.
      const query = new QueryReader(context.query);
      const offset = query.wholeNumber('skip', 0, 0, 1_000_000);
      const limit = query.wholeNumber('limit', 100, 1, 1000);
      if (query.issues.length > 0) return validationFailed(query.issues, 'The query');
      // MongoDB's find() without a sort answers in insertion order: the seed's list shows the first order first.
      const page = await context.simulator.queries.listOrders({ offset, limit, oldestFirst: true });
      return ok(page.orders.map(seed000Order), {
        ...readModelHeaders(context.simulator, 'orders'),
        'X-Total-Count': String(page.total),
      });
    },
  },
];
