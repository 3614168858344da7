import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../src/simulator/apiConsole/routes';
import type { HttpMethod } from '../../../src/simulator/apiConsole/types';
import { openConsole, type ConsoleFixture } from './consoleFixture';
import { codeBlocks, commentedCurls, consoleRequest, listItems, portOf, sectionOf, seedText } from './seedDocuments';

/**
 * Seed 004's README: "Test It Out" creates an order on the command API, queries it on the query API and views its
 * event stream on the admin API, each on its own port; its Monitoring section lists the metrics Grafana charts. Read
 * from test/fixtures/seeds/004-order-processing.md (copied verbatim from the seed) and sent as written.
 */

const readme = seedText('004-order-processing.md');
const [testItOut] = codeBlocks(sectionOf(readme, 'Test It Out'));
const examples = commentedCurls(testItOut!);

/** "- Command API: http://localhost:8080" → 8080 is the command side. */
const services = new Map(
  listItems(readme.slice(readme.indexOf('**Services running on**'))).flatMap((item) => {
    const [, name, port] = /^(Command|Query|Admin) API: http:\/\/localhost:(\d+)$/.exec(item) ?? [];
    return name && port ? [[port, name.toLowerCase()] as const] : [];
  }),
);

const example = (comment: string) => {
  const found = examples.find((candidate) => candidate.comment.startsWith(comment));
  if (!found) throw new Error(`Seed 004's "Test It Out" has no "${comment}"`);
  return found;
};

/** The seed's create request, as written (its product is "..."). */
const create = consoleRequest(example('Create an order').curl);
const withId = (curl: string, orderId: string) => consoleRequest(curl).replace('{order_id}', orderId);

async function created(): Promise<ConsoleFixture> {
  const api = await openConsole();
  expect((await api.send(create, { readYourWrites: true })).status).toBe(201);
  await api.simulator.sagas.whenIdle();
  await api.settle();
  return api;
}

describe('seed 004’s "Test It Out", request by request', () => {
  it('reads three requests, each sent to the port of the service it names', () => {
    expect(examples.map((found) => found.comment)).toEqual([
      'Create an order (Command)',
      'Query the order (Read) - notice separate endpoint!',
      'View event stream (Event Sourcing)',
    ]);
    expect([...services.values()]).toEqual(['command', 'query', 'admin']);
  });

  it.each(examples.map((found) => [found.comment, found.curl] as const))('%s: the console routes it to that service', (_, curl) => {
    const [method, path] = consoleRequest(curl).split(/\s+/);
    const match = matchRoute(method as HttpMethod, path!.replace('{order_id}', 'o-1'));
    expect(match.kind).toBe('found');
    expect(match.kind === 'found' && match.route.seed).toBe('004');
    expect(match.kind === 'found' && match.route.side).toBe(services.get(portOf(curl)!));
  });

  it('Create an order (Command): 201 with the new order’s id, its Location on the query API, and its saga', async () => {
    const api = await openConsole();
    const response = await api.send(create);
    expect(response).toMatchObject({
      status: 201,
      seed: '004',
      headers: { Location: '/api/v1/orders/o-1' },
      body: { order_id: 'o-1', status: 'pending', total: 59.98, version: 1 },
    });
    // Seed 004's orders go through its saga (reserve stock, charge, confirm): the admin API shows it.
    await api.simulator.sagas.whenIdle();
    expect((await api.send('GET /api/v1/admin/sagas/o-1')).status).toBe(200);
  });

  it('Query the order (Read): the order as it was sent, in snake_case, from the read model', async () => {
    const api = await created();
    const response = await api.send(withId(example('Query the order').curl, 'o-1'));
    expect(response).toMatchObject({
      status: 200,
      body: {
        order_id: 'o-1',
        customer_id: '550e8400-e29b-41d4-a716-446655440000',
        items: [{ product_id: '...', quantity: 2, price: 29.99 }],
        total: 59.98,
      },
    });
  });

  it('View event stream (Event Sourcing): the order’s events from the log, OrderPlaced first with what was sent', async () => {
    const api = await created();
    const response = await api.send(withId(example('View event stream').curl, 'o-1'));
    expect(response).toMatchObject({ status: 200, body: { order_id: 'o-1', stream_id: 'order-o-1' } });
    const [placed] = (response.body as { events: { type: string; version: number; data: Record<string, unknown> }[] }).events;
    expect(placed).toMatchObject({
      type: 'OrderPlaced',
      version: 1,
      data: { orderId: 'o-1', customerId: '550e8400-e29b-41d4-a716-446655440000', items: [{ product: '...', quantity: 2, unitPrice: 29.99 }] },
    });
  });
});

describe('seed 004’s Monitoring: every metric Grafana charts is on GET /metrics', () => {
  const metrics = listItems(sectionOf(readme, 'Metrics (Grafana)'));
  /** The Prometheus family that answers each line of the seed. */
  const families: Readonly<Record<string, string>> = {
    'Command processing latency': 'workbook_command_duration_seconds',
    'Event publishing rate': 'workbook_events_per_second',
    'Projection lag time': 'workbook_projection_lag_seconds',
    'Saga success rate': 'workbook_saga_success_ratio',
    'Cache hit ratio': 'workbook_read_cache_hit_ratio',
  };

  it('reads the five metrics of the seed', () => {
    expect(metrics).toEqual(Object.keys(families));
  });

  it.each(metrics)('%s has its family, with HELP and TYPE, on /metrics', async (metric) => {
    const api = await created();
    await api.send(withId(example('Query the order').curl, 'o-1'));
    const response = await api.send('GET /metrics');
    expect(response.status).toBe(200);
    const family = families[metric]!;
    expect(response.body).toEqual(expect.stringContaining(`# HELP ${family} `));
    expect(response.body).toEqual(expect.stringContaining(`# TYPE ${family} `));
    expect(response.body).toMatch(new RegExp(`^${family}(\\{[^}]*\\})? \\S+$`, 'm'));
  });
});
