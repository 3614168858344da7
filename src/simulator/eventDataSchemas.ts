import * as v from 'valibot';
import { quantitySchema, unitPriceSchema } from '../domain/order/schemas';
import { orderStatuses } from '../domain/order/types';
import { emailSchema, idSchema } from '../domain/core/validation';
import type { SagaCompensation, SagaStep } from '../sagas/types';
import { envelopePattern } from '../privacy/cipher';

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
// A personal field (src/privacy/personalData.ts) is stored encrypted: the file holds its ciphertext, which only this
// browser's key table can open. Either form is accepted; a malformed envelope is told as the plain field's error.
const envelope = v.pipe(v.string(), v.regex(envelopePattern));
const sealed = <Schema extends v.GenericSchema>(schema: Schema) =>
  v.lazy((input) => (typeof input === 'string' && input.startsWith('encrypted:') && envelopePattern.test(input) ? envelope : schema));
const status = v.picklist(orderStatuses, `must be one of: ${orderStatuses.join(', ')}`);
// Seed 002 keys customers by email: an order placed with only an email has the email as its customer id (as the
// PlaceOrder command allows), and its later events repeat that id.
// Checked as what it looks like, so a refusal says what is wrong with it (as the PlaceOrder command does).
const customerId = v.lazy((input) => (typeof input === 'string' && input.includes('@') ? email : id));

const item = v.strictObject(
  { product: text, quantity: quantitySchema, unitPrice: unitPriceSchema },
  'must be an item {product, quantity, unitPrice}',
);

/** Money as the payment stream records it: at least 0, whole cents. */
const money = v.pipe(
  v.number('must be a number'),
  v.finite('must be a number'),
  v.minValue(0, 'must not be negative'),
  v.check((amount: number) => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6, 'must have at most 2 decimals (whole cents)'),
);
const nonEmptyText = v.pipe(text, v.nonEmpty('must not be empty'));
const wholeFromOne = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'));
const sagaSteps = ['reserveStock', 'chargePayment', 'confirmOrder'] as const satisfies readonly Exclude<SagaStep, 'placeOrder'>[];
const sagaCompensations = ['refundPayment', 'releaseStock', 'cancelOrder'] as const satisfies readonly SagaCompensation[];
const sagaStep = v.picklist(sagaSteps, `must be one of: ${sagaSteps.join(', ')}`);
const sagaCompensation = v.picklist(sagaCompensations, `must be one of: ${sagaCompensations.join(', ')}`);

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
      customerId,
      customerEmail: sealed(nullableEmail),
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
    1: object({ orderId: id, customerId, reason: text, previousStatus: status, cancelledAt: time }),
  },
  OrderDeleted: { 1: object({ orderId: id, customerId, previousStatus: status, deletedAt: time }) },
  OrderStatusSet: { 1: object({ orderId: id, customerId, status, previousStatus: status, setAt: time }) },
  UserCreated: { 1: object({ userId: id, firstName: sealed(text), lastName: sealed(text), email: sealed(email), createdAt: time }) },
  UserEmailUpdated: { 1: object({ userId: id, previousEmail: sealed(email), newEmail: sealed(email), updatedAt: time }) },
  // Seed 004: inventory (stream per product), payment (stream per order), the order saga (stream per order).
  StockAdded: { 1: object({ product: nonEmptyText, quantity: quantitySchema, unitPrice: unitPriceSchema, addedAt: time }) },
  StockReserved: { 1: object({ product: nonEmptyText, orderId: id, quantity: quantitySchema, reservedAt: time }) },
  StockReleased: {
    1: object({ product: nonEmptyText, orderId: id, quantity: quantitySchema, reason: text, releasedAt: time }),
  },
  ReservedStockShipped: { 1: object({ product: nonEmptyText, orderId: id, quantity: quantitySchema, shippedAt: time }) },
  PaymentCharged: { 1: object({ orderId: id, amount: money, authorization: nonEmptyText, chargedAt: time }) },
  PaymentDeclined: { 1: object({ orderId: id, amount: money, reason: text, declinedAt: time }) },
  PaymentRefunded: { 1: object({ orderId: id, amount: money, reason: text, refundedAt: time }) },
  SagaStarted: {
    1: object({
      sagaId: id,
      orderId: id,
      customerId,
      items: v.pipe(v.array(item, 'must be a list of items'), v.minLength(1, 'must list at least 1 item')),
      total: money,
      correlationId: nonEmptyText,
      startedAt: time,
    }),
  },
  SagaStepSucceeded: { 1: object({ step: sagaStep, product: nullableText, detail: text, at: time }) },
  SagaStepRetried: {
    1: object({ step: v.literal('chargePayment', 'must be chargePayment'), attempt: wholeFromOne, maxAttempts: wholeFromOne, reason: text, at: time }),
  },
  SagaStepFailed: { 1: object({ step: sagaStep, product: nullableText, reason: text, attempts: wholeFromOne, at: time }) },
  CompensationStarted: { 1: object({ reason: text, at: time }) },
  CompensationStepDone: { 1: object({ step: sagaCompensation, product: nullableText, detail: text, at: time }) },
  SagaCompleted: { 1: object({ at: time }) },
  SagaCompensated: { 1: object({ reason: text, at: time }) },
  CancellationCompensationStarted: {
    1: object({ reason: text, previousStatus: status, orderCancelledEventId: nonEmptyText, at: time }),
  },
  SagaCancelledAfterConfirmation: { 1: object({ reason: text, at: time }) },
  ShippingFollowUpStarted: { 1: object({ orderShippedEventId: nonEmptyText, at: time }) },
  SagaStockShipped: { 1: object({ product: nonEmptyText, detail: text, at: time }) },
};
