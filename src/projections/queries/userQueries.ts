import type { EventStore, RecordedEvent } from '../../eventStore/types';
import { userEventTypes, type UserDoc } from '../readModels/users';

/** `GET /users/`: oldest first, as the users were created. */
export function listUsers(users: readonly UserDoc[]): UserDoc[] {
  return [...users].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}

/** `GET /users/{user_id}`. */
export function userById(users: readonly UserDoc[], userId: string): UserDoc | undefined {
  return users.find((user) => user.userId === userId);
}

const userTypes = new Set<string>(userEventTypes);
const pageSize = 1000;

/**
 * `GET /events/` of seed 001: every stored user event, oldest first. Seed 001 answers it from the event table, not
 * from a read model, so this reads the log itself (in pages, so a long log is not read in one go).
 */
export async function userEvents(store: EventStore): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, limit: pageSize });
    const last = page.at(-1);
    if (!last) return found;
    found.push(...page.filter((event) => userTypes.has(event.type)));
    after = last.globalPosition;
  }
}
