import { describe, expect, it } from 'vitest';
import { createMemoryCrudUserStore } from '../../src/crud/crudUsers';
import { DomainError, NotFoundError } from '../../src/domain/core/errors';

describe('CRUD users twin (seed 001)', () => {
  it('overwrites the email and records the one it lost', async () => {
    const users = createMemoryCrudUserStore();
    await users.createUser({ userId: '1', firstName: 'John', lastName: 'Doe', email: 'john.doe@example.com', at: 't0' });
    await users.updateEmail('1', 'john.new@example.com', 't1');
    expect(await users.get('1')).toEqual({
      userId: '1',
      firstName: 'John',
      lastName: 'Doe',
      email: 'john.new@example.com',
      updatedAt: 't1',
    });
    expect(await users.lossesOf('1')).toEqual([
      { userId: '1', field: 'email', oldValue: 'john.doe@example.com', newValue: 'john.new@example.com', at: 't1' },
    ]);
  });

  it('lists users by id and refuses duplicates and unknown users', async () => {
    const users = createMemoryCrudUserStore();
    await users.createUser({ userId: '2', firstName: 'Jane', lastName: 'Roe', email: 'jane@example.com', at: 't0' });
    await users.createUser({ userId: '1', firstName: 'John', lastName: 'Doe', email: 'john@example.com', at: 't0' });
    expect((await users.list()).map((user) => user.userId)).toEqual(['1', '2']);
    await expect(users.createUser({ userId: '1', firstName: 'X', lastName: 'Y', email: 'x@y.z', at: 't' })).rejects.toBeInstanceOf(DomainError);
    await expect(users.updateEmail('9', 'x@y.z', 't')).rejects.toBeInstanceOf(NotFoundError);
    await users.clear();
    expect(await users.list()).toEqual([]);
  });
});
