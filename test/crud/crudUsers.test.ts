import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryCrudUserStore, type CrudUserStore } from '../../src/crud/crudUsers';
import { createDexieCrudUserStore } from '../../src/crud/dexieCrudUsers';
import { WorkbookDb } from '../../src/db/schema';
import { DomainError, NotFoundError } from '../../src/domain/core/errors';

const opened: WorkbookDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
let dbCount = 0;
const implementations: Array<[string, () => CrudUserStore]> = [
  ['memory', createMemoryCrudUserStore],
  [
    'dexie',
    () => {
      const db = new WorkbookDb(`crud-users-${++dbCount}-${Date.now()}`);
      opened.push(db);
      return createDexieCrudUserStore(db);
    },
  ],
];

describe.each(implementations)('CRUD users twin (seed 001): %s', (_name, createStore) => {
  it('overwrites the email and records the one it lost', async () => {
    const users = createStore();
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
    const users = createStore();
    await users.createUser({ userId: '2', firstName: 'Jane', lastName: 'Roe', email: 'jane@example.com', at: 't0' });
    await users.createUser({ userId: '1', firstName: 'John', lastName: 'Doe', email: 'john@example.com', at: 't0' });
    expect((await users.list()).map((user) => user.userId)).toEqual(['1', '2']);
    await expect(users.createUser({ userId: '1', firstName: 'X', lastName: 'Y', email: 'x@y.z', at: 't' })).rejects.toBeInstanceOf(DomainError);
    await expect(users.updateEmail('9', 'x@y.z', 't')).rejects.toBeInstanceOf(NotFoundError);
    await users.clear();
    expect(await users.list()).toEqual([]);
  });
});

describe('CRUD users twin in IndexedDB', () => {
  it('keeps the overwritten row and the lost email across a reopen (a reload of the page)', async () => {
    const name = `crud-users-reopen-${Date.now()}`;
    const first = new WorkbookDb(name);
    const users = createDexieCrudUserStore(first);
    await users.createUser({ userId: '7', firstName: 'Ada', lastName: 'L', email: 'ada@old.example', at: 't0' });
    await users.updateEmail('7', 'ada@new.example', 't1');
    first.close();

    const second = new WorkbookDb(name);
    opened.push(second);
    const reopened = createDexieCrudUserStore(second);
    expect((await reopened.get('7'))?.email).toBe('ada@new.example');
    expect(await reopened.lossesOf('7')).toEqual([
      { userId: '7', field: 'email', oldValue: 'ada@old.example', newValue: 'ada@new.example', at: 't1' },
    ]);
  });
});
