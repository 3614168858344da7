import { describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './consoleFixture';

const adaLaptop = 'POST /api/v1/orders/order {"customerEmail":"ada@example.com","items":[{"productId":"Laptop","quantity":1,"price":999.99}]}';
const graceKeyboards =
  'POST /api/v1/orders/order {"customerEmail":"grace@example.com","items":[{"product":"Mechanical keyboard","quantity":3,"unitPrice":49.5}]}';

/** Two customers, three orders: o-1 Ada's laptop (confirmed), o-2 Grace's keyboards (pending), o-3 Ada's mouse (cancelled). */
async function shop(): Promise<ConsoleFixture> {
  const api = await openConsole();
  await api.send(adaLaptop);
  await api.send(graceKeyboards);
  await api.send('POST /api/v1/orders/order {"customerEmail":"ada@example.com","items":[{"name":"Mouse","quantity":1,"price":20}]}');
  await api.send('PUT /api/v1/orders/order/o-1/status {"status":"confirmed"}');
  await api.send('PUT /api/v1/orders/order/o-3/cancel {"reason":"Found one at home"}');
  await api.settle();
  return api;
}

const orderIds = (body: unknown): string[] => (body as { data: { orderId: string }[] }).data.map((order) => order.orderId);

describe('seed 002 commands', () => {
  it('POST /api/v1/orders/order places the order: 201 with id, status, total and stream version', async () => {
    const api = await openConsole();
    expect(await api.send(adaLaptop)).toMatchObject({
      status: 201,
      seed: '002',
      headers: { Location: '/api/v1/orders/order/o-1' },
      body: { success: true, data: { orderId: 'o-1', status: 'pending', total: 999.99, version: 1 } },
    });
  });

  it('POST /api/v1/orders/order lists every bad field, under the name that was sent', async () => {
    const api = await openConsole();
    const response = await api.send('POST /api/v1/orders/order {"items":[{"productId":"Laptop","quantity":0,"price":9.999}]}');
    expect(response.status).toBe(400);
    expect((response.body as { issues: { field: string }[] }).issues.map((issue) => issue.field)).toEqual([
      'items[0].quantity',
      'items[0].price',
    ]);
    const anonymous = await api.send('POST /api/v1/orders/order {"items":[{"productId":"Laptop","quantity":1,"price":9.99}]}');
    expect(anonymous.body).toMatchObject({ issues: [{ field: 'customerId', message: 'is required when there is no customerEmail' }] });
    expect(await api.head()).toBe(0);
  });

  it('PUT …/status moves the order one legal step and reports the new version; an illegal step is 409', async () => {
    const api = await openConsole();
    await api.send(adaLaptop);
    expect(await api.send('PUT /api/v1/orders/order/o-1/status {"status":"confirmed"}')).toMatchObject({
      status: 200,
      body: { data: { orderId: 'o-1', status: 'confirmed', version: 2 } },
    });
    expect((await api.send('PUT /api/v1/orders/order/o-1/status {"status":"delivered"}')).status).toBe(409);
  });

  it('PUT …/cancel records the reason and the status the order had; cancelling twice is 409', async () => {
    const api = await openConsole();
    await api.send(adaLaptop);
    await api.send('PUT /api/v1/orders/order/o-1/status {"status":"confirmed"}');
    expect(await api.send('PUT /api/v1/orders/order/o-1/cancel {"reason":"Too expensive"}')).toMatchObject({
      status: 200,
      body: { data: { status: 'cancelled', reason: 'Too expensive', previousStatus: 'confirmed' } },
    });
    expect((await api.send('PUT /api/v1/orders/order/o-1/cancel {"reason":"Again"}')).status).toBe(409);
    expect((await api.send('PUT /api/v1/orders/order/o-1/cancel {}')).status).toBe(400);
  });

  it('DELETE …/order/{id} appends a tombstone: gone from the read model, still in the log', async () => {
    const api = await openConsole();
    await api.send(adaLaptop);
    expect(await api.send('DELETE /api/v1/orders/order/o-1')).toMatchObject({
      status: 200,
      body: { data: { orderId: 'o-1', previousStatus: 'pending', version: 2 } },
    });
    await api.settle();
    expect((await api.send('GET /api/v1/orders/order/o-1')).status).toBe(404);
    expect(await api.simulator.store.streamVersion('order-o-1')).toBe(2);
    expect((await api.send('DELETE /api/v1/orders/order/o-1')).status).toBe(409);
    expect((await api.send('DELETE /api/v1/orders/order/ghost')).status).toBe(404);
  });
});

describe('seed 002 queries', () => {
  it('GET /api/v1/orders lists orders newest first and filters by status, email and paging', async () => {
    const api = await shop();
    const all = await api.send('GET /api/v1/orders');
    expect(all).toMatchObject({ status: 200, body: { success: true, pagination: { total: 3, offset: 0, limit: 50 } } });
    expect(orderIds(all.body).sort()).toEqual(['o-1', 'o-2', 'o-3']);

    expect(orderIds((await api.send('GET /api/v1/orders?status=confirmed')).body)).toEqual(['o-1']);
    expect(orderIds((await api.send('GET /api/v1/orders?customerEmail=GRACE@example.com')).body)).toEqual(['o-2']);
    expect(orderIds((await api.send('GET /api/v1/orders?limit=2&offset=2')).body)).toHaveLength(1);
  });

  it('GET /api/v1/orders refuses a bad filter and an unknown parameter, naming each', async () => {
    const api = await shop();
    const response = await api.send('GET /api/v1/orders?status=lost&limit=many&from=yesterday');
    expect(response.status).toBe(400);
    expect((response.body as { issues: { field: string }[] }).issues.map((issue) => issue.field)).toEqual(['status', 'from', 'limit']);

    const typo = await api.send('GET /api/v1/orders?stauts=pending');
    expect(typo.status).toBe(400);
    expect(typo.body).toMatchObject({ issues: [{ field: 'stauts', message: expect.stringMatching(/status, customerEmail/) }] });
  });

  it('GET /api/v1/orders/order/{id} answers the read model’s document', async () => {
    const api = await shop();
    expect(await api.send('GET /api/v1/orders/order/o-1')).toMatchObject({
      status: 200,
      body: { success: true, data: { orderId: 'o-1', customerEmail: 'ada@example.com', status: 'confirmed', total: 999.99 } },
    });
  });

  it('GET /api/v1/orders/status/{status} and /customer/{email}', async () => {
    const api = await shop();
    expect((await api.send('GET /api/v1/orders/status/cancelled')).body).toMatchObject({ count: 1, data: [{ orderId: 'o-3' }] });
    expect((await api.send('GET /api/v1/orders/status/lost')).status).toBe(400);
    const ada = await api.send('GET /api/v1/orders/customer/ada%40example.com');
    expect(orderIds(ada.body).sort()).toEqual(['o-1', 'o-3']);
  });

  it('GET /api/v1/orders/summary counts per status and leaves cancelled orders out of the revenue', async () => {
    const api = await shop();
    const response = await api.send('GET /api/v1/orders/summary');
    expect(response).toMatchObject({
      status: 200,
      headers: { 'X-Read-Model-Lag': '0' },
      body: {
        data: {
          totalOrders: 3,
          totalRevenue: 1148.49,
          byStatus: { confirmed: { count: 1 }, pending: { count: 1 }, cancelled: { count: 1 } },
        },
      },
    });
  });

  it('GET /api/v1/orders/top-customers ranks customers by what they spent', async () => {
    const api = await shop();
    const response = await api.send('GET /api/v1/orders/top-customers?limit=1');
    expect(response.body).toEqual({
      success: true,
      data: [{ customerId: 'ada@example.com', customerEmail: 'ada@example.com', orderCount: 1, totalSpent: 999.99 }],
    });
  });

  it('GET /api/v1/orders/search?q= finds orders by product, and needs a q', async () => {
    const api = await shop();
    expect((await api.send('GET /api/v1/orders/search?q=keyboard')).body).toMatchObject({ count: 1, data: [{ orderId: 'o-2' }] });
    const missing = await api.send('GET /api/v1/orders/search');
    expect(missing).toMatchObject({ status: 400, body: { issues: [{ field: 'q' }] } });
  });
});
