import { ValidationError } from '../../domain/core/errors';
import { parseSeed002Order } from '../../domain/order/schemas';
import { orderStatuses, orderStreamId } from '../../domain/order/types';
import { eventField, notFoundOnReadSide, readModelHeaders, runCommand, runVersionedCommand, statusAfter, versionAfter, versionTag, type Route } from './endpoint';
import { QueryReader } from './queryParams';
import { created, ok, refusedCommand, validationFailed } from './responses';

/**
 * Seed 002: the Express order service with a full CQRS split. Commands go to the order aggregate (`execute`),
 * queries read the read models the projector maintains (`queries`). Responses use the `{ success, data }` envelope
 * usual in Express services; the data is the read model's document as it is.
 */

const base = '/api/v1/orders';

/** The read models each query reads, named in the X-Read-Model-Lag header. */
const ordersModel = 'orders';

export const seed002Routes: readonly Route[] = [
  // ---------- commands ----------
  {
    seed: '002',
    method: 'POST',
    pattern: `${base}/order`,
    side: 'command',
    summary: 'Create a new order',
    body: 'object',
    async handle(context) {
      const orderId = context.newId();
      let input;
      try {
        input = parseSeed002Order(context.body, orderId, new Date().toISOString()).data;
      } catch (error) {
        if (error instanceof ValidationError) return validationFailed(error.issues, 'The order');
        throw error;
      }
      const { at: _issuedAt, ...placeOrder } = input;
      const outcome = await runCommand(context, 'PlaceOrder', placeOrder);
      if (!outcome.ok) return refusedCommand(outcome);
      const placedId = String(eventField(outcome, 'orderId') ?? orderId);
      return created(
        {
          success: true,
          message: 'Order created successfully',
          data: { orderId: placedId, status: 'pending', total: eventField(outcome, 'total'), version: versionAfter(outcome) },
        },
        `${base}/order/${placedId}`,
      );
    },
  },
  {
    seed: '002',
    method: 'PUT',
    pattern: `${base}/order/{orderId}/status`,
    side: 'command',
    summary: 'Update order status',
    body: 'object',
    async handle(context) {
      const orderId = context.params['orderId'] ?? '';
      const { expectedVersion: _version, ...body } = context.body;
      return runVersionedCommand(context, 'UpdateOrderStatus', { ...body, orderId }, orderStreamId(orderId), (outcome) => {
        const status = statusAfter(outcome);
        return ok({
          success: true,
          message: `Order status updated to ${status ?? 'its new status'}`,
          data: { orderId, status, version: versionAfter(outcome) },
        });
      });
    },
  },
  {
    seed: '002',
    method: 'PUT',
    pattern: `${base}/order/{orderId}/cancel`,
    side: 'command',
    summary: 'Cancel an order',
    body: 'object',
    async handle(context) {
      const orderId = context.params['orderId'] ?? '';
      return runVersionedCommand(context, 'CancelOrder', { reason: context.body['reason'], orderId }, orderStreamId(orderId), (outcome) => ok({
        success: true,
        message: 'Order cancelled',
        data: {
          orderId,
          status: 'cancelled',
          reason: eventField(outcome, 'reason'),
          // What a CRUD row would overwrite: the status the order had before.
          previousStatus: eventField(outcome, 'previousStatus'),
          version: versionAfter(outcome),
        },
      }));
    },
  },
  {
    seed: '002',
    method: 'DELETE',
    pattern: `${base}/order/{orderId}`,
    side: 'command',
    summary: 'Delete an order',
    body: 'none',
    async handle(context) {
      const orderId = context.params['orderId'] ?? '';
      return runVersionedCommand(context, 'DeleteOrder', { orderId }, orderStreamId(orderId), (outcome) => ok({
        success: true,
        message: 'Order deleted: the read models drop it, its events stay in the log',
        data: { orderId, previousStatus: eventField(outcome, 'previousStatus'), version: versionAfter(outcome) },
      }));
    },
  },

  // ---------- queries ----------
  {
    seed: '002',
    method: 'GET',
    pattern: base,
    side: 'query',
    summary: 'Get all orders (with filters)',
    body: 'none',
    queryParams: ['status', 'customerEmail', 'customerId', 'from', 'to', 'offset', 'limit'],
    async handle(context) {
      const query = new QueryReader(context.query);
      const status = query.oneOf('status', orderStatuses);
      const customerEmail = query.text('customerEmail');
      const customerId = query.text('customerId');
      const from = query.date('from');
      const to = query.date('to');
      const offset = query.wholeNumber('offset', 0, 0, 1_000_000);
      const limit = query.wholeNumber('limit', 50, 1, 1000);
      if (query.issues.length > 0) return validationFailed(query.issues, 'The query');
      const page = await context.simulator.queries.listOrders({
        offset,
        limit,
        ...(status === undefined ? {} : { status }),
        ...(customerEmail === undefined ? {} : { customerEmail }),
        ...(customerId === undefined ? {} : { customerId }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      });
      return ok(
        { success: true, data: page.orders, pagination: { total: page.total, offset: page.offset, limit: page.limit } },
        readModelHeaders(context.simulator, ordersModel),
      );
    },
  },
  {
    seed: '002',
    method: 'GET',
    pattern: `${base}/order/{orderId}`,
    side: 'query',
    summary: 'Get a specific order',
    body: 'none',
    async handle(context) {
      const orderId = context.params['orderId'] ?? '';
      const order = await context.simulator.queries.orderById(orderId);
      if (order === undefined) {
        return notFoundOnReadSide(context, `Order ${orderId} not found`, orderStreamId(orderId), ordersModel, `/api/v1/admin/events/${orderId}`);
      }
      // The ETag is the version the read model shows, not the log's: If-Match then guards exactly what the client saw.
      return ok({ success: true, data: order }, { ...readModelHeaders(context.simulator, ordersModel), ETag: versionTag(order.version) });
    },
  },
  {
    seed: '002',
    method: 'GET',
    pattern: `${base}/status/{status}`,
    side: 'query',
    summary: 'Get orders by status',
    body: 'none',
    async handle(context) {
      const query = new QueryReader({ status: context.params['status'] ?? '' });
      const status = query.oneOf('status', orderStatuses);
      if (status === undefined) return validationFailed(query.issues, 'The status');
      const orders = await context.simulator.queries.ordersByStatus(status);
      return ok({ success: true, count: orders.length, data: orders }, readModelHeaders(context.simulator, ordersModel));
    },
  },
  {
    seed: '002',
    method: 'GET',
    pattern: `${base}/customer/{customerEmail}`,
    side: 'query',
    summary: 'Get customer orders',
    body: 'none',
    async handle(context) {
      const email = context.params['customerEmail'] ?? '';
      const orders = await context.simulator.queries.ordersByCustomerEmail(email);
      return ok(
        { success: true, customerEmail: email, count: orders.length, data: orders },
        readModelHeaders(context.simulator, ordersModel),
      );
    },
  },
  {
    seed: '002',
    method: 'GET',
    pattern: `${base}/summary`,
    side: 'query',
    summary: 'Get order summary/analytics',
    body: 'none',
    async handle(context) {
      const summary = await context.simulator.queries.summary();
      return ok({ success: true, data: summary }, readModelHeaders(context.simulator, 'orderSummary'));
    },
  },
  {
    seed: '002',
    method: 'GET',
    pattern: `${base}/top-customers`,
    side: 'query',
    summary: 'Get top customers',
    body: 'none',
    queryParams: ['limit'],
    async handle(context) {
      const query = new QueryReader(context.query);
      const limit = query.wholeNumber('limit', 10, 1, 100);
      if (query.issues.length > 0) return validationFailed(query.issues, 'The query');
      const customers = await context.simulator.queries.topCustomers(limit);
      return ok({ success: true, data: customers }, readModelHeaders(context.simulator, 'topCustomers'));
    },
  },
  {
    seed: '002',
    method: 'GET',
    pattern: `${base}/search`,
    side: 'query',
    summary: 'Search orders',
    body: 'none',
    queryParams: ['q'],
    async handle(context) {
      const q = new QueryReader(context.query).text('q');
      if (q === undefined) {
        return validationFailed([{ field: 'q', message: 'is required: the words to search for, like ?q=laptop' }], 'The search');
      }
      const orders = await context.simulator.queries.searchOrders(q);
      return ok({ success: true, query: q, count: orders.length, data: orders }, readModelHeaders(context.simulator, ordersModel));
    },
  },
];
