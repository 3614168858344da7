import { describe, expect, it } from 'vitest';
import { openConsole } from './consoleFixture';

/**
 * Optimistic concurrency over HTTP (seed 002): GET gives the order's version as its ETag; a command sent with a
 * version the order no longer has is refused (412 for If-Match, 409 for the body's expectedVersion), writes nothing,
 * and says the current version.
 */

const place = 'POST /api/v1/orders/order {"customerEmail":"ada@example.com","items":[{"productId":"Laptop","quantity":1,"price":999.99}]}';

async function placedAndRead() {
  const api = await openConsole();
  await api.send(place, { readYourWrites: true });
  const read = await api.send('GET /api/v1/orders/order/o-1');
  return { api, read };
}

describe('seed 002: optimistic concurrency over HTTP', () => {
  it('GET of an order carries its version as the ETag, and in the data', async () => {
    const { read } = await placedAndRead();
    expect(read).toMatchObject({ status: 200, headers: { ETag: '"1"' }, body: { data: { orderId: 'o-1', version: 1 } } });
  });

  it('a command with the current If-Match goes through and answers the new ETag', async () => {
    const { api } = await placedAndRead();
    const confirmed = await api.send('PUT /api/v1/orders/order/o-1/status\nIf-Match: "1"\n\n{"status":"confirmed"}');
    expect(confirmed).toMatchObject({ status: 200, headers: { ETag: '"2"' }, body: { data: { status: 'confirmed', version: 2 } } });
  });

  it('a stale If-Match is 412 Precondition Failed, says the current version, and writes nothing', async () => {
    const { api, read } = await placedAndRead();
    // Another client confirms the order after this one read it.
    await api.send('PUT /api/v1/orders/order/o-1/status {"status":"confirmed"}');
    const head = await api.head();

    const stale = await api.send(`PUT /api/v1/orders/order/o-1/cancel\nIf-Match: ${read.headers['ETag']}\n\n{"reason":"changed my mind"}`);
    expect(stale).toMatchObject({
      status: 412,
      statusText: 'Precondition Failed',
      headers: { ETag: '"2"' },
      body: { error: 'Precondition Failed', message: expect.stringMatching(/If-Match "1" no longer matches: the order is at version 2/) },
    });
    expect(await api.head()).toBe(head);
  });

  it('a stale expectedVersion in the body is 409 Conflict with the store’s message, and writes nothing', async () => {
    const { api } = await placedAndRead();
    await api.send('PUT /api/v1/orders/order/o-1/status {"status":"confirmed"}');
    const head = await api.head();

    const stale = await api.send('PUT /api/v1/orders/order/o-1/status {"status":"cancelled","expectedVersion":1}');
    expect(stale).toMatchObject({
      status: 409,
      headers: { ETag: '"2"' },
      body: { error: 'Conflict', message: 'Stream order-o-1 is at version 2, but the command expected version 1.' },
    });
    expect(await api.head()).toBe(head);
    expect((await api.send('PUT /api/v1/orders/order/o-1/status {"status":"processing","expectedVersion":2}')).status).toBe(200);
  });

  it('DELETE takes If-Match too; without a version a command runs as before', async () => {
    const { api } = await placedAndRead();
    expect((await api.send('DELETE /api/v1/orders/order/o-1\nIf-Match: "7"')).status).toBe(412);
    expect(await api.head()).toBe(1);
    expect((await api.send('DELETE /api/v1/orders/order/o-1\nIf-Match: *')).status).toBe(200);
  });

  it('a malformed If-Match or expectedVersion is a 400 naming the field, and writes nothing', async () => {
    const { api } = await placedAndRead();
    expect(await api.send('PUT /api/v1/orders/order/o-1/status\nIf-Match: version-1\n\n{"status":"confirmed"}')).toMatchObject({
      status: 400,
      body: { issues: [{ field: 'If-Match' }] },
    });
    expect(await api.send('PUT /api/v1/orders/order/o-1/status {"status":"confirmed","expectedVersion":"one"}')).toMatchObject({
      status: 400,
      body: { issues: [{ field: 'expectedVersion' }] },
    });
    expect(await api.head()).toBe(1);
  });

  it('two clients that read the same version: the first write wins, the second gets 412', async () => {
    const { api } = await placedAndRead();
    const [first, second] = await Promise.all([
      api.send('PUT /api/v1/orders/order/o-1/status\nIf-Match: "1"\n\n{"status":"confirmed"}'),
      api.send('PUT /api/v1/orders/order/o-1/cancel\nIf-Match: "1"\n\n{"reason":"too slow"}'),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 412]);
    expect(await api.head()).toBe(2);
  });
});

describe('seed 002: shipping through a status update', () => {
  it('records the tracking number the body gives', async () => {
    const { api } = await placedAndRead();
    for (const status of ['confirmed', 'processing']) await api.send(`PUT /api/v1/orders/order/o-1/status {"status":"${status}"}`);
    const shipped = await api.send('PUT /api/v1/orders/order/o-1/status {"status":"shipped","trackingNumber":"TRK-42"}');
    expect(shipped.status).toBe(200);
    expect((await api.simulator.store.readStream('order-o-1')).at(-1)).toMatchObject({ type: 'OrderShipped', data: { trackingNumber: 'TRK-42' } });
  });
});
