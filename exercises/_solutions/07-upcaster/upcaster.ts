import { orderTotal } from '../../support/order';
import type { OrderItem, OrderPlacedV1, OrderPlacedV2, PriceList } from '../../support/order';

export function upcastOrderPlaced(event: OrderPlacedV1 | OrderPlacedV2, prices: PriceList): OrderPlacedV2 {
  if (event.schemaVersion === 2) return event;
  const { orderId, customerId, product, quantity, placedAt } = event.data;
  // v1 never stored a price: the catalogue's price stands in, 0 when the product is no longer listed.
  const items: OrderItem[] = [{ product, quantity, unitPrice: prices[product] ?? 0 }];
  return { type: 'OrderPlaced', schemaVersion: 2, data: { orderId, customerId, items, total: orderTotal(items), placedAt } };
}
