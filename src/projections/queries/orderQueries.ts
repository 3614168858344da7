import { ValidationError, type FieldIssue } from '../../domain/core/errors';
import { orderStatuses, type OrderStatus } from '../../domain/order/types';
import { customerKey, sameCustomer } from '../../domain/order/customerKey';
import { fromCents, toCents } from '../readModels/money';
import type { OrderDoc } from '../readModels/orders';
import type { SummaryDoc } from '../readModels/summary';
import type { CustomerSpend } from '../readModels/topCustomers';

/**
 * The queries of seed 002, as pure functions over read-model documents. The caller loads the documents (from the
 * projection store) and these answer the question; nothing here touches the event store.
 */

export type OrderFilter = {
  readonly status?: OrderStatus;
  /** Case-insensitive exact match. */
  readonly customerEmail?: string;
  readonly customerId?: string;
  /** Earliest placedAt, inclusive (ISO date or date-time). */
  readonly from?: string;
  /** Latest placedAt, inclusive; a date without a time includes that whole day. */
  readonly to?: string;
  /** Smallest order total, inclusive. A number ≥ 0, at most `maxTotal`. */
  readonly minTotal?: number;
  /** Largest order total, inclusive. A number ≥ 0, at least `minTotal`. */
  readonly maxTotal?: number;
  /** Oldest first (seed 000's MongoDB lists in insertion order); newest first by default (seed 002). */
  readonly oldestFirst?: boolean;
  /** Orders to skip. Defaults to 0. */
  readonly offset?: number;
  /** Orders to return. Defaults to 50. */
  readonly limit?: number;
};

export type OrderPage = {
  readonly orders: readonly OrderDoc[];
  /** Orders matching the filter before paging. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
};

export const defaultPageSize = 50;

/** Newest first; ties by order id so that pages are stable. */
export const newestFirst = (a: OrderDoc, b: OrderDoc): number =>
  Date.parse(b.placedAt) - Date.parse(a.placedAt) || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);

const isDateOnly = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);
const endOfDay = 24 * 60 * 60 * 1000 - 1;

const isAmount = (value: number | undefined): boolean => value === undefined || (Number.isFinite(value) && value >= 0);

/**
 * What is wrong with a filter's total range, one issue per field, in words a person fixing the form understands.
 * Empty when the range is usable (or absent).
 */
export function orderFilterIssues(filter: OrderFilter): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { minTotal, maxTotal } = filter;
  if (!isAmount(minTotal)) issues.push({ field: 'minTotal', message: `must be a number of 0 or more, not ${minTotal}` });
  if (!isAmount(maxTotal)) issues.push({ field: 'maxTotal', message: `must be a number of 0 or more, not ${maxTotal}` });
  if (issues.length === 0 && minTotal !== undefined && maxTotal !== undefined && minTotal > maxTotal) {
    issues.push({
      field: 'maxTotal',
      message: `must be at least the minimum total (${minTotal}); ${maxTotal} would match no order`,
    });
  }
  return issues;
}

/**
 * `GET /api/v1/orders` with filters and paging. Throws a ValidationError when the total range is not usable (a
 * negative or non-numeric bound, or min above max): an empty list would hide the mistake.
 */
export function listOrders(orders: readonly OrderDoc[], filter: OrderFilter = {}): OrderPage {
  const matches = orderMatcher(filter);
  const matching = orders.filter(matches).sort(newestFirst);
  if (filter.oldestFirst) matching.reverse();
  const offset = Math.max(0, filter.offset ?? 0);
  const limit = Math.max(0, filter.limit ?? defaultPageSize);
  return { orders: matching.slice(offset, offset + limit), total: matching.length, offset, limit };
}

/** Whether a filter asks for more than a status (which an index answers), an order (either end of it) and paging. */
export function filtersBeyondStatus(filter: OrderFilter): boolean {
  const { status: _status, offset: _offset, limit: _limit, oldestFirst: _oldestFirst, ...rest } = filter;
  return Object.values(rest).some((value) => value !== undefined);
}

