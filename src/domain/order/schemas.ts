import * as v from 'valibot';
import { ValidationError } from '../core/errors';
import { quantity, unitPrice } from '../core/eventFields';
import { limits } from '../core/limits';
import { assertNever } from '../core/message';
import {
  emailSchema,
  idOrWholeNumberSchema,
  idSchema,
  jsonObject,
  isJsonObject,
  optionalEmailSchema,
  optionalTextSchema,
  parseInput,
  pick,
  withPathId,
  requiredTextSchema,
} from '../core/validation';
import { commandForStatusUpdate } from './statusUpdate';
import { orderStatuses } from './types';
import type {
  CancelOrder,
  ConfirmOrder,
  DeleteOrder,
  DeliverOrder,
  OrderCommand,
  PlaceOrder,
  SetOrderStatus,
  ShipOrder,
  StartProcessing,
} from './types';

/**
 * Boundary validation for order commands. Input is whatever a form, the API console or an import hands over
 * (`unknown` JSON); the output is a typed command, or a `ValidationError` with one issue per bad field.
 * `at` is the boundary's clock, so `decide` stays pure.
 */

// ---------- fields ----------

export const maxItemsPerOrder = limits.itemsPerOrder;
export const maxQuantity = limits.quantity;
export const maxUnitPrice = limits.unitPrice;

// The same field schemas as the events' (core/eventFields.ts), so a command and an import share every limit.
export const quantitySchema = quantity;
export const unitPriceSchema = unitPrice;

const orderItemSchema = jsonObject(
  { product: requiredTextSchema(limits.productName), quantity: quantitySchema, unitPrice: unitPriceSchema },
  'must be an object with product, quantity and unitPrice',
);

const itemsSchema = v.pipe(
  v.unknown(),
  // Checked before looking inside, so a list of a million entries is refused at once, not validated entry by entry.
  v.check(
    (items) => !Array.isArray(items) || items.length <= maxItemsPerOrder,
    `must list at most ${maxItemsPerOrder} items`,
  ),
  v.array(orderItemSchema, 'must be a list of items, like [{"product": "Laptop", "quantity": 1, "unitPrice": 9.99}]'),
  v.minLength(1, 'must list at least 1 item'),
);

// ---------- command inputs (the app's own shapes: command data without `at`) ----------

/**
 * Seed 002 keys customers by email, so `parseSeed002Order` makes the email the customer id when there is no other:
 * the app shape must take such an id back (an email, checked as one), or that order could never be executed.
 */
const customerIdSchema = v.lazy((input) =>
  typeof input === 'string' && input.includes('@') ? emailSchema : idOrWholeNumberSchema,
);

export const placeOrderInputSchema = jsonObject(
  { orderId: idSchema, customerId: customerIdSchema, customerEmail: optionalEmailSchema, items: itemsSchema },
);
const orderIdOnlySchema = jsonObject({ orderId: idSchema });
export const shipOrderInputSchema = jsonObject(
  { orderId: idSchema, trackingNumber: optionalTextSchema(limits.trackingNumber) },
);
export const cancelOrderInputSchema = jsonObject({ orderId: idSchema, reason: requiredTextSchema(limits.reason) });

export function parsePlaceOrder(input: unknown, at: string): PlaceOrder {
  return { type: 'PlaceOrder', data: { ...parseInput(placeOrderInputSchema, input), at } };
}
export function parseConfirmOrder(input: unknown, at: string): ConfirmOrder {
  return { type: 'ConfirmOrder', data: { ...parseInput(orderIdOnlySchema, input), at } };
}
export function parseStartProcessing(input: unknown, at: string): StartProcessing {
  return { type: 'StartProcessing', data: { ...parseInput(orderIdOnlySchema, input), at } };
}
export function parseShipOrder(input: unknown, at: string): ShipOrder {
  return { type: 'ShipOrder', data: { ...parseInput(shipOrderInputSchema, input), at } };
}
export function parseDeliverOrder(input: unknown, at: string): DeliverOrder {
  return { type: 'DeliverOrder', data: { ...parseInput(orderIdOnlySchema, input), at } };
}
export function parseCancelOrder(input: unknown, at: string): CancelOrder {
  return { type: 'CancelOrder', data: { ...parseInput(cancelOrderInputSchema, input), at } };
}
export function parseDeleteOrder(input: unknown, at: string): DeleteOrder {
  return { type: 'DeleteOrder', data: { ...parseInput(orderIdOnlySchema, input), at } };
}

/** One entry point for forms that know which command they send. */
export function parseOrderCommand(type: OrderCommand['type'], input: unknown, at: string): OrderCommand {
  switch (type) {
    case 'PlaceOrder':
      return parsePlaceOrder(input, at);
    case 'ConfirmOrder':
      return parseConfirmOrder(input, at);
    case 'StartProcessing':
      return parseStartProcessing(input, at);
    case 'ShipOrder':
      return parseShipOrder(input, at);
    case 'DeliverOrder':
      return parseDeliverOrder(input, at);
    case 'CancelOrder':
      return parseCancelOrder(input, at);
    case 'DeleteOrder':
      return parseDeleteOrder(input, at);
    case 'SetOrderStatus':
      return parseSetOrderStatus(input, at);
    default:
      return assertNever(type);
  }
}

// ---------- the seeds' HTTP shapes ----------

const seed000OrderSchema = jsonObject(
  { customer_id: idOrWholeNumberSchema, product: requiredTextSchema(limits.productName), quantity: quantitySchema },
);

/**
 * Seed 000's `POST /orders/` body `{customer_id, product, quantity}` (`customerId` also accepted). Seed 000 has no
 * prices or emails: one item at unitPrice 0, customerEmail null.
 */
