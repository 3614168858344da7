import type { FieldIssue } from '../../domain/core/errors';
import { orderStatuses, type OrderStatus } from '../../domain/order/types';
import { orderFilterIssues, type OrderPage } from '../../projections/queries/orderQueries';
import type { ReadModelQueries } from '../../projections/queries/readModelQueries';
import type { OrderDoc } from '../../projections/readModels/orders';
import type { UserDoc } from '../../projections/readModels/users';

/**
 * Seed 002's queries (and seed 001's users list) as tables: which read model answers each, which parameters it
 * takes, and how its answer reads as rows of text. Everything here reads the read models through `queries`, never
 * the log, so a table lags the log exactly as much as its projection does.
 */

export type QueryName =
  | 'listOrders'
  | 'orderById'
  | 'ordersByStatus'
  | 'ordersByCustomerEmail'
  | 'summary'
  | 'topCustomers'
  | 'searchOrders'
  | 'listUsers';

export type QueryParamName = 'status' | 'customerEmail' | 'customerId' | 'minTotal' | 'maxTotal' | 'orderId' | 'q' | 'limit';

export type QueryParam = {
  readonly name: QueryParamName;
  readonly label: string;
  readonly inputType: 'text' | 'email' | 'number' | 'status';
  /** A required parameter left empty shows a hint instead of an empty table. */
  readonly required?: boolean;
};

export type ReadModelQuerySpec = {
  readonly name: QueryName;
  readonly title: string;
  /** The seed's endpoint this query answers. */
  readonly endpoint: string;
  /** The projection whose checkpoint the answer is "as of". */
  readonly projection: 'orders' | 'orderSummary' | 'topCustomers' | 'users';
  readonly params: readonly QueryParam[];
};

export const readModelQueries: readonly ReadModelQuerySpec[] = [
  {
    name: 'listOrders',
    title: 'All orders (filters)',
    endpoint: 'GET /api/v1/orders',
    projection: 'orders',
    params: [
      { name: 'status', label: 'Status', inputType: 'status' },
      { name: 'customerId', label: 'Customer ID', inputType: 'text' },
      { name: 'customerEmail', label: 'Customer email', inputType: 'email' },
      { name: 'minTotal', label: 'Min total', inputType: 'number' },
      { name: 'maxTotal', label: 'Max total', inputType: 'number' },
    ],
  },
  {
    name: 'orderById',
    title: 'Order by id',
    endpoint: 'GET /api/v1/orders/order/:orderId',
    projection: 'orders',
    params: [{ name: 'orderId', label: 'Order ID', inputType: 'text', required: true }],
  },
  {
    name: 'ordersByStatus',
    title: 'Orders by status',
    endpoint: 'GET /api/v1/orders/status/:status',
    projection: 'orders',
    params: [{ name: 'status', label: 'Status', inputType: 'status', required: true }],
  },
  {
    name: 'ordersByCustomerEmail',
    title: 'Orders of a customer',
    endpoint: 'GET /api/v1/orders/customer/:customerEmail',
    projection: 'orders',
    params: [{ name: 'customerEmail', label: 'Customer email', inputType: 'email', required: true }],
  },
  { name: 'summary', title: 'Summary', endpoint: 'GET /api/v1/orders/summary', projection: 'orderSummary', params: [] },
  {
    name: 'topCustomers',
    title: 'Top customers',
    endpoint: 'GET /api/v1/orders/top-customers',
    projection: 'topCustomers',
    params: [{ name: 'limit', label: 'How many', inputType: 'number' }],
  },
  {
    name: 'searchOrders',
    title: 'Search orders',
    endpoint: 'GET /api/v1/orders/search?q=term',
    projection: 'orders',
    params: [{ name: 'q', label: 'Search for', inputType: 'text', required: true }],
  },
  { name: 'listUsers', title: 'Users (seed 001)', endpoint: 'GET /users/', projection: 'users', params: [] },
];

export function readModelQueryOf(name: QueryName): ReadModelQuerySpec {
  const spec = readModelQueries.find((query) => query.name === name);
  if (!spec) throw new Error(`No query named ${name}`);
  return spec;
}

export type QueryParams = Partial<Record<QueryParamName, string>>;

/** A query's answer as the table shows it: text cells only (event data never becomes markup). */
export type QueryTable = {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Said under the table: how many matched, what is missing. */
  readonly note: string;
};

/** Rows the screen shows at most; the note says how many matched. */
export const maxTableRows = 50;

const money = (amount: number): string => amount.toFixed(2);

const orderColumns = ['Order ID', 'Customer', 'Email', 'Items', 'Total', 'Status', 'Placed at'] as const;
const orderRow = (order: OrderDoc): string[] => [
  order.orderId,
  order.customerId,
  order.customerEmail ?? '—',
  order.items.map((item) => `${item.quantity} × ${item.product}`).join(', '),
  money(order.total),
  order.status,
  order.placedAt,
];
const userRow = (user: UserDoc): string[] => [user.userId, user.firstName, user.lastName, user.email, user.updatedAt];

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';
const numberOrUndefined = (text: string | undefined): number | undefined =>
  blank(text) || !Number.isFinite(Number(text)) ? undefined : Number(text);
const isStatus = (text: string | undefined): text is OrderStatus =>
  text !== undefined && (orderStatuses as readonly string[]).includes(text);

