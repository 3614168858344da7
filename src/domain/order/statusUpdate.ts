import { ValidationError } from '../core/errors';
import { assertNever } from '../core/message';
import { shortQuote } from '../core/validation';
import type { OrderCommand, OrderStatus } from './types';

/** Statuses a person may ask for. `pending` is missing on purpose: an order is pending only when it is placed. */
export const settableOrderStatuses = [
  'confirmed',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
] as const satisfies readonly OrderStatus[];
export type SettableOrderStatus = (typeof settableOrderStatuses)[number];

export const defaultCancelReason = 'Status set to cancelled';

function isSettable(status: string): status is SettableOrderStatus {
  return (settableOrderStatuses as readonly string[]).includes(status);
}

/**
 * Seed 000 has one endpoint, "update status to X". Event sourcing records *what happened* instead, so X becomes the
 * command that makes it happen. Whether that step is legal from the current status is for `decide` to say.
 * `newStatus` is matched ignoring case and surrounding spaces.
 */
export function commandForStatusUpdate(
  orderId: string,
  newStatus: string,
  at: string,
  reason?: string,
  /** Shipping through a status update can carry the tracking number, as ShipOrder does. */
  trackingNumber?: string,
): OrderCommand {
  const status = newStatus.trim().toLowerCase();
  const valid = settableOrderStatuses.join(', ');
  if (status === 'pending') {
    throw new ValidationError([
      {
        field: 'newStatus',
        message: `cannot be "pending": an order is pending only when it is placed. Choose one of: ${valid}`,
      },
    ]);
  }
  if (!isSettable(status)) {
    const what = status === '' ? 'is required' : `${shortQuote(newStatus)} is not a status`;
    throw new ValidationError([{ field: 'newStatus', message: `${what}. Choose one of: ${valid}` }]);
  }
  switch (status) {
    case 'confirmed':
      return { type: 'ConfirmOrder', data: { orderId, at } };
    case 'processing':
      return { type: 'StartProcessing', data: { orderId, at } };
    case 'shipped':
      return { type: 'ShipOrder', data: { orderId, trackingNumber: trackingNumber?.trim() || null, at } };
    case 'delivered':
      return { type: 'DeliverOrder', data: { orderId, at } };
    case 'cancelled':
      return { type: 'CancelOrder', data: { orderId, reason: reason?.trim() || defaultCancelReason, at } };
    default:
      return assertNever(status);
  }
}
