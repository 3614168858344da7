import * as v from 'valibot';
import { limits } from '../core/limits';
import {
  customerId,
  eventData,
  id,
  money,
  nullableEmail,
  orderItems,
  personal,
  productName,
  quantity,
  requiredText,
  time,
  type EventSchemas,
} from '../core/eventFields';
import { idOrWholeNumberSchema } from '../core/validation';
import { orderStatuses } from './types';

/**
 * The data of each order event, per schema version: what the decider may record (checked on every decide) and
 * what an import may bring in (checked line by line). One schema for both, so neither can hold what the other
 * refuses. OrderPlaced v1 is seed 000's shape, still read through its upcaster.
 */

const status = v.picklist(orderStatuses, `must be one of: ${orderStatuses.join(', ')}`);

/**
 * OrderPlaced as seed 000 wrote it: one product, a quantity, no price and no email, held to today's limits (a
 * quantity of −5, 0.5 or 1e300 was never an order). Seed 000 stored customer ids as "123"; a whole number 123 is
 * the same customer, and the output says so as text.
 */
export const orderPlacedV1Schema = eventData(
  { orderId: id, customerId: idOrWholeNumberSchema, product: productName, quantity, placedAt: time },
  'must be an OrderPlaced v1 object with exactly: orderId, customerId, product, quantity, placedAt',
);

export const orderEventSchemas = {
  OrderPlaced: {
    1: orderPlacedV1Schema,
    2: eventData({ orderId: id, customerId, customerEmail: personal(nullableEmail), items: orderItems, total: money, placedAt: time }),
  },
  OrderConfirmed: { 1: eventData({ orderId: id, confirmedAt: time }) },
  OrderProcessingStarted: { 1: eventData({ orderId: id, startedAt: time }) },
  OrderShipped: {
    1: eventData({ orderId: id, trackingNumber: v.nullable(requiredText(limits.trackingNumber)), shippedAt: time }),
  },
  OrderDelivered: { 1: eventData({ orderId: id, deliveredAt: time }) },
  OrderCancelled: {
    1: eventData({ orderId: id, customerId, reason: requiredText(limits.reason), previousStatus: status, cancelledAt: time }),
  },
  OrderDeleted: { 1: eventData({ orderId: id, customerId, previousStatus: status, deletedAt: time }) },
  OrderStatusSet: { 1: eventData({ orderId: id, customerId, status, previousStatus: status, setAt: time }) },
} as const satisfies EventSchemas;
