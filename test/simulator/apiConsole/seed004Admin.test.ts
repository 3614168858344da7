import { describe, expect, it } from 'vitest';
import { recordMetrics, stopRecordingMetrics } from '../../../src/simulator/metrics/registry';
import { openConsole } from './consoleFixture';

/** Placed through seed 002's command API: no saga, so the log holds exactly the events these tests count. */
const order = `POST /api/v1/orders/order
Content-Type: application/json

{"customerId": "550e8400-e29b-41d4-a716-446655440000", "items": [{"productId": "book-42", "quantity": 2, "price": 29.99}]}`;

describe('seed 004 admin API: projections', () => {
  it('lists every projection with its checkpoint, the head and its lag, a paused one behind', async () => {
    const api = await openConsole();
    api.simulator.projector.pause('orders');
    await api.send(order);
    await api.send(order);
    await api.settle();

    const response = await api.send('GET /api/v1/admin/projections');
    expect(response).toMatchObject({ status: 200, seed: '004', route: 'GET /api/v1/admin/projections' });
    const body = response.body as { head_position: number; delay_ms: number; projections: Array<Record<string, unknown>> };
    expect([body.head_position, body.delay_ms]).toEqual([2, 0]);
    expect(body.projections.map((projection) => projection['name'])).toEqual(
      api.simulator.projector.getStatus().projections.map((projection) => projection.name),
    );
    expect(body.projections.find((projection) => projection['name'] === 'orders')).toMatchObject({
      state: 'paused',
      checkpoint: 0,
      head: 2,
      lag: 2,
      lag_seconds: expect.any(Number),
      paused: true,
      fault: null,
    });
    expect(body.projections.filter((projection) => projection['lag'] !== 0).map((projection) => projection['name'])).toEqual(['orders']);
  });

  it('shows one projection by name, and says which names exist when it does not know one', async () => {
    const api = await openConsole();
    await api.send(order);
    await api.settle();

    expect(await api.send('GET /api/v1/admin/projections/orders')).toMatchObject({
      status: 200,
      body: { name: 'orders', state: 'idle', checkpoint: 1, head: 1, lag: 0, lag_seconds: 0, paused: false, fault: null },
    });
    const missing = await api.send('GET /api/v1/admin/projections/invoices');
    expect(missing).toMatchObject({
      status: 404,
      body: { error: 'Not Found', message: 'no projection named invoices', hint: expect.stringContaining('orders') },
    });
  });

  it('replays a projection from the whole log, so a paused read model is rebuilt and caught up', async () => {
    const api = await openConsole();
    api.simulator.projector.pause('orders');
    await api.send(order);
    await api.send(order);
    await api.send('PUT /api/v1/orders/order/o-1/status {"status": "confirmed"}');

    const response = await api.send('POST /api/v1/admin/projections/orders/replay');
    expect(response).toMatchObject({
      status: 200,
      route: 'POST /api/v1/admin/projections/{name}/replay',
      body: { projection: 'orders', events_replayed: 3, checkpoint: 3, head: 3, lag: 0 },
    });
    expect((await api.simulator.queries.orderById('o-1'))?.status).toBe('confirmed');
  });

  it('refuses a replay of an unknown projection (404) and a replay sent as GET (405)', async () => {
    const api = await openConsole();
    expect((await api.send('POST /api/v1/admin/projections/nope/replay')).status).toBe(404);
    expect(await api.send('GET /api/v1/admin/projections/orders/replay')).toMatchObject({ status: 405, headers: { Allow: 'POST' } });
  });
});

describe('seed 004: GET /metrics', () => {
  it('answers Prometheus text: the commands sent since recording started timed, each projection’s lag', async () => {
    const api = await openConsole();
    // As the app does once the store is open: recording starts before the first command.
    recordMetrics(api.simulator, { sampleEveryMs: 0 });
    api.simulator.projector.pause('orders');
    await api.send(order);
    await api.send('PUT /api/v1/orders/order/o-1/status {"status": "shipped"}');
    await api.settle();

    const response = await api.send('GET /metrics');
    expect(response).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' } });
    const text = String(response.body);
    expect(text).toContain('# TYPE workbook_command_duration_seconds summary\n');
    expect(text).toMatch(/^workbook_command_duration_seconds_count 2$/m);
    expect(text).toMatch(/^workbook_command_duration_seconds\{quantile="0\.99"\} \d+(\.\d+)?(e-\d+)?$/m);
    expect(text).toMatch(/^workbook_commands_rejected_total\{command="UpdateOrderStatus",kind="rule"\} 1$/m);
    expect(text).toMatch(/^workbook_events_total 1$/m);
    expect(text).toMatch(/^workbook_projection_lag_events\{projection="orders"\} 1$/m);
    stopRecordingMetrics(api.simulator);
  });
});

