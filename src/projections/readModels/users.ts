import { assertNever } from '../../domain/core/message';
import type { UserEvent } from '../../domain/user/types';
import type { RecordedEvent } from '../../eventStore/types';
import type { Projection } from '../types';

/** One user as seed 001's `GET /users/{id}` shows it. */
export type UserDoc = {
  readonly userId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly createdAt: string;
  readonly updatedAt: string;
};

export const userEventTypes = ['UserCreated', 'UserEmailUpdated'] as const satisfies readonly UserEvent['type'][];

const asUserEvent = (event: RecordedEvent): UserEvent => ({ type: event.type, data: event.data }) as UserEvent;

/** Users of seed 001, one document per user id. */
export const usersProjection: Projection<UserDoc> = {
  name: 'users',
  version: 1,
  handles: userEventTypes,
  documentIds: (event) => [asUserEvent(event).data.userId],
  evolve(docs, recorded) {
    const event = asUserEvent(recorded);
    switch (event.type) {
      case 'UserCreated': {
        const { userId, firstName, lastName, email, createdAt } = event.data;
        docs.put(userId, { userId, firstName, lastName, email, createdAt, updatedAt: createdAt });
        return;
      }
      case 'UserEmailUpdated': {
        const user = docs.get(event.data.userId);
        if (!user) return;
        docs.put(user.userId, { ...user, email: event.data.newEmail, updatedAt: event.data.updatedAt });
        return;
      }
      default:
        return assertNever(event);
    }
  },
};
