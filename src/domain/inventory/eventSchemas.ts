import { limits } from '../core/limits';
import { boundedText, eventData, id, productName, quantity, quantityUpTo, time, unitPrice, type EventSchemas } from '../core/eventFields';

/** Seed 004's inventory events, as the decider records them and an import checks them (see order/eventSchemas.ts). */

/**
 * A reservation holds an order's lines merged by product (the saga reserves once per product), so it can be as
 * large as every line of the largest order.
 */
const stockLineQuantity = quantityUpTo(limits.itemsPerOrder * limits.quantity);

export const inventoryEventSchemas = {
  StockAdded: { 1: eventData({ product: productName, quantity, unitPrice, addedAt: time }) },
  StockReserved: { 1: eventData({ product: productName, orderId: id, quantity: stockLineQuantity, reservedAt: time }) },
  StockReleased: {
    1: eventData({
      product: productName,
      orderId: id,
      quantity: stockLineQuantity,
      reason: boundedText(limits.sagaDetail),
      releasedAt: time,
    }),
  },
  ReservedStockShipped: { 1: eventData({ product: productName, orderId: id, quantity: stockLineQuantity, shippedAt: time }) },
} as const satisfies EventSchemas;
