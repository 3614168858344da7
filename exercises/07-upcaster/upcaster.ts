import { orderTotal } from '../support/order';
import type { OrderPlacedV1, OrderPlacedV2, PriceList } from '../support/order';

/**
 * Exercise 07: an upcaster. Turn an OrderPlaced stored by an old version of the app (v1: one product) into
 * today's shape (v2: priced items and a total) while reading it. Read README.md first.
 */
export function upcastOrderPlaced(event: OrderPlacedV1 | OrderPlacedV2, prices: PriceList): OrderPlacedV2 {
  // TODO 1: a v2 event is already in today's shape: return it as it is.
  // TODO 2: a v1 event becomes { type: 'OrderPlaced', schemaVersion: 2, data: { orderId, customerId, items, total, placedAt } }
  //         with one item { product, quantity, unitPrice: prices[product] ?? 0 } and total = orderTotal(items).
  //         The stored event is frozen: build a new one, never change it.
  void prices;
  void orderTotal;
  return event as OrderPlacedV2;
}