/** The newest orders of a page and how many matched in all: the screen asks for one page, never every order. */
function ordersTable(page: Pick<OrderPage, 'orders' | 'total'>, noun = 'orders'): QueryTable {
  const shown = page.orders.slice(0, maxTableRows);
  const { total } = page;
  const note =
    total === 0
      ? `No ${noun} in the read model.`
      : total > shown.length
        ? `${total} ${noun}; showing the newest ${shown.length}.`
        : `${total} ${total === 1 ? noun.replace(/s$/, '') : noun}.`;
  return { columns: orderColumns, rows: shown.map(orderRow), note };
}

/** The first required parameter left empty, if any: the screen asks for it instead of querying. */
export function missingParam(spec: ReadModelQuerySpec, params: QueryParams): QueryParam | undefined {
  return spec.params.find((param) => param.required && blank(params[param.name]));
}

/** A parameter the screen cannot query with, and why, said after its label ("Min total must be …"). */
export type ParamIssue = { readonly param: QueryParamName; readonly message: string };

/** `{ key: value }`, or nothing when the value is absent (the filter types are exact about optional fields). */
const optional = <Key extends string, Value>(key: Key, value: Value | undefined): Partial<Record<Key, Value>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<Key, Value>>;

/** The order total range as typed: absent when blank, NaN when not a number (so the query side names the field). */
const totalOf = (text: string | undefined): number | undefined => (blank(text) ? undefined : Number(text?.trim()));

/**
 * What is wrong with the typed parameters, one issue per field; the screen shows them next to their fields and does
 * not query until they are fixed. The total range is checked by the query side's own rule, so the form and the
 * query can never disagree about what a valid range is.
 */
export function paramIssues(name: QueryName, params: QueryParams): ParamIssue[] {
  if (name !== 'listOrders') return [];
  const issues: FieldIssue[] = orderFilterIssues({
    ...optional('minTotal', totalOf(params.minTotal)),
    ...optional('maxTotal', totalOf(params.maxTotal)),
  });
  return issues.map((issue) => ({ param: issue.field as QueryParamName, message: issue.message }));
}

/** Runs one query against the read models and lays its answer out as a table. */
export async function runReadModelQuery(
  queries: ReadModelQueries,
  name: QueryName,
  params: QueryParams,
): Promise<QueryTable> {
  switch (name) {
    case 'listOrders': {
      // The query side filters and counts; the table shows its first page. Bad totals throw a ValidationError here
      // (the screen checks `paramIssues` first, so it only happens when a caller skips that).
      const page = await queries.listOrders({
        ...(isStatus(params.status) ? { status: params.status } : {}),
        ...(blank(params.customerId) ? {} : { customerId: params.customerId?.trim() }),
        ...(blank(params.customerEmail) ? {} : { customerEmail: params.customerEmail?.trim() }),
        ...optional('minTotal', totalOf(params.minTotal)),
        ...optional('maxTotal', totalOf(params.maxTotal)),
        limit: maxTableRows,
      });
      const table = ordersTable({ orders: page.orders, total: page.orders.length });
      return page.total > table.rows.length
        ? { ...table, note: `${page.total} orders match; showing the newest ${table.rows.length}.` }
        : table;
    }
    case 'orderById': {
      const order = await queries.orderById((params.orderId ?? '').trim());
      return order
        ? { columns: orderColumns, rows: [orderRow(order)], note: `Status history: ${order.statusHistory.map((change) => change.status).join(' → ')}.` }
        : { columns: orderColumns, rows: [], note: `No order ${params.orderId ?? ''} in the read model.` };
    }
    case 'ordersByStatus':
      return isStatus(params.status)
        ? ordersTable(await queries.listOrders({ status: params.status, limit: maxTableRows }), `${params.status} orders`)
        : { columns: orderColumns, rows: [], note: `Choose one of: ${orderStatuses.join(', ')}.` };
    case 'ordersByCustomerEmail':
      return ordersTable(await queries.listOrders({ customerEmail: (params.customerEmail ?? '').trim(), limit: maxTableRows }));
    case 'summary': {
      const summary = await queries.summary();
      return {
        columns: ['Status', 'Orders', 'Revenue'],
        rows: [
          ...orderStatuses.map((status) => [status, String(summary.byStatus[status].count), money(summary.byStatus[status].revenue)]),
          ['all', String(summary.totalOrders), money(summary.totalRevenue)],
        ],
        note: `Average order value ${money(summary.averageOrderValue)} (cancelled orders excluded).`,
      };
    }
    case 'topCustomers': {
      const limit = numberOrUndefined(params.limit);
      const customers = await queries.topCustomers(limit === undefined ? undefined : Math.max(1, Math.floor(limit)));
      return {
        columns: ['Customer', 'Email', 'Orders', 'Total spent'],
        rows: customers.map((customer) => [
          customer.customerId,
          customer.customerEmail ?? '—',
          String(customer.orderCount),
          money(customer.totalSpent),
        ]),
        note: customers.length === 0 ? 'No customers with orders yet.' : `${customers.length} customer${customers.length === 1 ? '' : 's'}, most spent first.`,
      };
    }
    case 'searchOrders':
      return ordersTable(await queries.searchOrdersPage(params.q ?? '', { limit: maxTableRows }), 'matching orders');
    case 'listUsers': {
      const users = await queries.listUsers();
      return {
        columns: ['User ID', 'First name', 'Last name', 'Email', 'Updated at'],
        rows: users.slice(0, maxTableRows).map(userRow),
        note: users.length === 0 ? 'No users in the read model.' : `${users.length} user${users.length === 1 ? '' : 's'}.`,
      };
    }
    default: {
      const unknownName: never = name;
      throw new Error(`Unknown query ${String(unknownName)}`);
    }
  }
}
