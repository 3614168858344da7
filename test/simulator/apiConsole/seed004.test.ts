import { describe, expect, it } from 'vitest';
import { openConsole } from './consoleFixture';

const order = `POST /api/v1/orders
Content-Type: application/json

{"customer_id": "550e8400-e29b-41d4-a716-446655440000", "items": [{"product_id": "Mouse", "quantity": 2, "price": 25}]}`;

describe('seed 004 endpoints', () => {
  it('the command API places the order and answers before the query API can see it', async () => {
    const api = await openConsole();
    api.simulator.projector.pause('orders');
    const response = await api.send(order);

    expect(response).toMatchObject({
      status: 201,
      seed: '004',
      route: 'POST /api/v1/orders',
      headers: { Location: '/api/v1/orders/o-1' },
      body: { order_id: 'o-1', status: 'pending', total: 50, version: 1, saga: '/api/v1/admin/sagas/o-1' },
    });
    const query = await api.send('GET /api/v1/orders/o-1');
    expect(query.status).toBe(404);
    expect(query.body).toMatchObject({ hint: expect.stringMatching(/behind the log/) });
  });

  it('the query API shows the order in snake_case once its saga and the projection are done', async () => {
    const api = await openConsole();
    await api.send(order);
    await api.settle();

    expect(await api.send('GET /api/v1/orders/o-1')).toMatchObject({
      status: 200,
      body: {
        order_id: 'o-1',
        customer_id: '550e8400-e29b-41d4-a716-446655440000',
        items: [{ product_id: 'Mouse', quantity: 2, price: 25 }],
        total: 50,
        // Seed 004's orders go through the saga: stock reserved, payment charged, order confirmed.
        status: 'confirmed',
      },
    });
  });

  it('a GET right after the POST misses the order, unless read-your-writes waits for the projector', async () => {
    const api = await openConsole();
    api.simulator.projector.setDelay(300);
    await api.send(order);
    expect((await api.send('GET /api/v1/orders/o-1')).status).toBe(404);

    await api.send(order, { readYourWrites: true });
    expect((await api.send('GET /api/v1/orders/o-2')).status).toBe(200);
  });

  it('the same Idempotency-Key twice records the order once and answers with the first order', async () => {
    const api = await openConsole();
    const keyed = order.replace('Content-Type: application/json', 'Content-Type: application/json\nIdempotency-Key: checkout-1');
    const first = await api.send(keyed);
    const again = await api.send(keyed);

    expect(first.body).toMatchObject({ order_id: 'o-1' });
    expect(again).toMatchObject({ status: 201, headers: { 'Idempotent-Replayed': 'true' }, body: { order_id: 'o-1' } });
    expect(await api.ordersPlaced()).toBe(1);
  });

  it('the admin API lists the order’s event stream from the log, deleted orders included', async () => {
    const api = await openConsole();
    await api.send(order);
    await api.settle();
    await api.send('DELETE /api/v1/orders/order/o-1');
    await api.settle();

    const response = await api.send('GET /api/v1/admin/events/o-1');
    expect(response).toMatchObject({ status: 200, seed: '004', body: { order_id: 'o-1', stream_id: 'order-o-1', version: 3 } });
    const events = (response.body as { events: { type: string; version: number; metadata: { command_id: string } }[] }).events;
    expect(events.map((event) => [event.version, event.type])).toEqual([
      [1, 'OrderPlaced'],
      [2, 'OrderConfirmed'],
      [3, 'OrderDeleted'],
    ]);
    expect(events[0]?.metadata.command_id).toEqual(expect.any(String));

    const gone = await api.send('GET /api/v1/orders/o-1');
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ hint: expect.stringMatching(/deleted.*GET \/api\/v1\/admin\/events\/o-1/) });
  });

  it('the admin API answers 404 for an order with no events', async () => {
    const api = await openConsole();
    expect((await api.send('GET /api/v1/admin/events/none')).status).toBe(404);
  });
});
