import { describe, expect, it } from 'vitest';
import { listUsers, userById, userEvents } from '../../../src/projections/queries/userQueries';
import { usersProjection, type UserDoc } from '../../../src/projections/readModels/users';
import { laptop, placed, userCreated, userEmailUpdated } from '../support/orderHistory';
import { project } from '../support/project';

describe('users read model (seed 001)', () => {
  const history = [
    userCreated('2', 'jane@example.com', '2026-01-02T09:00:00.000Z'),
    userCreated('1', 'john.doe@example.com', '2026-01-01T09:00:00.000Z'),
    placed('1001', [laptop], '2026-01-02T10:00:00.000Z'),
    userEmailUpdated('1', 'john.doe@example.com', 'john.new@example.com', '2026-01-03T09:00:00.000Z'),
  ];

  it('shows the current email of each user, listed oldest first', async () => {
    const { docs } = await project([usersProjection], history);
    const users = [...(await docs<UserDoc>('users')).values()];
    expect(listUsers(users).map((user) => [user.userId, user.email])).toEqual([
      ['1', 'john.new@example.com'],
      ['2', 'jane@example.com'],
    ]);
    expect(userById(users, '1')).toMatchObject({
      firstName: 'John',
      lastName: 'Doe',
      createdAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-01-03T09:00:00.000Z',
    });
    expect(userById(users, 'nobody')).toBeUndefined();
  });

  it('lists the stored user events, old email included, and no order events', async () => {
    const { store } = await project([usersProjection], history);
    const events = await userEvents(store);
    expect(events.map((event) => event.type)).toEqual(['UserCreated', 'UserCreated', 'UserEmailUpdated']);
    expect(events[2]?.data).toMatchObject({ previousEmail: 'john.doe@example.com', newEmail: 'john.new@example.com' });
  });
});
