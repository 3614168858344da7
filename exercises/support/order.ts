/**
 * The order of seed 002, cut down to what the coding exercises need. Exercises import these types and helpers;
 * the app's own domain lives in src/domain/order and is not needed to solve anything here.
 */

export const orderStatuses = ['pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Seed 002's state machine: where an order may go from each status. `delivered` and `cancelled` are final. */
export const nextStatuses: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

export const canMove = (from: OrderStatus, to: OrderStatus): boolean => nextStatuses[from].includes(to);

export type OrderItem = { readonly product: string; readonly quantity: number; readonly unitPrice: number };

/** Sum of quantity × unitPrice, in cents then back, so 0.1 + 0.2 does not leak into a total. */
export function orderTotal(items: readonly OrderItem[]): number {
  return Math.round(items.reduce((cents, item) => cents + item.quantity * item.unitPrice * 100, 0)) / 100;
}

// ---------- commands: what someone asks for ----------

export type PlaceOrder = {
  readonly type: 'PlaceOrder';
  readonly data: { readonly orderId: string; readonly customerId: string; readonly items: readonly OrderItem[]; readonly at: string };
};
export type ConfirmOrder = { readonly type: 'ConfirmOrder'; readonly data: { readonly orderId: string; readonly at: string } };
export type StartProcessing = { readonly type: 'StartProcessing'; readonly data: { readonly orderId: string; readonly at: string } };
export type ShipOrder = {
  readonly type: 'ShipOrder';
  readonly data: { readonly orderId: string; readonly trackingNumber: string; readonly at: string };
};
export type DeliverOrder = { readonly type: 'DeliverOrder'; readonly data: { readonly orderId: string; readonly at: string } };
export type CancelOrder = {
  readonly type: 'CancelOrder';
  readonly data: { readonly orderId: string; readonly reason: string; readonly at: string };
};

export type OrderCommand = PlaceOrder | ConfirmOrder | StartProcessing | ShipOrder | DeliverOrder | CancelOrder;

// ---------- events: what happened ----------

export type OrderPlaced = {
  readonly type: 'OrderPlaced';
  readonly data: {
    readonly orderId: string;
    readonly customerId: string;
    readonly items: readonly OrderItem[];
    readonly total: number;
    readonly placedAt: string;
  };
};
export type OrderConfirmed = { readonly type: 'OrderConfirmed'; readonly data: { readonly orderId: string; readonly confirmedAt: string } };
export type OrderProcessingStarted = {
  readonly type: 'OrderProcessingStarted';
  readonly data: { readonly orderId: string; readonly startedAt: string };
};
export type OrderShipped = {
  readonly type: 'OrderShipped';
  readonly data: { readonly orderId: string; readonly trackingNumber: string; readonly shippedAt: string };
};
export type OrderDelivered = { readonly type: 'OrderDelivered'; readonly data: { readonly orderId: string; readonly deliveredAt: string } };
export type OrderCancelled = {
  readonly type: 'OrderCancelled';
  readonly data: {
    readonly orderId: string;
    readonly reason: string;
    /** Where the order was when it was cancelled: a CRUD row would lose this, the event keeps it. */
    readonly previousStatus: OrderStatus;
    readonly cancelledAt: string;
  };
};

export type OrderEvent = OrderPlaced | OrderConfirmed | OrderProcessingStarted | OrderShipped | OrderDelivered | OrderCancelled;

// ---------- state: what the events add up to ----------

export type OrderState =
  | { readonly status: 'none' }
  | {
      readonly status: OrderStatus;
      readonly orderId: string;
      readonly customerId: string;
      readonly items: readonly OrderItem[];
      readonly total: number;
      /** Time of the latest event. */
      readonly updatedAt: string;
      readonly trackingNumber: string | null;
      readonly cancelReason: string | null;
    };

export const initialOrderState = (): OrderState => ({ status: 'none' });

/** Why `decide` refused a command. `code` is what the tests compare; the message is for people. */
export type OrderRuleCode = 'OrderNotFound' | 'OrderAlreadyExists' | 'OrderHasNoItems' | 'IllegalTransition';

export class OrderRuleError extends Error {
  constructor(
    readonly code: OrderRuleCode,
    message: string,
  ) {
    super(message);
    this.name = 'OrderRuleError';
  }
}

// ---------- stored versions of OrderPlaced (exercise 07) ----------

/** OrderPlaced as seed 000 stored it: one product and a quantity, no prices. */
export type OrderPlacedV1 = {
  readonly type: 'OrderPlaced';
  readonly schemaVersion: 1;
  readonly data: {
    readonly orderId: string;
    readonly customerId: string;
    readonly product: string;
    readonly quantity: number;
    readonly placedAt: string;
  };
};

/** OrderPlaced as written today: a list of priced items and their total. */
export type OrderPlacedV2 = {
  readonly type: 'OrderPlaced';
  readonly schemaVersion: 2;
  readonly data: OrderPlaced['data'];
};

/** Price of one unit per product name, as the catalogue had it. */
export type PriceList = Readonly<Record<string, number>>;
