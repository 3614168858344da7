import * as v from 'valibot';
import { envelopePattern } from '../../privacy/cipher';
import { limits, maxAmount } from './limits';
import { emailSchema, idSchema } from './validation';

/**
 * Field schemas of recorded event data, shared by every aggregate's event schemas. They check (never transform):
 * an event is stored as it was decided. The limits are the commands' (./limits.ts), so an event that passes here is
 * one a command could have recorded, and the other way round.
 */

export type EventSchemas = Readonly<Record<string, Readonly<Record<number, v.GenericSchema>>>>;

const atMost = (max: number): string => `must be at most ${max.toLocaleString('en-US')} characters`;
const hasAtMostCents = (amount: number): boolean => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;

/** Text of at most `max` characters that is not blank (the commands trim, then require something). */
export const requiredText = (max: number) =>
  v.pipe(
    v.string('must be text'),
    // Length first: a megabyte of text is refused for its size, before anything looks inside it.
    v.maxLength(max, atMost(max)),
    v.regex(/\S/, 'is required'),
  );

/** Text of at most `max` characters, possibly empty (what the saga writes about its own steps). */
export const boundedText = (max: number) => v.pipe(v.string('must be text'), v.maxLength(max, atMost(max)));

export const time = v.pipe(
  v.string('must be an ISO 8601 time'),
  v.maxLength(40, 'must be an ISO 8601 time, like 2025-03-03T08:00:00.000Z'),
  v.isoTimestamp('must be an ISO 8601 time, like 2025-03-03T08:00:00.000Z'),
);

export const id = idSchema;
export const email = emailSchema;
// valibot's `nullable(schema, x)` takes a DEFAULT as x, not a message: null would become x. The wrapped schema's own
// message is what a wrong value is told.
export const nullableEmail = v.nullable(emailSchema);

/** A well-formed encrypted field (src/privacy/cipher.ts). */
const envelope = v.pipe(v.string(), v.regex(envelopePattern, 'must be an encrypted field'));

/**
 * A personal field (src/privacy/personalData.ts): the store keeps it encrypted, so a recorded event, an export and
 * the decider replaying an import hold its envelope string instead of the plain value. A well-formed envelope is
 * accepted as such; anything else is held to the plain field's schema and told its error. Only for the fields that
 * personalData.ts lists: every other field stays exactly as strict.
 */
export const personal = <const Schema extends v.GenericSchema>(schema: Schema) =>
  v.lazy((input) => (typeof input === 'string' && envelopePattern.test(input) ? envelope : schema));

/** Seed 002 keys customers by email: an order placed with only an email has the email as its customer id. */
export const customerId = v.lazy((input) => (typeof input === 'string' && input.includes('@') ? emailSchema : idSchema));

/** An id the machinery makes: event, command, correlation and causation ids, a payment's authorization. */
export const recordId = requiredText(limits.recordId);

const wholeQuantity = 'must be a whole number of at least 1';
/** Units of one item or one stock line: a whole number from 1 to `max`. */
export const quantityUpTo = (max: number) =>
  v.pipe(
    v.number(wholeQuantity),
    v.integer(wholeQuantity),
    v.minValue(1, wholeQuantity),
    v.maxValue(max, `must be at most ${max}`),
  );
export const quantity = quantityUpTo(limits.quantity);

export const unitPrice = v.pipe(
  v.number('must be a number, like 9.99'),
  v.finite('must be a number, like 9.99'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(limits.unitPrice, `must be at most ${limits.unitPrice}`),
  v.check(hasAtMostCents, 'must have at most 2 decimals (whole cents)'),
);

/** Money an event records (an order's total, a payment): at least 0, whole cents, at most a whole order at the limits. */
export const money = v.pipe(
  v.number('must be a number'),
  v.finite('must be a number'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(maxAmount, `must be at most ${maxAmount.toLocaleString('en-US')}`),
  v.check(hasAtMostCents, 'must have at most 2 decimals (whole cents)'),
);

export const productName = requiredText(limits.productName);

export const orderItem = v.strictObject(
  { product: productName, quantity, unitPrice },
  'must be an item {product, quantity, unitPrice}',
);

/** An order's items: 1 to `limits.itemsPerOrder`, the count checked before any item is looked at. */
export const orderItems = v.pipe(
  v.unknown(),
  v.check(
    (items) => !Array.isArray(items) || items.length <= limits.itemsPerOrder,
    `must list at most ${limits.itemsPerOrder} items`,
  ),
  v.array(orderItem, 'must be a list of items'),
  v.minLength(1, 'must list at least 1 item'),
);

/** A strict object: a field the workbook never writes is reported rather than silently kept. */
export const eventData = <const Entries extends v.ObjectEntries>(
  entries: Entries,
  message = `must be an object with exactly: ${Object.keys(entries).join(', ')}`,
) => v.strictObject(entries, message);
