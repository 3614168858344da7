import type { Message } from '../core/message';

/**
 * Seed 004's inventory aggregate: one stream per product. `onHand` is what the warehouse holds; a reservation
 * sets part of it aside for one order until the order is cancelled (released: back to `available`) or shipped (the
 * units leave the warehouse: `onHand` goes down and the reservation ends). `available` = onHand − reserved is what
 * a new order can still reserve.
 */

// ---------- commands ----------

export type AddStock = Message<
  'AddStock',
  {
    readonly product: string;
    readonly quantity: number;
    /** The price of one unit from now on; null keeps the price the product already has (0 for a new product). */
    readonly unitPrice: number | null;
    readonly at: string;
  }
>;
export type ReserveStock = Message<
  'ReserveStock',
  { readonly product: string; readonly orderId: string; readonly quantity: number; readonly at: string }
>;
export type ReleaseStock = Message<
  'ReleaseStock',
  { readonly product: string; readonly orderId: string; readonly reason: string; readonly at: string }
>;

/** The order shipped: the units it holds leave the warehouse. `quantity` is what the sender believes it holds. */
export type ShipReservedStock = Message<
  'ShipReservedStock',
  { readonly product: string; readonly orderId: string; readonly quantity: number; readonly at: string }
>;

export type InventoryCommand = AddStock | ReserveStock | ReleaseStock | ShipReservedStock;

// ---------- events ----------

export type StockAdded = Message<
  'StockAdded',
  { readonly product: string; readonly quantity: number; readonly unitPrice: number; readonly addedAt: string }
>;
export type StockReserved = Message<
  'StockReserved',
  { readonly product: string; readonly orderId: string; readonly quantity: number; readonly reservedAt: string }
>;
export type StockReleased = Message<
  'StockReleased',
  {
    readonly product: string;
    readonly orderId: string;
    /** How many units went back to `available`: the whole reservation of the order. */
    readonly quantity: number;
    readonly reason: string;
    readonly releasedAt: string;
  }
>;

/** The order's reservation left with the order: `onHand` drops by `quantity`, the reservation ends. */
export type ReservedStockShipped = Message<
  'ReservedStockShipped',
  { readonly product: string; readonly orderId: string; readonly quantity: number; readonly shippedAt: string }
>;

export type InventoryEvent = StockAdded | StockReserved | StockReleased | ReservedStockShipped;

/** Every inventory event type (the import checks these against the decider). */
export const inventoryEventTypes: readonly InventoryEvent['type'][] = [
  'StockAdded',
  'StockReserved',
  'StockReleased',
  'ReservedStockShipped',
];

// ---------- state ----------

export type InventoryState = {
  /** Null until the first StockAdded names the product. */
  readonly product: string | null;
  readonly onHand: number;
  readonly unitPrice: number;
  /** Order id → units set aside for it. */
  readonly reservations: Readonly<Record<string, number>>;
  /** Order id → units that left with the order (so shipping the same order again is recognised, not refused). */
  readonly shipped: Readonly<Record<string, number>>;
};

/** Units set aside for orders. */
export function reservedOf(state: InventoryState): number {
  return Object.values(state.reservations).reduce((sum, quantity) => sum + quantity, 0);
}

/** Units a new order can still reserve. */
export function availableOf(state: InventoryState): number {
  return state.onHand - reservedOf(state);
}

export const inventoryStreamPrefix = 'inventory-';

/** Stream id of one product's stock: `inventory-<product>`. */
export const inventoryStreamId = (product: string): string => `${inventoryStreamPrefix}${product}`;
