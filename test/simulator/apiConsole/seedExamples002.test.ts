import { describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './consoleFixture';
import { listItems, sectionOf, seedText } from './seedDocuments';

/**
 * Seed 002's README shows its service as a list of endpoints, each with what it does ("`PUT
 * /api/v1/orders/order/:orderId/cancel` - Cancel an order"), and the order status flow as a list of transitions. Each
 * line is read from the seed (test/fixtures/seeds/002-order-management.md) and sent as written, with its Express
 * parameters (`:orderId`, `:status`, `:customerEmail`) filled in; the answer must do what the line says.
 */

const readme = seedText('002-order-management.md');

type Endpoint = { readonly method: string; readonly path: string; readonly description: string };

const endpointsUnder = (heading: string): Endpoint[] =>
  listItems(sectionOf(readme, heading)).map((item) => {
    const [, method, path, description] = /^`(\w+) ([^`]+)` - (.+)$/.exec(item) ?? [];
    if (!method || !path || !description) throw new Error(`Not an endpoint line: ${item}`);
    return { method, path, description };
  });

const commands = endpointsUnder('Commands (Write Operations)');
const queries = endpointsUnder('Queries (Read Operations)');

/** The seed's line, as the console takes it: the Express parameters replaced by values of this shop. */
const requestOf = (endpoint: Endpoint, params: Readonly<Record<string, string>>, body?: unknown): string => {
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `:${name}`));
  return body === undefined ? `${endpoint.method} ${path}` : `${endpoint.method} ${path} ${JSON.stringify(body)}`;
};

const endpoint = (list: readonly Endpoint[], description: string): Endpoint => {
  const found = list.find((candidate) => candidate.description === description);
  if (!found) throw new Error(`Seed 002 lists no endpoint "${description}"`);
  return found;
};

/** A body the create endpoint takes, in seed 002's field names (customers keyed by email). */
const order = (customerEmail: string, product: string, price: number) => ({
  customerEmail,
  items: [{ productId: product, quantity: 1, price }],
});

/** o-1 Ada's terminal (confirmed), o-2 Grace's mouse (pending), o-3 Ada's laptop (pending): every line has data. */
async function shop(): Promise<ConsoleFixture> {
  const api = await openConsole();
  const create = endpoint(commands, 'Create a new order');
  await api.send(requestOf(create, {}, order('ada@example.com', 'Terminal', 300)));
  await api.send(requestOf(create, {}, order('grace@example.com', 'Mouse', 25)));
  await api.send(requestOf(create, {}, order('ada@example.com', 'Laptop', 999.99)));
  await api.send(requestOf(endpoint(commands, 'Update order status'), { orderId: 'o-1' }, { status: 'confirmed' }));
  await api.settle();
  return api;
}

const dataOf = (body: unknown) => (body as { data: unknown }).data;
const idsOf = (body: unknown) => (dataOf(body) as { orderId: string }[]).map((found) => found.orderId);

describe('seed 002’s API endpoints, line by line', () => {
  it('reads the four commands and seven queries of the README', () => {
    expect(commands.map((line) => `${line.method} ${line.path}`)).toEqual([
      'POST /api/v1/orders/order',
      'PUT /api/v1/orders/order/:orderId/status',
      'PUT /api/v1/orders/order/:orderId/cancel',
      'DELETE /api/v1/orders/order/:orderId',
    ]);
    expect(queries).toHaveLength(7);
  });

  it('POST /api/v1/orders/order - Create a new order: 201, pending, at version 1', async () => {
    const api = await openConsole();
    const response = await api.send(requestOf(endpoint(commands, 'Create a new order'), {}, order('ada@example.com', 'Laptop', 999.99)));
    expect(response).toMatchObject({ status: 201, body: { success: true, data: { orderId: 'o-1', status: 'pending', total: 999.99, version: 1 } } });
  });

  it('PUT /api/v1/orders/order/:orderId/status - Update order status: the order takes the new status', async () => {
    const api = await shop();
    const response = await api.send(requestOf(endpoint(commands, 'Update order status'), { orderId: 'o-1' }, { status: 'processing' }), { readYourWrites: true });
    expect(response).toMatchObject({ status: 200, body: { success: true, data: { orderId: 'o-1', status: 'processing', version: 3 } } });
    expect(await api.simulator.queries.orderById('o-1')).toMatchObject({ status: 'processing' });
  });

  it('PUT /api/v1/orders/order/:orderId/cancel - Cancel an order: cancelled, with the status it had', async () => {
    const api = await shop();
    const response = await api.send(requestOf(endpoint(commands, 'Cancel an order'), { orderId: 'o-1' }, { reason: 'Changed my mind' }), { readYourWrites: true });
    expect(response).toMatchObject({ status: 200, body: { data: { orderId: 'o-1', status: 'cancelled', previousStatus: 'confirmed', reason: 'Changed my mind' } } });
    expect(await api.simulator.queries.orderById('o-1')).toMatchObject({ status: 'cancelled' });
  });

  it('DELETE /api/v1/orders/order/:orderId - Delete an order: the read side drops it, the log keeps it', async () => {
    const api = await shop();
    const response = await api.send(requestOf(endpoint(commands, 'Delete an order'), { orderId: 'o-2' }), { readYourWrites: true });
    expect(response).toMatchObject({ status: 200, body: { success: true, data: { orderId: 'o-2' } } });
    expect((await api.send(requestOf(endpoint(queries, 'Get a specific order'), { orderId: 'o-2' }))).status).toBe(404);
    expect((await api.simulator.store.readStream('order-o-2')).map((event) => event.type)).toEqual(['OrderPlaced', 'OrderDeleted']);
  });

  it('GET /api/v1/orders - Get all orders (with filters): all of them, and the filtered few', async () => {
    const api = await shop();
    const all = endpoint(queries, 'Get all orders (with filters)');
    const response = await api.send(requestOf(all, {}));
    expect(response.status).toBe(200);
    expect(idsOf(response.body).sort()).toEqual(['o-1', 'o-2', 'o-3']);
    expect(idsOf((await api.send(`${requestOf(all, {})}?status=confirmed`)).body)).toEqual(['o-1']);
    expect(idsOf((await api.send(`${requestOf(all, {})}?customerEmail=ada@example.com`)).body).sort()).toEqual(['o-1', 'o-3']);
  });

  it('GET /api/v1/orders/order/:orderId - Get a specific order: that order, with its version as ETag', async () => {
    const api = await shop();
    const response = await api.send(requestOf(endpoint(queries, 'Get a specific order'), { orderId: 'o-1' }));
    expect(response).toMatchObject({
      status: 200,
      headers: { ETag: '"2"' },
      body: { success: true, data: { orderId: 'o-1', customerEmail: 'ada@example.com', status: 'confirmed', version: 2 } },
    });
  });

  it('GET /api/v1/orders/status/:status - Get orders by status: only orders of that status', async () => {
    const api = await shop();
    const response = await api.send(requestOf(endpoint(queries, 'Get orders by status'), { status: 'pending' }));
    expect(response).toMatchObject({ status: 200, body: { success: true, count: 2 } });
    expect(idsOf(response.body).sort()).toEqual(['o-2', 'o-3']);
  });

  it('GET /api/v1/orders/customer/:customerEmail - Get customer orders: the customer’s orders, however the email is cased', async () => {
    const api = await shop();
    const customer = endpoint(queries, 'Get customer orders');
    const response = await api.send(requestOf(customer, { customerEmail: 'ada@example.com' }));
    expect(response).toMatchObject({ status: 200, body: { success: true, customerEmail: 'ada@example.com', count: 2 } });
    expect(idsOf(response.body).sort()).toEqual(['o-1', 'o-3']);
    expect((await api.send(requestOf(customer, { customerEmail: 'Ada@Example.com' }))).body).toMatchObject({ count: 2 });
  });

  it('GET /api/v1/orders/summary - Get order summary/analytics: counts and revenue by status', async () => {
    const api = await shop();
    const response = await api.send(requestOf(endpoint(queries, 'Get order summary/analytics'), {}));
    expect(response).toMatchObject({ status: 200, body: { success: true, data: { totalOrders: 3 } } });
    const summary = dataOf(response.body) as { byStatus: Record<string, { count: number; revenue: number }> };
    expect(summary.byStatus['pending']).toEqual({ count: 2, revenue: 1024.99 });
    expect(summary.byStatus['confirmed']).toEqual({ count: 1, revenue: 300 });
  });

  it('GET /api/v1/orders/top-customers - Get top customers: ranked by what they spent', async () => {
    const api = await shop();
    const response = await api.send(requestOf(endpoint(queries, 'Get top customers'), {}));
    expect(response.status).toBe(200);
    expect((dataOf(response.body) as { customerEmail: string; orderCount: number; totalSpent: number }[]).map((customer) => [customer.customerEmail, customer.orderCount, customer.totalSpent])).toEqual([
      ['ada@example.com', 2, 1299.99],
      ['grace@example.com', 1, 25],
    ]);
  });

  it('GET /api/v1/orders/search?q=term - Search orders: the seed’s own query finds the order whose product says it', async () => {
    const api = await shop();
    const response = await api.send(requestOf(endpoint(queries, 'Search orders'), {}));
    expect(response).toMatchObject({ status: 200, body: { success: true, query: 'term', count: 1 } });
    expect(idsOf(response.body)).toEqual(['o-1']);
  });
});

describe('seed 002’s order status flow, transition by transition', () => {
  const statuses = ['pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
  type Status = (typeof statuses)[number];
  /** `pending` → `confirmed` or `cancelled`; `delivered` (final state). */
  const flow = new Map<Status, Status[]>(
    listItems(sectionOf(readme, 'Order Status Flow')).map((line) => {
      const [from, ...to] = [...line.matchAll(/`(\w+)`/g)].map((match) => match[1] as Status);
      return [from!, to];
    }),
  );
  /** The way there: each status reached by the first transition the seed lists into it. */
  const pathTo = (status: Status): Status[] => {
    if (status === 'pending') return [];
    const before = statuses.find((from) => flow.get(from)?.includes(status) && from !== status)!;
    return [...pathTo(before), status];
  };

  it('reads six statuses, two of them final', () => {
    expect([...flow.keys()]).toEqual(['pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled']);
    expect(flow.get('delivered')).toEqual([]);
    expect(flow.get('cancelled')).toEqual([]);
  });

  const pairs = statuses.flatMap((from) => statuses.filter((to) => to !== from).map((to) => [from, to] as const));
  it.each(pairs)('%s → %s is taken exactly when the seed lists it', async (from, to) => {
    const api = await openConsole();
    await api.send(`POST /api/v1/orders/order ${JSON.stringify(order('ada@example.com', 'Laptop', 999.99))}`);
    for (const step of pathTo(from)) {
      expect((await api.send(`PUT /api/v1/orders/order/o-1/status {"status": "${step}"}`)).status).toBe(200);
    }
    const head = await api.head();
    const response = await api.send(`PUT /api/v1/orders/order/o-1/status {"status": "${to}"}`);
    if (flow.get(from)!.includes(to)) {
      expect(response).toMatchObject({ status: 200, body: { data: { status: to } } });
    } else if (to === 'pending') {
      // No transition leads into pending (an order is pending only when placed): the body itself is refused.
      expect(response).toMatchObject({ status: 400, body: { issues: [{ field: 'status', message: expect.stringContaining('pending only when it is placed') }] } });
      expect(await api.head()).toBe(head);
    } else {
      expect(response.status).toBe(409);
      expect((response.body as { message: string }).message).toContain(from);
      expect(await api.head()).toBe(head);
    }
  });
});
