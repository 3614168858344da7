import { ValidationError } from '../../domain/core/errors';
import { parseSeed001CreateUser, parseSeed001UpdateEmail } from '../../domain/user/schemas';
import { userStreamId } from '../../domain/user/types';
import { userEvents } from '../../projections/queries/userQueries';
import type { UserDoc } from '../../projections/readModels/users';
import type { EventStore, RecordedEvent } from '../../eventStore/types';
import { notFoundOnReadSide, readModelHeaders, runCommand, type Route, type RouteContext } from './endpoint';
import { created, ok, refusedCommand, validationFailed } from './responses';

/**
 * Seed 001: the FastAPI + SQLite users service. Create a user, update the email, get one, list all, and list the
 * stored events (`UserCreated`, `UserEmailUpdated`) in the seed's shape.
 */

/** Seed 001's ids are SQLite row numbers (`"user_id": 1`): ids made of digits are shown as numbers. */
export function seed001UserId(userId: string): string | number {
  return /^[1-9]\d{0,14}$/.test(userId) ? Number(userId) : userId;
}

export function seed001User(user: UserDoc) {
  return {
    user_id: seed001UserId(user.userId),
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
  };
}

/** A stored event as seed 001's `GET /events/` lists it: `{ id, type, data }` with snake_case data. */
export function seed001Event(event: RecordedEvent) {
  const data = event.data as Record<string, string>;
  const user_id = seed001UserId(data['userId'] ?? '');
  return {
    id: event.globalPosition,
    type: event.type,
    data:
      event.type === 'UserCreated'
        ? { user_id, first_name: data['firstName'], last_name: data['lastName'], email: data['email'] }
        : // previous_email is not in the seed's example: it is what the event keeps and a CRUD row would lose.
          { user_id, new_email: data['newEmail'], previous_email: data['previousEmail'] },
  };
}

/** The next row number: one more than the largest numeric user id so far, as SQLite's autoincrement would give. */
async function nextUserId(store: EventStore): Promise<string> {
  const prefix = userStreamId('');
  const numbers = (await store.streamIds(prefix))
    .map((streamId) => streamId.slice(prefix.length))
    .filter((id) => /^\d{1,15}$/.test(id))
    .map(Number);
  return String(Math.max(0, ...numbers) + 1);
}

/** Another tab may take the same row number between reading the streams and appending; then try the next one. */
const createAttempts = 3;

async function createUser(context: RouteContext) {
  const at = new Date().toISOString();
  for (let attempt = 1; ; attempt += 1) {
    const userId = await nextUserId(context.simulator.store);
    let input;
    try {
      input = parseSeed001CreateUser(context.body, userId, at).data;
    } catch (error) {
      if (error instanceof ValidationError) return validationFailed(error.issues, 'The user');
      throw error;
    }
    const { at: _issuedAt, ...createUserInput } = input;
    const outcome = await runCommand(context, 'CreateUser', createUserInput);
    if (outcome.ok) {
      const createdId = String((outcome.events[0]?.data as { userId?: string } | undefined)?.userId ?? userId);
      return created(
        { user_id: seed001UserId(createdId), message: 'User created successfully' },
        `/users/${createdId}`,
      );
    }
    const idTaken = outcome.kind === 'rule' && (await context.simulator.store.streamVersion(userStreamId(userId))) > 0;
    if (!idTaken || attempt >= createAttempts) return refusedCommand(outcome);
  }
}

export const seed001Routes: readonly Route[] = [
  {
    seed: '001',
    method: 'POST',
    pattern: '/users/',
    side: 'command',
    summary: 'Create a new user',
    body: 'object',
    handle: createUser,
  },
  {
    seed: '001',
    method: 'PUT',
    pattern: '/users/{user_id}',
    side: 'command',
    summary: 'Update user email',
    body: 'object',
    async handle(context) {
      const userId = context.params['user_id'] ?? '';
      let input;
      try {
        input = parseSeed001UpdateEmail(context.body, userId, new Date().toISOString()).data;
      } catch (error) {
        if (error instanceof ValidationError) return validationFailed(error.issues, 'The email update');
        throw error;
      }
      const { at: _issuedAt, ...update } = input;
      const outcome = await runCommand(context, 'UpdateUserEmail', update);
      if (!outcome.ok) return refusedCommand(outcome);
      return ok({ user_id: seed001UserId(userId), email: update.newEmail, message: 'User email updated successfully' });
    },
  },
  {
    seed: '001',
    method: 'GET',
    pattern: '/users/{user_id}',
    side: 'query',
    summary: 'Get user details',
    body: 'none',
    async handle(context) {
      const userId = context.params['user_id'] ?? '';
      const user = await context.simulator.queries.userById(userId);
      if (user === undefined) {
        return notFoundOnReadSide(context, `User ${userId} not found`, userStreamId(userId), 'users');
      }
      return ok(seed001User(user), readModelHeaders(context.simulator, 'users'));
    },
  },
  {
    seed: '001',
    method: 'GET',
    pattern: '/users/',
    side: 'query',
    summary: 'List all users',
    body: 'none',
    async handle(context) {
      const users = await context.simulator.queries.listUsers();
      return ok(users.map(seed001User), readModelHeaders(context.simulator, 'users'));
    },
  },
  {
    seed: '001',
    method: 'GET',
    pattern: '/events/',
    side: 'admin',
    summary: 'Retrieve all stored events',
    body: 'none',
    async handle(context) {
      // Read from the log itself, as the seed reads its events table: always current, no read-model lag.
      const events = await userEvents(context.simulator.store);
      return ok(events.map(seed001Event));
    },
  },
];
