import { describe, expect, it } from 'vitest';
import { openConsole } from './consoleFixture';

const john = 'POST /users/ {"first_name":"John","last_name":"Doe","email":"john.doe@example.com"}';

describe('seed 001 endpoints', () => {
  it('POST /users/ creates users numbered 1, 2, … as the seed’s SQLite ids', async () => {
    const api = await openConsole();
    const first = await api.send(john);
    const second = await api.send('POST /users/ {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com"}');

    expect(first).toMatchObject({ status: 201, seed: '001', headers: { Location: '/users/1' }, body: { user_id: 1 } });
    expect(second.body).toMatchObject({ user_id: 2 });
    expect(await api.simulator.store.streamIds('user-')).toEqual(['user-1', 'user-2']);
  });

  it('POST /users/ skips a row number another writer already took', async () => {
    const api = await openConsole();
    await api.simulator.execute('CreateUser', { userId: '7', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
    expect((await api.send(john)).body).toMatchObject({ user_id: 8 });
  });

  it('POST /users/ refuses a bad email under the seed’s field name', async () => {
    const api = await openConsole();
    const response = await api.send('POST /users/ {"first_name":"John","last_name":"Doe","email":"not-an-email"}');
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ detail: [{ loc: ['body', 'email'], msg: expect.stringMatching(/valid email/), type: 'value_error' }] });
    expect(await api.head()).toBe(0);
  });

  it('PUT /users/{id} updates the email; the same email again is a 409, an unknown user a 404', async () => {
    const api = await openConsole();
    await api.send(john);

    expect(await api.send('PUT /users/1 {"email":"john.new@example.com"}')).toMatchObject({
      status: 200,
      body: { user_id: 1, email: 'john.new@example.com' },
    });
    expect((await api.send('PUT /users/1 {"email":"john.new@example.com"}')).status).toBe(409);
    expect((await api.send('PUT /users/99 {"email":"x@example.com"}')).status).toBe(404);
  });

  it('GET /users/{id} and GET /users/ read the users read model', async () => {
    const api = await openConsole();
    await api.send(john);
    await api.send('PUT /users/1 {"email":"john.new@example.com"}');
    await api.settle();

    const expected = { user_id: 1, first_name: 'John', last_name: 'Doe', email: 'john.new@example.com' };
    expect(await api.send('GET /users/1')).toMatchObject({ status: 200, body: expected });
    expect((await api.send('GET /users/')).body).toEqual([expected]);
    expect((await api.send('GET /users/2')).status).toBe(404);
  });

  it('GET /events/ lists the stored user events in the seed’s shape, read from the log (no lag)', async () => {
    const api = await openConsole();
    api.simulator.projector.pause('users');
    await api.send(john);
    await api.send('PUT /users/1 {"email":"john.new@example.com"}');

    expect((await api.send('GET /events/')).body).toEqual([
      { id: 1, type: 'UserCreated', data: { user_id: 1, first_name: 'John', last_name: 'Doe', email: 'john.doe@example.com' } },
      {
        id: 2,
        type: 'UserEmailUpdated',
        data: { user_id: 1, new_email: 'john.new@example.com', previous_email: 'john.doe@example.com' },
      },
    ]);
  });
});
