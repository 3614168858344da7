import { orderEventSchemaVersions } from '../../domain/order/types';
import { upcastOrderPlacedV1 } from '../../domain/order/upcasters';

/**
 * The path an OrderPlaced v1 takes through `upcast()` and `upcastOrderPlacedV1`, in words, with this event's own
 * values: what the versioning screen reads out next to the two sides. Throws the upcaster's ValidationError for data
 * it refuses (the screen checks first).
 */
export function upcasterSteps(storedV1: unknown, laterEvents: number): string[] {
  const v2 = upcastOrderPlacedV1(storedV1);
  const v1 = storedV1 as { readonly customerId: unknown; readonly product: string; readonly quantity: number };
  const current = orderEventSchemaVersions.OrderPlaced;
  return [
    `The store reads event 1: OrderPlaced at schemaVersion 1. Today OrderPlaced is written at version ${current} ` +
      '(orderEventSchemaVersions), so upcast() looks for a step from version 1.',
    'orderUpcasters.OrderPlaced[1] is upcastOrderPlacedV1. It first checks the v1 shape: orderId, customerId, ' +
      'product, quantity and placedAt; data without one of them is refused, naming the field.',
    `product ${JSON.stringify(v1.product)} and quantity ${v1.quantity} become the only item: ` +
      `${JSON.stringify(v2.items[0])}. unitPrice is 0 because v1 never knew prices, so total is ${v2.total}.`,
    'customerEmail is null: v1 never knew the customer\'s email. The upcaster says "unknown" rather than inventing one.',
    typeof v1.customerId === 'number'
      ? `customerId ${v1.customerId} (a number, as seed 000 once stored it) becomes the text ${JSON.stringify(v2.customerId)}; orderId and placedAt are copied.`
      : 'orderId, customerId and placedAt are copied as they are.',
    `schemaVersion becomes ${current}, the current version, so upcasting stops. Events 2–${laterEvents + 1} are ` +
      'already at their current version and are passed on as they are.',
    'The upcaster returns a new object: the stored row is never written to. The next read upcasts it again.',
  ];
}