describe('seed 004: the cache hit ratio on GET /metrics', () => {
  it('counts a query asked again before its read model moved as a hit, and one after an applied event as a miss', async () => {
    const api = await openConsole();
    await api.send(order);
    await api.settle();
    await api.send('GET /api/v1/orders?status=pending');
    await api.send('GET /api/v1/orders?status=pending');
    await api.send('GET /api/v1/orders?status=pending');
    await api.send('PUT /api/v1/orders/order/o-1/status {"status": "confirmed"}', { readYourWrites: true });
    await api.send('GET /api/v1/orders?status=pending');

    const text = String((await api.send('GET /metrics')).body);
    expect(text).toMatch(/^workbook_read_cache_hits_total 2$/m);
    expect(text).toMatch(/^workbook_read_cache_misses_total 2$/m);
    expect(text).toMatch(/^workbook_read_cache_hit_ratio 0\.5$/m);
  });
});

describe('seed 004 admin API: sagas', () => {
  it("shows an order's saga in snake_case: its status, the correlation id and each step", async () => {
    const api = await openConsole();
    const started = await api.simulator.sagas.placeOrder({ customerId: 'c-1', items: [{ product: 'Laptop', quantity: 1 }] });
    if (!started.ok) throw new Error(started.message);
    await api.simulator.sagas.whenIdle();

    const response = await api.send(`GET /api/v1/admin/sagas/${started.orderId}`);
    expect(response).toMatchObject({
      status: 200,
      route: 'GET /api/v1/admin/sagas/{order_id}',
      body: {
        saga_id: started.sagaId,
        order_id: started.orderId,
        status: 'completed',
        failure_reason: null,
        correlation_id: started.correlationId,
        started_at: expect.any(String),
      },
    });
    const timeline = (response.body as { timeline: Array<Record<string, unknown>> }).timeline;
    expect(timeline.map((entry) => `${String(entry['step'])} ${String(entry['outcome'])}`)).toEqual([
      'placeOrder succeeded',
      'reserveStock succeeded',
      'chargePayment succeeded',
      'confirmOrder succeeded',
    ]);
    expect(Object.keys(timeline[0]!)).toEqual(['step', 'kind', 'outcome', 'detail', 'at', 'event_id', 'global_position']);
  });

  it('answers 404 for an order placed through seed 002, saying why', async () => {
    const api = await openConsole();
    await api.send(order);
    expect(await api.send('GET /api/v1/admin/sagas/o-1')).toMatchObject({
      status: 404,
      body: { message: 'no saga for order o-1', hint: expect.stringContaining('seed 000 or 002 has none') },
    });
  });

  it('an order placed through seed 004’s command API runs its saga, which the admin API then shows (it was a 404)', async () => {
    const api = await openConsole();
    const placed = await api.send('POST /api/v1/orders {"customer_id": "c-1", "items": [{"product_id": "Keyboard", "quantity": 1, "price": 75}]}');
    expect(placed).toMatchObject({ status: 201, body: { order_id: 'o-1', saga: '/api/v1/admin/sagas/o-1' } });
    await api.settle();
    const saga = await api.send('GET /api/v1/admin/sagas/o-1');
    expect(saga).toMatchObject({ status: 200, body: { order_id: 'o-1', status: 'completed', correlation_id: expect.any(String) } });
    expect((saga.body as { timeline: { step: string }[] }).timeline.map((entry) => entry.step)).toEqual([
      'placeOrder',
      'reserveStock',
      'chargePayment',
      'confirmOrder',
    ]);
    // The saga shares the order's correlation id: the trace follows the request into every step.
    const [placedEvent] = await api.simulator.store.readStream('order-o-1');
    expect((saga.body as { correlation_id: string }).correlation_id).toBe(placedEvent!.metadata.correlationId);
    expect((await api.send('GET /api/v1/orders/o-1')).body).toMatchObject({ status: 'confirmed' });
  });

  it('an order whose product has no stock is compensated: the saga fails the reservation and cancels the order', async () => {
    const api = await openConsole();
    await api.send('POST /api/v1/orders {"customer_id": "c-1", "items": [{"product_id": "book-42", "quantity": 1, "price": 29.99}]}');
    await api.settle();
    expect(await api.send('GET /api/v1/admin/sagas/o-1')).toMatchObject({
      status: 200,
      body: { status: 'compensated', failure_reason: expect.stringContaining('book-42 is out of stock') },
    });
    expect((await api.send('GET /api/v1/orders/o-1')).body).toMatchObject({ status: 'cancelled' });
  });
});
