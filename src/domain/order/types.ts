import type { Message } from '../core/message';

/** Seed 002's state machine. `delivered` and `cancelled` are final. */
export const orderStatuses = ['pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** One line of an order. Seed 000 orders have one line and no price (`unitPrice` 0). */
export type OrderItem = {
  readonly product: string;
  readonly quantity: number;
  /** Price of one unit, in whole currency units with cents (e.g. 999.99). */
  readonly unitPrice: number;
};

// ---------- commands ----------

export type PlaceOrder = Message<
  'PlaceOrder',
  {
    readonly orderId: string;
    readonly customerId: string;
    /** Seed 002/004 key customers by email; seed 000 has none (null). */
    readonly customerEmail: string | null;
    readonly items: readonly OrderItem[];
    /** When the command was issued (ISO 8601). The boundary sets it so that `decide` stays pure. */
    readonly at: string;
  }
>;
export type ConfirmOrder = Message<'ConfirmOrder', { readonly orderId: string; readonly at: string }>;
export type StartProcessing = Message<'StartProcessing', { readonly orderId: string; readonly at: string }>;
export type ShipOrder = Message<
  'ShipOrder',
  { readonly orderId: string; readonly trackingNumber: string | null; readonly at: string }
>;
export type DeliverOrder = Message<'DeliverOrder', { readonly orderId: string; readonly at: string }>;
export type CancelOrder = Message<
  'CancelOrder',
  { readonly orderId: string; readonly reason: string; readonly at: string }
>;
export type DeleteOrder = Message<'DeleteOrder', { readonly orderId: string; readonly at: string }>;
/**
 * Seed 000's "update the status to X", as seed 000 means it: a CRUD overwrite that knows no state machine, so any
 * status may follow any other. Seed 002's endpoints send the lifecycle commands above instead.
 */
export type SetOrderStatus = Message<
  'SetOrderStatus',
  { readonly orderId: string; readonly status: OrderStatus; readonly at: string }
>;

export type OrderCommand =
  | PlaceOrder
  | ConfirmOrder
  | StartProcessing
  | ShipOrder
  | DeliverOrder
  | CancelOrder
  | DeleteOrder
  | SetOrderStatus;

/** Every order command's type: what a boundary (a form, the API console, the classroom server) may route here. */
export const orderCommandTypes = [
  'PlaceOrder',
  'ConfirmOrder',
  'StartProcessing',
  'ShipOrder',
  'DeliverOrder',
  'CancelOrder',
  'DeleteOrder',
  'SetOrderStatus',
] as const satisfies readonly OrderCommand['type'][];

// ---------- events ----------

export type OrderPlaced = Message<
  'OrderPlaced',
  {
    readonly orderId: string;
    readonly customerId: string;
    readonly customerEmail: string | null;
    readonly items: readonly OrderItem[];
    /** Sum of quantity × unitPrice, rounded to cents. */
    readonly total: number;
    readonly placedAt: string;
  }
>;
export type OrderConfirmed = Message<'OrderConfirmed', { readonly orderId: string; readonly confirmedAt: string }>;
export type OrderProcessingStarted = Message<
  'OrderProcessingStarted',
  { readonly orderId: string; readonly startedAt: string }
>;
export type OrderShipped = Message<
  'OrderShipped',
  { readonly orderId: string; readonly trackingNumber: string | null; readonly shippedAt: string }
>;
export type OrderDelivered = Message<'OrderDelivered', { readonly orderId: string; readonly deliveredAt: string }>;
export type OrderCancelled = Message<
  'OrderCancelled',
  {
    readonly orderId: string;
    /** The order's customer: read models keyed by customer (top customers) must know whose figures change. */
    readonly customerId: string;
    readonly reason: string;
    /** The status the order had when it was cancelled: CRUD would lose it, the event keeps it. */
    readonly previousStatus: OrderStatus;
    readonly cancelledAt: string;
  }
>;
/** Deleting in event sourcing appends a tombstone: the history stays, read models drop the order. */
export type OrderDeleted = Message<
  'OrderDeleted',
  {
    readonly orderId: string;
    /** The order's customer, for the same reason as on OrderCancelled. */
    readonly customerId: string;
    readonly previousStatus: OrderStatus;
    readonly deletedAt: string;
  }
>;
/**
 * Seed 000's status overwrite, recorded as a fact: the CRUD row forgets `previousStatus`, this event keeps it, and
 * when it happened, so "when was it processing?" stays answerable.
 */
export type OrderStatusSet = Message<
  'OrderStatusSet',
  {
    readonly orderId: string;
    /** The order's customer, for read models keyed by customer (a status set to cancelled changes their spend). */
    readonly customerId: string;
    readonly status: OrderStatus;
    readonly previousStatus: OrderStatus;
    readonly setAt: string;
  }
>;

export type OrderEvent =
  | OrderPlaced
  | OrderConfirmed
  | OrderProcessingStarted
  | OrderShipped
  | OrderDelivered
  | OrderCancelled
  | OrderDeleted
  | OrderStatusSet;

export type OrderEventType = OrderEvent['type'];

/** Schema version of each event type as written today. Stored events of older versions are upcast on read. */
export const orderEventSchemaVersions: Readonly<Record<OrderEventType, number>> = {
  OrderPlaced: 2, // v1 (seed 000) had one `product` and `quantity`; v2 has `items` with prices
  OrderConfirmed: 1,
  OrderProcessingStarted: 1,
  OrderShipped: 1,
  OrderDelivered: 1,
  OrderCancelled: 1,
  OrderDeleted: 1,
  OrderStatusSet: 1,
};

// ---------- state ----------

/** The order as its own events define it. `none` = no events yet. */
export type OrderState =
  | { readonly status: 'none' }
  | {
      readonly status: OrderStatus;
      readonly orderId: string;
      readonly customerId: string;
      readonly customerEmail: string | null;
      readonly items: readonly OrderItem[];
      readonly total: number;
      readonly placedAt: string;
      /** Time of the latest event. */
      readonly updatedAt: string;
      readonly trackingNumber: string | null;
      readonly cancelReason: string | null;
      readonly deleted: boolean;
    };

export type ExistingOrder = Exclude<OrderState, { status: 'none' }>;

/** Stream id of one order: `order-<orderId>`. */
export const orderStreamId = (orderId: string): string => `order-${orderId}`;
