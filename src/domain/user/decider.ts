import type { Decider } from '../core/decider';
import { checkedDecider } from '../core/checkedDecider';
import { userEventSchemas } from './eventSchemas';
import { DomainError, NotFoundError } from '../core/errors';
import { assertNever } from '../core/message';
import type { UserCommand, UserEvent, UserState } from './types';

/** Two spellings of one mailbox: `Ada@Example.com` and `ada@example.com` are the same email. */
const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function decide(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'CreateUser': {
      const { userId, firstName, lastName, email, at } = command.data;
      if (state.exists) {
        throw new DomainError(
          'UserAlreadyExists',
          `User ${userId} already exists; create the new user under another id.`,
        );
      }
      return [{ type: 'UserCreated', data: { userId, firstName, lastName, email, createdAt: at } }];
    }
    case 'UpdateUserEmail': {
      const { userId, newEmail, at } = command.data;
      if (!state.exists) throw new NotFoundError('user', userId);
      // An event says something happened; setting the same email again changes nothing, so nothing is recorded.
      if (sameEmail(state.email, newEmail)) {
        throw new DomainError('EmailUnchanged', `User ${userId} already has the email ${state.email}.`);
      }
      return [{ type: 'UserEmailUpdated', data: { userId, previousEmail: state.email, newEmail, updatedAt: at } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserCreated': {
      const { userId, firstName, lastName, email, createdAt } = event.data;
      return { exists: true, userId, firstName, lastName, email, createdAt, updatedAt: createdAt };
    }
    case 'UserEmailUpdated':
      // An email change without a creation before it describes no user; keep the empty state.
      if (!state.exists) return state;
      return { ...state, email: event.data.newEmail, updatedAt: event.data.updatedAt };
    default:
      return assertNever(event);
  }
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = checkedDecider({
  decide,
  evolve,
  initialState: () => ({ exists: false }),
}, userEventSchemas);
