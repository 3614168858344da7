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

  it('POST /orders/ refuses bad fields as FastAPI does (422, detail with loc, msg, type), and appends nothing', async () => {
    const api = await openConsole();
    const response = await api.send('POST /orders/ {"customer_id":"","product":"Laptop","quantity":-1}');

    expect(response).toMatchObject({ status: 422, statusText: 'Unprocessable Entity' });
    expect(response.body).toEqual({
      detail: [
        { loc: ['body', 'customer_id'], msg: expect.any(String), type: expect.any(String) },
        { loc: ['body', 'quantity'], msg: 'must be a whole number of at least 1', type: 'value_error' },
      ],
    });
    const missing = await api.send('POST /orders/ {"product":"Laptop","quantity":2}');
    expect(missing.body).toEqual({ detail: [{ loc: ['body', 'customer_id'], msg: 'Field required', type: 'missing' }] });
    expect(await api.head()).toBe(0);
  });

  it('PUT /orders/{id}/status/ overwrites any status with any other, as a CRUD service does; each overwrite is an event', async () => {
    const api = await openConsole();
    await api.send(laptop);
    const sequence = ['processing', 'shipped', 'processing', 'pending', 'delivered', 'cancelled', 'shipped'];
    for (const status of sequence) {
      expect(await api.send(`PUT /orders/o-1/status/ {"new_status":"${status}"}`)).toMatchObject({
        status: 200,
        body: { order_id: 'o-1', message: `Order status updated to ${status}` },
      });
    }
    const events = await api.simulator.store.readStream('order-o-1');
    expect(events.map((event) => event.type)).toEqual(['OrderPlaced', ...sequence.map(() => 'OrderStatusSet')]);
    expect(events.slice(1).map((event) => event.data)).toEqual(
      sequence.map((status, index) => expect.objectContaining({ status, previousStatus: ['pending', ...sequence][index] })),
    );
    await api.settle();
    expect((await api.send('GET /orders/o-1/')).body).toMatchObject({ status: 'shipped' });
  });

  it('the CRUD row loses "processing" when the status becomes shipped; the events still say when it was processing', async () => {
    const api = await openConsole();
    await api.send(laptop);
    await api.send('PUT /orders/o-1/status/ {"new_status":"processing"}');
    await api.send('PUT /orders/o-1/status/ {"new_status":"shipped"}');

    expect(await api.simulator.crud.get('o-1')).toMatchObject({ status: 'shipped' });
    const processing = (await api.simulator.store.readStream('order-o-1')).find(
      (event) => event.type === 'OrderStatusSet' && (event.data as { status: string }).status === 'processing',
    );
    expect(processing?.data).toMatchObject({ previousStatus: 'pending', setAt: expect.any(String) });
  });

  it('PUT /orders/{id}/status/ answers 404 for an unknown order and FastAPI’s 422 for an unknown or missing status', async () => {
    const api = await openConsole();
    await api.send(laptop);

    expect(await api.send('PUT /orders/nope/status/ {"new_status":"confirmed"}')).toMatchObject({
      status: 404,
      body: { message: expect.stringMatching(/nope/) },
    });

    const unknown = await api.send('PUT /orders/o-1/status/ {"new_status":"teleported"}');
    expect(unknown).toMatchObject({ status: 422 });
    expect(unknown.body).toEqual({
      detail: [{ loc: ['body', 'new_status'], msg: expect.stringMatching(/not a status.*pending, confirmed, processing, shipped, delivered, cancelled/), type: 'value_error' }],
    });
    expect((await api.send('PUT /orders/o-1/status/ {}')).body).toEqual({
      detail: [{ loc: ['body', 'new_status'], msg: 'Field required', type: 'missing' }],
    });
    expect(await api.head()).toBe(1);
  });

  it('seed 002’s status endpoint keeps the state machine on the same order', async () => {
    const api = await openConsole();
    await api.send(laptop);
    const illegal = await api.send('PUT /api/v1/orders/order/o-1/status {"status":"shipped"}');
    expect(illegal).toMatchObject({ status: 409, body: { message: expect.stringMatching(/pending.*confirmed, cancelled/) } });
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
    expect(await api.send('GET /orders/?limit=0')).toMatchObject({ status: 422, body: { detail: [{ loc: ['query', 'limit'] }] } });
  });
});
