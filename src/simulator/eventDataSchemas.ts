import * as v from 'valibot';
import { quantitySchema, unitPriceSchema } from '../domain/order/schemas';
import { orderStatuses } from '../domain/order/types';
import { emailSchema, idSchema } from '../domain/core/validation';

/**
 * The shape of each event's `data`, per type and schema version, as an import checks it: what the workbook's
 * deciders write today, plus the older versions that upcasters still read (OrderPlaced v1 of seed 000).
 * Strict objects: a field the workbook never writes is reported rather than silently dropped. Ids and emails are
 * held to the rules the commands enforce, so a file cannot bring in an order the workbook could never have recorded
 * (a customer id of `<img src=x onerror=…>`, an email without an @).
 */

const text = v.string('must be text');
const time = v.pipe(v.string('must be an ISO 8601 time'), v.isoTimestamp('must be an ISO 8601 time, like 2025-03-03T08:00:00.000Z'));
// valibot's `nullable(schema, x)` takes a DEFAULT as x, not a message: null would become x. The wrapped schema's own
// message is what a wrong value is told.
const nullableText = v.nullable(text);
const id = idSchema;
const email = emailSchema;
const nullableEmail = v.nullable(emailSchema);
const status = v.picklist(orderStatuses, `must be one of: ${orderStatuses.join(', ')}`);

const item = v.strictObject(
  { product: text, quantity: quantitySchema, unitPrice: unitPriceSchema },
  'must be an item {product, quantity, unitPrice}',
);

const object = <const Entries extends v.ObjectEntries>(entries: Entries) =>
  v.strictObject(entries, `must be an object with exactly: ${Object.keys(entries).join(', ')}`);

export const eventDataSchemas: Readonly<Record<string, Readonly<Record<number, v.GenericSchema>>>> = {
  OrderPlaced: {
    1: object({
      orderId: id,
      customerId: v.union([id, v.number()], 'must be text such as "c-123"'),
      product: text,
      quantity: v.number('must be a number'),
      placedAt: time,
    }),
    2: object({
      orderId: id,
      customerId: id,
      customerEmail: nullableEmail,
      items: v.pipe(v.array(item, 'must be a list of items'), v.minLength(1, 'must list at least 1 item')),
      total: v.number('must be a number'),
      placedAt: time,
    }),
  },
  OrderConfirmed: { 1: object({ orderId: id, confirmedAt: time }) },
  OrderProcessingStarted: { 1: object({ orderId: id, startedAt: time }) },
  OrderShipped: { 1: object({ orderId: id, trackingNumber: nullableText, shippedAt: time }) },
  OrderDelivered: { 1: object({ orderId: id, deliveredAt: time }) },
  OrderCancelled: {
    1: object({ orderId: id, customerId: id, reason: text, previousStatus: status, cancelledAt: time }),
  },
  OrderDeleted: { 1: object({ orderId: id, customerId: id, previousStatus: status, deletedAt: time }) },
  UserCreated: { 1: object({ userId: id, firstName: text, lastName: text, email, createdAt: time }) },
  UserEmailUpdated: { 1: object({ userId: id, previousEmail: email, newEmail: email, updatedAt: time }) },
};