/**
 * The filter of `listOrders` as a test on one order (paging aside). Throws a ValidationError when the total range is
 * not usable.
 */
export function orderMatcher(filter: OrderFilter): (order: OrderDoc) => boolean {
  const issues = orderFilterIssues(filter);
  if (issues.length > 0) throw new ValidationError(issues);
  // Totals are compared in whole cents, as the read models keep them: 1029.97 × 100 is 102996.99999999999 in floats,
  // and must still match a minimum of 1029.97. A bound between two cents (10.005) keeps its meaning: at least 10.01.
  const cents = (amount: number): number => Number((amount * 100).toFixed(6));
  const minCents = filter.minTotal === undefined ? -Infinity : Math.ceil(cents(filter.minTotal));
  const maxCents = filter.maxTotal === undefined ? Infinity : Math.floor(cents(filter.maxTotal));
  const from = filter.from === undefined ? -Infinity : Date.parse(filter.from);
  const to =
    filter.to === undefined ? Infinity : Date.parse(filter.to) + (isDateOnly(filter.to) ? endOfDay : 0);
  return (order) =>
    (filter.status === undefined || order.status === filter.status) &&
    (filter.customerEmail === undefined || sameCustomer(order.customerEmail, filter.customerEmail)) &&
    (filter.customerId === undefined || sameCustomer(order.customerId, filter.customerId)) &&
    Date.parse(order.placedAt) >= from &&
    Date.parse(order.placedAt) <= to &&
    toCents(order.total) >= minCents &&
    toCents(order.total) <= maxCents;
}

/** `GET /api/v1/orders/order/:orderId`. */
export function orderById(orders: readonly OrderDoc[], orderId: string): OrderDoc | undefined {
  return orders.find((order) => order.orderId === orderId);
}

/** `GET /api/v1/orders/status/:status`, newest first. */
export function ordersByStatus(orders: readonly OrderDoc[], status: OrderStatus): OrderDoc[] {
  return orders.filter((order) => order.status === status).sort(newestFirst);
}

/** `GET /api/v1/orders/customer/:customerEmail`, newest first; the email matches as customerKey compares it. */
export function ordersByCustomerEmail(orders: readonly OrderDoc[], customerEmail: string): OrderDoc[] {
  return orders.filter((order) => sameCustomer(order.customerEmail, customerEmail)).sort(newestFirst);
}

// ---------- summary ----------

export type StatusFigures = { readonly count: number; readonly revenue: number };

export type OrderSummary = {
  /** Orders that exist, cancelled ones included (deleted ones are gone). */
  readonly totalOrders: number;
  /** Sum of the totals of orders that are not cancelled. */
  readonly totalRevenue: number;
  /** totalRevenue ÷ orders that are not cancelled, rounded to cents; 0 when there are none. */
  readonly averageOrderValue: number;
  readonly byStatus: Readonly<Record<OrderStatus, StatusFigures>>;
};

/** The summary from counts and revenue in cents, however they were obtained. */
function summaryOf(
  totalOrders: number,
  countByStatus: Readonly<Record<OrderStatus, number>>,
  revenueCentsByStatus: Readonly<Record<OrderStatus, number>>,
): OrderSummary {
  const revenueCents = orderStatuses
    .filter((status) => status !== 'cancelled')
    .reduce((sum, status) => sum + revenueCentsByStatus[status], 0);
  const paidOrders = totalOrders - countByStatus.cancelled;
  const byStatus = Object.fromEntries(
    orderStatuses.map((status) => [
      status,
      { count: countByStatus[status], revenue: fromCents(revenueCentsByStatus[status]) },
    ]),
  ) as Record<OrderStatus, StatusFigures>;
  return {
    totalOrders,
    totalRevenue: fromCents(revenueCents),
    averageOrderValue: paidOrders === 0 ? 0 : fromCents(Math.round(revenueCents / paidOrders)),
    byStatus,
  };
}

