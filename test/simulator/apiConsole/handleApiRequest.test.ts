import { describe, expect, it } from 'vitest';
import { apiRoutes, matchRoute } from '../../../src/simulator/apiConsole/routes';
import { openConsole } from './consoleFixture';

describe('routing a request to a seed’s endpoint', () => {
  it('a fixed path segment beats a parameter: summary is seed 002’s, an id is seed 004’s', () => {
    expect(matchRoute('GET', '/api/v1/orders/summary')).toMatchObject({ kind: 'found', route: { seed: '002' } });
    expect(matchRoute('GET', '/api/v1/orders/o-1')).toMatchObject({ kind: 'found', route: { seed: '004' }, params: { order_id: 'o-1' } });
    expect(matchRoute('GET', '/api/v1/orders')).toMatchObject({ kind: 'found', route: { seed: '002' } });
    expect(matchRoute('POST', '/api/v1/orders')).toMatchObject({ kind: 'found', route: { seed: '004' } });
  });

  it('takes a path with or without its trailing slash', () => {
    expect(matchRoute('GET', '/orders')).toMatchObject({ kind: 'found', route: { pattern: '/orders/' } });
    expect(matchRoute('GET', '/users/1/')).toMatchObject({ kind: 'found', params: { user_id: '1' } });
  });

  it('every route of the table is reachable by its own pattern', () => {
    for (const route of apiRoutes) {
      const path = route.pattern.replace(/\{\w+\}/g, 'x-1');
      expect(matchRoute(route.method, path)).toMatchObject({ kind: 'found', route: { pattern: route.pattern } });
    }
  });
});

describe('answering as an HTTP service would', () => {
  it('405 with Allow for a known path and the wrong method; 404 for an unknown path', async () => {
    const api = await openConsole();
    const wrongMethod = await api.send('DELETE /orders/');
    expect(wrongMethod).toMatchObject({ status: 405, statusText: 'Method Not Allowed', headers: { Allow: 'POST, GET' } });
    expect(wrongMethod.body).toMatchObject({ message: '/orders/ does not take DELETE; it takes POST, GET.' });

    expect((await api.send('GET /api/v1/orders/order')).headers['Allow']).toBe('POST');
    expect(await api.send('PATCH /users/1 {}')).toMatchObject({ status: 405 });

    const unknown = await api.send('GET /products/');
    expect(unknown).toMatchObject({ status: 404, body: { message: expect.stringMatching(/No endpoint at \/products\//) } });
    expect(unknown.seed).toBeUndefined();
  });

  it('400 for a malformed request, with the reason; 413 for a huge body', async () => {
    const api = await openConsole();
    expect(await api.send('FETCH /orders/')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/not an HTTP method/) } });
    expect(await api.send('POST /orders/ {"product": "Laptop",}')).toMatchObject({
      status: 400,
      body: { error: 'Bad Request', message: expect.stringMatching(/not valid JSON at line 1, column 22 of the body.*trailing comma/) },
    });
    expect((await api.send(`POST /orders/ {"product": "${'x'.repeat(200_000)}"}`)).status).toBe(413);
  });

  it('400 for a body on a GET or DELETE and a missing body on a POST or PUT; FastAPI’s 422 for a body that is not an object', async () => {
    const api = await openConsole();
    expect(await api.send('GET /orders/ {"status":"pending"}')).toMatchObject({
      status: 400,
      seed: '000',
      body: { message: expect.stringMatching(/takes no body.*query string/) },
    });
    expect((await api.send('DELETE /api/v1/orders/order/o-1 {}')).status).toBe(400);
    expect(await api.send('POST /orders/')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/needs a JSON body/) } });
    expect(await api.send('PUT /orders/o-1/status/ ["shipped"]')).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body'], msg: expect.stringMatching(/JSON object/), type: 'value_error' }] },
    });
    expect(await api.send('PUT /api/v1/orders/order/o-1/status ["shipped"]')).toMatchObject({
      status: 400,
      body: { issues: [{ field: 'body', message: expect.stringMatching(/JSON object/) }] },
    });
    expect(await api.head()).toBe(0);
  });

  it('415 for a body declared as something other than JSON', async () => {
    const api = await openConsole();
    const response = await api.send('POST /orders/\nContent-Type: text/plain\n\n{"customer_id":"1","product":"Laptop","quantity":1}');
    expect(response.status).toBe(415);
    expect(await api.head()).toBe(0);
  });

  it('a query parameter the endpoint does not know and a malformed Idempotency-Key are refused (FastAPI’s 422 on seeds 000/001)', async () => {
    const api = await openConsole();
    expect(await api.send('GET /users/?sort=name')).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['query', 'sort'], msg: expect.stringMatching(/takes none/) }] },
    });
    expect(await api.send('GET /api/v1/orders/summary?sort=name')).toMatchObject({
      status: 400,
      body: { issues: [{ field: 'sort', message: expect.stringMatching(/takes none/) }] },
    });
    const badKey = await api.send('POST /orders/\nIdempotency-Key: has spaces\n\n{"customer_id":"1","product":"Laptop","quantity":1}');
    expect(badKey).toMatchObject({ status: 422, body: { detail: [{ loc: ['header', 'Idempotency-Key'] }] } });
    expect(await api.head()).toBe(0);
  });

  it('500 when the store itself fails, and the console keeps answering', async () => {
    const api = await openConsole();
    const readStream = api.simulator.store.readStream.bind(api.simulator.store);
    Object.assign(api.simulator.store, { readStream: () => Promise.reject(new Error('disk on fire')) });
    const originalError = console.error;
    console.error = () => undefined;
    try {
      expect(await api.send('GET /api/v1/admin/events/o-1')).toMatchObject({
        status: 500,
        body: { message: 'The endpoint failed: disk on fire' },
      });
    } finally {
      console.error = originalError;
      Object.assign(api.simulator.store, { readStream });
    }
    expect((await api.send('GET /api/v1/admin/events/o-1')).status).toBe(404);
  });
});
