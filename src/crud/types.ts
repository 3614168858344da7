import type { CrudLossRow, CrudOrderRow } from '../db/schema';
import type { OrderItem } from '../domain/order/types';

/**
 * The CRUD twin's order: seed 000's one row per order, plus the item lines so it can hold seed 002 orders too.
 * `product` and `quantity` are what seed 000's `GET /orders/{id}` shows: the single line, or for several lines the
 * product names joined and the quantities summed.
 */
export type CrudOrder = CrudOrderRow;

/** What one overwrite destroyed. `field` is `order` (the whole row as `oldValue`) when the row was deleted. */
export type CrudLoss = CrudLossRow;

export type NewCrudOrder = {
  readonly orderId: string;
  readonly customerId: string;
  readonly customerEmail: string | null;
  readonly items: readonly OrderItem[];
  readonly at: string;
};

/**
 * A state-based store: each update overwrites the row in place, as seed 000's MongoDB collection does. It checks
 * that values are well formed but knows no state machine: `shipped` → `pending` is accepted. Every overwrite
 * records the values it destroyed, which is the workbook's way of showing what CRUD forgets; the CRUD side itself
 * never reads them back.
 */
export interface CrudStore {
  /** Throws DomainError `OrderAlreadyExists` for a taken id, ValidationError for no items. */
  createOrder(order: NewCrudOrder): Promise<CrudOrder>;
  /** Any of the six statuses (trimmed, any case), from any status. ValidationError otherwise; NotFoundError. */
  updateStatus(orderId: string, status: string, at: string): Promise<CrudOrder>;
  updateEmail(orderId: string, customerEmail: string | null, at: string): Promise<CrudOrder>;
  /** The row is gone; its last values are kept only as a loss. NotFoundError when there is no row. */
  deleteOrder(orderId: string, at: string): Promise<void>;
  get(orderId: string): Promise<CrudOrder | undefined>;
  /** Ordered by order id (a CRUD row keeps no creation order: that would be history). */
  list(): Promise<CrudOrder[]>;
  /** Oldest first. */
  lossesOf(orderId: string): Promise<CrudLoss[]>;
  /** Every loss, oldest first. */
  allLosses(): Promise<CrudLoss[]>;
  /** Empties rows and losses (the simulator's Reset). */
  clear(): Promise<void>;
}

/**
 * What the app may do with the twin it shows: read it. The simulator's twin is written only by following the event
 * log (simulator/crudTwin/), so no view and no command can write a row the log does not explain.
 */
export type CrudReader = Pick<CrudStore, 'get' | 'list' | 'lossesOf' | 'allLosses'>;
