import type { OrderStatus } from './types';

/**
 * Seed 002's status flow, as data so that the decider, the UI (which buttons to enable) and the lessons all read
 * the same table. A status with no successors is final.
 */
export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

/** The statuses an order in `status` may move to next, in the seed's order; empty for a final status. */
export function allowedNextStatuses(status: OrderStatus): readonly OrderStatus[] {
  return orderTransitions[status];
}

/** Whether an order may move from `from` to `to` in one step. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}

/** `delivered` and `cancelled`: nothing can follow them. */
export function isFinalStatus(status: OrderStatus): boolean {
  return orderTransitions[status].length === 0;
}