export function parseSeed000Order(input: unknown, orderId: string, at: string): PlaceOrder {
  const renames = new Map<string, string>();
  const normalized = isJsonObject(input)
    ? { ...input, customer_id: pick(input, 'customer_id', ['customerId'], '', renames) }
    : input;
  const body = withPathId('orderId', orderId, () => parseInput(seed000OrderSchema, normalized, renames));
  return {
    type: 'PlaceOrder',
    data: {
      orderId,
      customerId: body.customer_id,
      customerEmail: null,
      items: [{ product: body.product, quantity: body.quantity, unitPrice: 0 }],
      at,
    },
  };
}

const seed002OrderSchema = v.pipe(
  jsonObject(
    {
      customerId: v.optional(idOrWholeNumberSchema),
      customerEmail: optionalEmailSchema,
      items: itemsSchema,
    },
  ),
  v.forward(
    v.check(
      (order) => order.customerId !== undefined || order.customerEmail !== null,
      'is required when there is no customerEmail',
    ),
    ['customerId'],
  ),
);

/**
 * Seed 002's and seed 004's create-order bodies: `customerEmail` / `customer_email`, `customerId` / `customer_id`,
 * items with `product` / `productId` / `product_id` / `name` and `unitPrice` / `unit_price` / `price`.
 * Seed 002 keys customers by email: without a customer id, the email is the customer id.
 */
export function parseSeed002Order(input: unknown, orderId: string, at: string): PlaceOrder {
  const renames = new Map<string, string>();
  let normalized: unknown = input;
  if (isJsonObject(input)) {
    const items = pick(input, 'items', [], '', renames);
    normalized = {
      customerId: pick(input, 'customerId', ['customer_id'], '', renames),
      customerEmail: pick(input, 'customerEmail', ['customer_email', 'email'], '', renames),
      items:
        Array.isArray(items) && items.length <= maxItemsPerOrder
          ? items.map((item: unknown, index) => {
              if (!isJsonObject(item)) return item;
              const prefix = `items[${index}].`;
              return {
                product: pick(item, 'product', ['productId', 'product_id', 'name'], prefix, renames),
                quantity: item.quantity,
                unitPrice: pick(item, 'unitPrice', ['unit_price', 'price'], prefix, renames),
              };
            })
          : items,
    };
  }
  const body = withPathId('orderId', orderId, () => parseInput(seed002OrderSchema, normalized, renames));
  const customerId = body.customerId ?? body.customerEmail;
  if (customerId === null) throw new ValidationError([{ field: 'customerId', message: 'is required' }]);
  return {
    type: 'PlaceOrder',
    data: { orderId, customerId, customerEmail: body.customerEmail, items: body.items, at },
  };
}

/** Any create-order body the seeds show: with `items` it is seed 002/004's, otherwise seed 000's. */
export function parseOrderRequest(input: unknown, orderId: string, at: string): PlaceOrder {
  return isJsonObject(input) && input.items !== undefined
    ? parseSeed002Order(input, orderId, at)
    : parseSeed000Order(input, orderId, at);
}

const statusUpdateSchema = jsonObject(
  {
    new_status: requiredTextSchema(limits.statusText),
    reason: optionalTextSchema(limits.reason),
    trackingNumber: optionalTextSchema(limits.trackingNumber),
  },
);

/**
 * A `{new_status}` body (also `newStatus` or `status`, and an optional `reason` for cancelling) turned into the
 * lifecycle command that makes that status happen: seed 002's status endpoint, where the state machine decides.
 */
export function parseStatusUpdate(input: unknown, orderId: string, at: string): OrderCommand {
  const renames = new Map<string, string>();
  const normalized = isJsonObject(input)
    ? {
        new_status: pick(input, 'new_status', ['newStatus', 'status'], '', renames),
        reason: input.reason,
        trackingNumber: pick(input, 'trackingNumber', ['tracking_number'], '', renames),
      }
    : input;
  const body = withPathId('orderId', orderId, () => parseInput(statusUpdateSchema, normalized, renames));
  try {
    return commandForStatusUpdate(orderId, body.new_status, at, body.reason ?? undefined, body.trackingNumber ?? undefined);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const field = renames.get('new_status') ?? 'new_status';
    throw new ValidationError(error.issues.map((issue) => ({ ...issue, field })));
  }
}

const statusSchema = v.pipe(
  v.string(`must be one of: ${orderStatuses.join(', ')}`),
  v.trim(),
  v.nonEmpty('is required'),
  v.toLowerCase(),
  v.picklist(orderStatuses, `is not a status. Choose one of: ${orderStatuses.join(', ')}`),
);
const setOrderStatusSchema = jsonObject({ orderId: idSchema, status: statusSchema });
const seed000StatusUpdateSchema = jsonObject({ new_status: statusSchema });

/** The app's shape of SetOrderStatus: `{orderId, status}`, any of the six statuses. */
export function parseSetOrderStatus(input: unknown, at: string): SetOrderStatus {
  return { type: 'SetOrderStatus', data: { ...parseInput(setOrderStatusSchema, input), at } };
}

/**
 * Seed 000's `PUT /orders/{order_id}/status/` body `{new_status}` (also `newStatus` or `status`): a CRUD overwrite,
 * any of the six statuses from any status, so no state machine is consulted (see SetOrderStatus).
 */
export function parseSeed000StatusUpdate(input: unknown, orderId: string, at: string): SetOrderStatus {
  const renames = new Map<string, string>();
  const normalized = isJsonObject(input)
    ? { new_status: pick(input, 'new_status', ['newStatus', 'status'], '', renames) }
    : input;
  const body = withPathId('orderId', orderId, () => parseInput(seed000StatusUpdateSchema, normalized, renames));
  return { type: 'SetOrderStatus', data: { orderId, status: body.new_status, at } };
}
