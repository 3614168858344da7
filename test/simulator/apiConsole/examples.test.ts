import { describe, expect, it } from 'vitest';
import { exampleGroups, fillIds, idsCreatedBy } from '../../../src/simulator/apiConsole/examples';
import { parseRequest } from '../../../src/simulator/apiConsole/parseRequest';
import { matchRoute } from '../../../src/simulator/apiConsole/routes';
import { openConsole } from './consoleFixture';

describe('example requests', () => {
  it('every seed example reaches an endpoint of its own seed', () => {
    for (const group of exampleGroups.filter((candidate) => candidate.seed !== 'malformed')) {
      for (const example of group.examples) {
        const parsed = parseRequest(fillIds(example.request, { order_id: 'o-1', user_id: '1' }));
        expect(parsed.ok, example.label).toBe(true);
        if (!parsed.ok) continue;
        expect(matchRoute(parsed.request.method, parsed.request.path), example.label).toMatchObject({
          kind: 'found',
          route: { seed: group.seed },
        });
      }
    }
  });

  it('button labels are unique, so each is one click away by its name', () => {
    const labels = exampleGroups.flatMap((group) => group.examples.map((example) => example.label));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('played in order, each seed’s examples succeed on the ids the console created', async () => {
    const api = await openConsole();
    let ids = {};
    const playable = ['POST /orders/', 'PUT /orders/{order_id}/status/ (processing)', 'POST /users/', 'PUT /users/{user_id}', 'POST /api/v1/orders'];
    for (const label of playable) {
      const example = exampleGroups.flatMap((group) => group.examples).find((candidate) => candidate.label === label);
      const response = await api.send(fillIds(example?.request ?? '', ids), { readYourWrites: true });
      expect(response.status, label).toBeLessThan(300);
      ids = { ...ids, ...idsCreatedBy(response) };
    }
    expect(ids).toEqual({ order_id: 'o-2', user_id: '1' });
    expect((await api.send(fillIds('GET /api/v1/admin/events/{order_id}', ids))).status).toBe(200);
  });

  it('every refused example is refused', async () => {
    const api = await openConsole();
    await api.send('POST /orders/ {"customer_id":"123","product":"Laptop","quantity":2}');
    const refused = exampleGroups.find((group) => group.seed === 'malformed')?.examples ?? [];
    for (const example of refused) {
      const response = await api.send(fillIds(example.request, { order_id: 'o-1' }));
      expect(response.status, example.label).toBeGreaterThanOrEqual(400);
    }
    expect(await api.head()).toBe(1);
  });

  it('a placeholder with no id yet stays, and ids are put in URL-encoded', () => {
    expect(fillIds('GET /orders/{order_id}/', {})).toBe('GET /orders/{order_id}/');
    expect(fillIds('GET /users/{user_id}', { user_id: 'a b' })).toBe('GET /users/a%20b');
  });
});
