import { describe, expect, it } from 'vitest';
import { openConsole } from './consoleFixture';

/**
 * Idempotency-Key bound to its request (method, path, body fingerprint), as the IETF draft and Stripe bind it. Every
 * misuse answers its status and message and leaves the log as it was.
 */

const keyed = (key: string, request: string): string => {
  const [line, ...rest] = request.split(' ');
  return `${line} ${rest[0]}\nIdempotency-Key: ${key}\n\n${rest.slice(1).join(' ')}`;
};
const order = (quantity: number) =>
  `POST /api/v1/orders {"customer_id":"c-1","items":[{"product_id":"book-42","quantity":${quantity},"price":29.99}]}`;

describe('Idempotency-Key bound to its request', () => {
  it('the same request again replays the first answer with Idempotent-Replayed: true, and appends nothing', async () => {
    const api = await openConsole();
    const first = await api.send(keyed('checkout-1', order(2)));
    expect(first.status).toBe(201);
    const head = await api.head();

    const again = await api.send(keyed('checkout-1', order(2)));
    expect(again).toMatchObject({ status: 201, headers: { 'Idempotent-Replayed': 'true', Location: first.headers['Location'] } });
    expect(again.body).toEqual(first.body);
    expect(await api.head()).toBe(head);
  });

  it('the body is compared by meaning: the same fields in another order are the same request', async () => {
    const api = await openConsole();
    await api.send(keyed('checkout-1', order(2)));
    const reordered = await api.send(
      'POST /api/v1/orders\nIdempotency-Key: checkout-1\n\n{"items":[{"price":29.99,"quantity":2,"product_id":"book-42"}],"customer_id":"c-1"}',
    );
    expect(reordered.headers['Idempotent-Replayed']).toBe('true');
  });

  it('the same key with another body is 422 naming the first request, and appends nothing', async () => {
    const api = await openConsole();
    await api.send(keyed('checkout-1', order(2)));
    const head = await api.head();

    const other = await api.send(keyed('checkout-1', order(5)));
    expect(other).toMatchObject({
      status: 422,
      statusText: 'Unprocessable Entity',
      body: { message: expect.stringMatching(/^Idempotency-Key checkout-1 was first used for POST \/api\/v1\/orders with another body\./) },
    });
    expect(await api.head()).toBe(head);
  });

  it('the same key on another endpoint is 422 naming the first request (it was a 500 folding the wrong decider)', async () => {
    const api = await openConsole();
    await api.send(keyed('k-1', order(2)));
    const head = await api.head();

    const user = await api.send('POST /users/\nIdempotency-Key: k-1\n\n{"first_name":"John","last_name":"Doe","email":"john@example.com"}');
    expect(user).toMatchObject({
      status: 422,
      body: { message: expect.stringMatching(/^Idempotency-Key k-1 was first used for POST \/api\/v1\/orders, not POST \/users\. /) },
    });
    expect(await api.head()).toBe(head);
  });

  it('a status update sent twice under one key replays its own answer, not a message made up from the replayed event', async () => {
    const api = await openConsole();
    await api.send('POST /orders/ {"customer_id":"123","product":"Laptop","quantity":2}');
    const first = await api.send('PUT /orders/o-1/status/\nIdempotency-Key: ship-1\n\n{"new_status":"shipped"}');
    const head = await api.head();
    const again = await api.send('PUT /orders/o-1/status/\nIdempotency-Key: ship-1\n\n{"new_status":"shipped"}');
    expect(again).toMatchObject({ status: 200, body: first.body, headers: { 'Idempotent-Replayed': 'true' } });
    const misuse = await api.send('PUT /orders/o-1/status/\nIdempotency-Key: ship-1\n\n{"new_status":"cancelled"}');
    expect(misuse).toMatchObject({ status: 422, body: { message: expect.stringMatching(/PUT \/orders\/o-1\/status with another body/) } });
    expect(await api.head()).toBe(head);
  });

  it('a key whose first request has no answer yet is 409, and the first still gets its answer', async () => {
    const api = await openConsole();
    // Holds the first request inside its append, as a slow disk or another tab's request would be.
    const store = api.simulator.store;
    const append = store.appendToStream.bind(store);
    let entered!: () => void;
    const appending = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    Object.assign(store, {
      appendToStream: async (...args: Parameters<typeof append>) => {
        entered();
        await released;
        return append(...args);
      },
    });

    const first = api.send(keyed('k-2', order(1)));
    await appending;
    const second = await api.send(keyed('k-2', order(1)));
    expect(second).toMatchObject({
      status: 409,
      body: { error: 'Conflict', message: expect.stringMatching(/^A request with Idempotency-Key k-2 is still being processed \(in this tab or another\)/) },
    });
    expect(await api.head()).toBe(0);
    release();
    expect((await first).status).toBe(201);
    expect(await api.ordersPlaced()).toBe(1);
  });

  it('a key the log knows from a command not sent as this request is refused with 422, appending nothing', async () => {
    const api = await openConsole();
    await api.simulator.execute('CreateUser', { userId: 'u-1', firstName: 'Ada', lastName: 'L', email: 'ada@example.com' }, { commandId: 'form-1' });
    const response = await api.send(keyed('form-1', order(1)));
    expect(response).toMatchObject({ status: 422, body: { message: expect.stringMatching(/already names a command in the log \(UserCreated on user-u-1, event #1\)/) } });
    expect(await api.head()).toBe(1);
  });

  it('after a reset the log no longer has the key’s events, so the key is free again', async () => {
    const api = await openConsole();
    await api.send(keyed('k-3', order(1)));
    await api.settle();
    await api.simulator.reset();
    const fresh = await api.send(keyed('k-3', order(1)));
    expect(fresh.status).toBe(201);
    expect(fresh.headers['Idempotent-Replayed']).toBeUndefined();
    expect(await api.ordersPlaced()).toBe(1);
  });
});
