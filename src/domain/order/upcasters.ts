import { parseInput } from '../core/validation';
import { orderPlacedV1Schema } from './eventSchemas';
import type { OrderPlaced } from './types';

/**
 * Event versioning for orders. Stored events are never rewritten: a store reading an old event passes its data
 * through these steps, `orderUpcasters[type][v]` turning version v into v + 1. The shape matches the event store's
 * `Upcasters` type (declared here structurally, since the domain does not depend on the event store).
 */

/** OrderPlaced as seed 000 wrote it: one product, a quantity, no price and no email. */
export type OrderPlacedV1Data = {
  readonly orderId: string;
  readonly customerId: string;
  readonly product: string;
  readonly quantity: number;
  readonly placedAt: string;
};

/**
 * v1 → v2: the single product becomes the only item, priced 0 because v1 never knew prices; no email. The v1 data is
 * read through OrderPlaced v1's own schema, the one an import checks it with.
 */
export function upcastOrderPlacedV1(data: unknown): OrderPlaced['data'] {
  const v1: OrderPlacedV1Data = parseInput(orderPlacedV1Schema, data);
  return {
    orderId: v1.orderId,
    customerId: v1.customerId,
    customerEmail: null,
    items: [{ product: v1.product, quantity: v1.quantity, unitPrice: 0 }],
    total: 0,
    placedAt: v1.placedAt,
  };
}

export const orderUpcasters = {
  OrderPlaced: { 1: upcastOrderPlacedV1 },
} as const satisfies Readonly<Record<string, Readonly<Record<number, (data: unknown) => unknown>>>>;
