import { ValidationError } from '../domain/core/errors';
import { orderTotal } from '../domain/order/decider';
import { orderStatuses, type OrderItem, type OrderStatus } from '../domain/order/types';
import type { CrudLoss, CrudOrder, NewCrudOrder } from './types';

/**
 * The rules both CRUD stores share, as pure functions: build a row, overwrite fields, list what was destroyed.
 */

/** Seed 000's single `product` and `quantity` for a row that may hold several lines. */
export function productAndQuantity(items: readonly OrderItem[]): { product: string; quantity: number } {
  return {
    product: items.map((item) => item.product).join(', '),
    quantity: items.reduce((sum, item) => sum + item.quantity, 0),
  };
}

export function newRow(order: NewCrudOrder): CrudOrder {
  if (order.items.length === 0) {
    throw new ValidationError([{ field: 'items', message: 'an order needs at least one item' }]);
  }
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    customerEmail: order.customerEmail,
    ...productAndQuantity(order.items),
    items: order.items,
    total: orderTotal(order.items),
    status: 'pending',
    updatedAt: order.at,
  };
}

/** One of the six statuses, trimmed and lower-cased; anything else is a ValidationError naming the six. */
export function validStatus(status: string): OrderStatus {
  const normalized = status.trim().toLowerCase();
  const found = orderStatuses.find((candidate) => candidate === normalized);
  if (!found) {
    const what = normalized === '' ? 'is required' : `"${status.slice(0, 40)}" is not a status`;
    throw new ValidationError([{ field: 'newStatus', message: `${what}. Choose one of: ${orderStatuses.join(', ')}` }]);
  }
  return found;
}

/** Fields an update may overwrite. `updatedAt` changes on every write but is not counted as a loss: it is bookkeeping. */
type OverwritableField = 'status' | 'customerEmail';

/**
 * The row after the update, and one loss per field whose old value the update destroyed (a value written over by
 * the same value destroys nothing).
 */
export function overwrite(
  row: CrudOrder,
  changes: Partial<Pick<CrudOrder, OverwritableField>>,
  at: string,
): { row: CrudOrder; losses: Omit<CrudLoss, 'id'>[] } {
  const losses: Omit<CrudLoss, 'id'>[] = [];
  for (const field of Object.keys(changes) as OverwritableField[]) {
    const newValue = changes[field];
    if (newValue !== undefined && newValue !== row[field]) {
      losses.push({ orderId: row.orderId, field, oldValue: row[field], newValue, at });
    }
  }
  return { row: { ...row, ...changes, updatedAt: at }, losses };
}

/** Deleting loses the whole row. */
export function deletionLoss(row: CrudOrder, at: string): Omit<CrudLoss, 'id'> {
  return { orderId: row.orderId, field: 'order', oldValue: row, newValue: null, at };
}
