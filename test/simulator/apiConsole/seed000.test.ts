import { describe, expect, it } from 'vitest';
import { openConsole } from './consoleFixture';

const laptop = 'POST /orders/ {"customer_id":"123","product":"Laptop","quantity":2}';

describe('seed 000 endpoints', () => {
  it('POST /orders/ places the order and answers 201 with its id, as the seed shows', async () => {
    const api = await openConsole();
    const response = await api.send(laptop);

    expect(response).toMatchObject({
      status: 201,
      statusText: 'Created',
      seed: '000',
      route: 'POST /orders/',
      headers: { Location: '/orders/o-1/' },
      body: { order_id: 'o-1', message: 'Order created successfully' },
    });
    const [placed] = await api.simulator.store.readStream('order-o-1');
    expect(placed).toMatchObject({
      type: 'OrderPlaced',
      data: { customerId: '123', customerEmail: null, items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }] },
    });
  });

  it('POST /orders/ refuses bad fields by their seed names with 400, and appends nothing', async () => {
    const api = await openConsole();
    const response = await api.send('POST /orders/ {"customer_id":"","product":"Laptop","quantity":-1}');

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: 'Bad Request',
      issues: [
        { field: 'customer_id', message: expect.any(String) },
        { field: 'quantity', message: 'must be a whole number of at least 1' },
      ],
    });
    expect(await api.head()).toBe(0);
  });

  it('PUT /orders/{id}/status/ records the step and says the new status; the history keeps every status', async () => {
    const api = await openConsole();
    await api.send(laptop);
    for (const status of ['confirmed', 'processing']) await api.send(`PUT /orders/o-1/status/ {"new_status":"${status}"}`);
    const response = await api.send('PUT /orders/o-1/status/ {"new_status":"shipped"}');

    expect(response).toMatchObject({ status: 200, body: { order_id: 'o-1', message: 'Order status updated to shipped' } });
    const types = (await api.simulator.store.readStream('order-o-1')).map((event) => event.type);
    expect(types).toEqual(['OrderPlaced', 'OrderConfirmed', 'OrderProcessingStarted', 'OrderShipped']);
  });

  it('PUT /orders/{id}/status/ answers 409 for an illegal transition, 404 for an unknown order, 400 for an unknown status', async () => {
    const api = await openConsole();
    await api.send(laptop);

    const illegal = await api.send('PUT /orders/o-1/status/ {"new_status":"shipped"}');
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ error: 'Conflict', message: expect.stringMatching(/pending.*confirmed, cancelled/) });

    expect((await api.send('PUT /orders/nope/status/ {"new_status":"confirmed"}')).status).toBe(404);

    const unknown = await api.send('PUT /orders/o-1/status/ {"new_status":"teleported"}');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ issues: [{ field: 'new_status', message: expect.stringMatching(/not a status/) }] });
    expect(await api.head()).toBe(1);
  });

  it('GET /orders/{id}/ reads the read model in the seed’s shape once the projector has caught up', async () => {
    const api = await openConsole();
    await api.send(laptop);
    await api.settle();

    expect(await api.send('GET /orders/o-1/')).toMatchObject({
      status: 200,
      headers: { 'X-Read-Model-Lag': '0' },
      body: { customer_id: '123', product: 'Laptop', quantity: 2, order_id: 'o-1', status: 'pending' },
    });
  });

  it('GET /orders/{id}/ of an order the read model has not applied yet is a 404 that says why', async () => {
    const api = await openConsole();
    api.simulator.projector.pause('orders');
    await api.send(laptop);

    const response = await api.send('GET /orders/o-1/');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ hint: expect.stringMatching(/"orders" read model is 1 event\(s\) behind/) });
  });

  it('GET /orders/{id}/ of an order that was never placed is a plain 404', async () => {
    const api = await openConsole();
    const response = await api.send('GET /orders/ghost/');
    expect(response).toMatchObject({ status: 404, body: { message: 'Order ghost not found' } });
    expect(response.body).not.toHaveProperty('hint');
  });

  it('GET /orders/ lists every order with its status, and pages with skip/limit', async () => {
    const api = await openConsole();
    await api.send(laptop);
    await api.send('POST /orders/ {"customer_id":"456","product":"Mouse","quantity":1}');
    await api.send('PUT /orders/o-2/status/ {"new_status":"cancelled"}');
    await api.settle();

    const all = await api.send('GET /orders/');
    expect(all.status).toBe(200);
    expect(all.headers['X-Total-Count']).toBe('2');
    expect(all.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ order_id: 'o-1', status: 'pending' }),
        expect.objectContaining({ order_id: 'o-2', product: 'Mouse', status: 'cancelled' }),
      ]),
    );
    expect((await api.send('GET /orders/?limit=1')).body).toHaveLength(1);
    expect((await api.send('GET /orders/?limit=0')).status).toBe(400);
  });
});
