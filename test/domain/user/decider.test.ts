import { describe, expect, it } from 'vitest';
import { DomainError, NotFoundError } from '../../../src/domain/core/errors';
import { userDecider } from '../../../src/domain/user/decider';
import type { UserEvent } from '../../../src/domain/user/types';
import { spec } from '../../support/givenWhenThen';

const at = '2025-01-02T10:00:00.000Z';
const later = '2025-01-03T10:00:00.000Z';
const given = (events: readonly UserEvent[]) => spec(userDecider).given(events);

const created: UserEvent = {
  type: 'UserCreated',
  data: { userId: '1', firstName: 'John', lastName: 'Doe', email: 'john.doe@example.com', createdAt: at },
};
const create = {
  type: 'CreateUser',
  data: { userId: '1', firstName: 'John', lastName: 'Doe', email: 'john.doe@example.com', at },
} as const;
const updateEmail = (newEmail: string) =>
  ({ type: 'UpdateUserEmail', data: { userId: '1', newEmail, at: later } }) as const;

describe('creating a user (seed 001)', () => {
  it('records UserCreated', () => {
    given([]).when(create).then([created]);
  });

  it('refuses an id that already has a user', () => {
    const error = given([created]).when(create).thenThrows(DomainError, /User 1 already exists/);
    expect(error.code).toBe('UserAlreadyExists');
  });
});

describe('updating a user email', () => {
  it('records UserEmailUpdated with the previous email, which CRUD would lose', () => {
    given([created])
      .when(updateEmail('john.new@example.com'))
      .then([
        {
          type: 'UserEmailUpdated',
          data: {
            userId: '1',
            previousEmail: 'john.doe@example.com',
            newEmail: 'john.new@example.com',
            updatedAt: later,
          },
        },
      ]);
  });

  it('the user then has the new email and the time of the change', () => {
    given([created])
      .when(updateEmail('john.new@example.com'))
      .thenState({
        exists: true,
        userId: '1',
        firstName: 'John',
        lastName: 'Doe',
        email: 'john.new@example.com',
        createdAt: at,
        updatedAt: later,
      });
  });

  it('answers "not found" for a user that does not exist', () => {
    const error = given([]).when(updateEmail('x@example.com')).thenThrows(NotFoundError, /No user with id "1"/);
    expect([error.entity, error.id]).toEqual(['user', '1']);
  });

  it('refuses the same email (in any case), since nothing would change', () => {
    for (const email of ['john.doe@example.com', 'John.Doe@Example.com']) {
      const error = given([created]).when(updateEmail(email)).thenThrows(DomainError, /already has the email/);
      expect(error.code).toBe('EmailUnchanged');
    }
  });

  it('chains: the second change remembers the first new email as its previous one', () => {
    const first: UserEvent = {
      type: 'UserEmailUpdated',
      data: { userId: '1', previousEmail: 'john.doe@example.com', newEmail: 'a@example.com', updatedAt: later },
    };
    given([created, first])
      .when(updateEmail('b@example.com'))
      .then([
        {
          type: 'UserEmailUpdated',
          data: { userId: '1', previousEmail: 'a@example.com', newEmail: 'b@example.com', updatedAt: later },
        },
      ]);
  });
});