/** `GET /api/v1/orders/summary`, computed from the orders read model. */
export function orderSummary(orders: readonly OrderDoc[]): OrderSummary {
  const count = Object.fromEntries(orderStatuses.map((status) => [status, 0])) as Record<OrderStatus, number>;
  const revenue = { ...count };
  for (const order of orders) {
    count[order.status] += 1;
    revenue[order.status] += toCents(order.total);
  }
  return summaryOf(orders.length, count, revenue);
}

/** The same summary, read from the incrementally maintained `orderSummary` read model (undefined = no orders yet). */
export function summaryFromReadModel(doc: SummaryDoc | undefined): OrderSummary {
  if (!doc) return orderSummary([]);
  return summaryOf(doc.totalOrders, doc.countByStatus, doc.revenueCentsByStatus);
}

// ---------- top customers ----------

export type TopCustomer = {
  readonly customerId: string;
  readonly customerEmail: string | null;
  /** Orders that are not cancelled. */
  readonly orderCount: number;
  /** Sum of their totals. */
  readonly totalSpent: number;
};

export const defaultTopCustomers = 10;

/** Most spent first, then most orders, then customer id; customers with no order left standing are not listed. */
function rank(customers: Iterable<{ customerId: string; customerEmail: string | null; orderCount: number; cents: number }>, limit: number): TopCustomer[] {
  return [...customers]
    .filter((customer) => customer.orderCount > 0)
    .sort(
      (a, b) =>
        b.cents - a.cents ||
        b.orderCount - a.orderCount ||
        (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
    )
    .slice(0, Math.max(0, limit))
    .map(({ customerId, customerEmail, orderCount, cents }) => ({
      customerId,
      customerEmail,
      orderCount,
      totalSpent: fromCents(cents),
    }));
}

/** `GET /api/v1/orders/top-customers`, computed from the orders read model. Customers are keyed by customerKey. */
export function topCustomers(orders: readonly OrderDoc[], limit = defaultTopCustomers): TopCustomer[] {
  const byCustomer = new Map<string, { customerId: string; customerEmail: string | null; orderCount: number; cents: number; latest: string }>();
  for (const order of orders) {
    const key = customerKey(order.customerId);
    const customer = byCustomer.get(key) ?? {
      customerId: key,
      customerEmail: null,
      orderCount: 0,
      cents: 0,
      latest: '',
    };
    if (order.status !== 'cancelled') {
      customer.orderCount += 1;
      customer.cents += toCents(order.total);
    }
    // The email of the latest order that has one (the read model takes it from the latest OrderPlaced instead).
    if (order.customerEmail !== null && order.placedAt >= customer.latest) {
      customer.customerEmail = order.customerEmail;
      customer.latest = order.placedAt;
    }
    byCustomer.set(key, customer);
  }
  return rank(byCustomer.values(), limit);
}

/** The same ranking, from the customer documents of the incrementally maintained `topCustomers` read model. */
export function topCustomersFromReadModel(spends: readonly CustomerSpend[], limit = defaultTopCustomers): TopCustomer[] {
  return rank(
    spends.map((spend) => ({ ...spend, cents: spend.totalSpentCents })),
    limit,
  );
}

// ---------- search ----------

/** The text an order can be found by. */
const searchableText = (order: OrderDoc): string =>
  [order.orderId, order.customerId, order.customerEmail ?? '', ...order.items.map((item) => item.product)]
    .join('\n')
    .toLowerCase();

/**
 * `GET /api/v1/orders/search?q=term`: orders whose id, customer id, email or product names contain every word of
 * the query, case-insensitively; newest first. An empty query finds nothing.
 */
export function searchOrders(orders: readonly OrderDoc[], query: string): OrderDoc[] {
  const matches = searchMatcher(query);
  if (matches === null) return [];
  return orders.filter(matches).sort(newestFirst);
}

/** The search as a test on one order; null for a query with no word (which finds nothing). */
export function searchMatcher(query: string): ((order: OrderDoc) => boolean) | null {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return (order) => words.every((word) => searchableText(order).includes(word));
}
