import { customerKey } from '../domain/order/customerKey';

/**
 * Which fields of which events (and snapshots) are personal data, and whose. A person is a **subject**: the key that
 * encrypts their fields is theirs alone, so deleting it forgets them everywhere at once (crypto-shredding).
 *
 * The subject id itself stays readable: it is what the facts that must keep adding up (a customer's order count and
 * spend, an order's status) are keyed by. So it must not be personal itself: an opaque id (`cust-7`, a UUID), never
 * an email. A customer whose id *is* their email (seed 002 allows it) can only be forgotten down to that id.
 */

/** Whose key: `customer:<customerKey>` for order events, `user:<userId>` for seed 001's users. */
export type SubjectId = string;

export const customerSubject = (customerId: string): SubjectId => `customer:${customerKey(customerId)}`;
export const userSubject = (userId: string): SubjectId => `user:${userId}`;

/** The personal fields of one event's (or state's) data, and the subject they belong to. */
export type PersonalFields = { readonly subject: SubjectId; readonly fields: readonly string[] };

type Data = Readonly<Record<string, unknown>>;

const text = (data: Data, field: string): string | undefined =>
  typeof data[field] === 'string' ? (data[field] as string) : undefined;

/** Personal fields of an event as written today, by type. Types absent here carry nothing personal. */
const eventFields: Readonly<Record<string, { readonly subjectOf: (data: Data) => SubjectId | undefined; readonly fields: readonly string[] }>> = {
  OrderPlaced: { subjectOf: (data) => map(text(data, 'customerId'), customerSubject), fields: ['customerEmail'] },
  UserCreated: { subjectOf: (data) => map(text(data, 'userId'), userSubject), fields: ['firstName', 'lastName', 'email'] },
  UserEmailUpdated: { subjectOf: (data) => map(text(data, 'userId'), userSubject), fields: ['previousEmail', 'newEmail'] },
};

function map<T>(value: string | undefined, to: (value: string) => T): T | undefined {
  return value === undefined ? undefined : to(value);
}

/** The fields to encrypt in an event about to be appended; undefined when it holds no personal data. */
export function personalFieldsOfEvent(type: string, data: unknown): PersonalFields | undefined {
  const spec = eventFields[type];
  if (spec === undefined || typeof data !== 'object' || data === null) return undefined;
  const subject = spec.subjectOf(data as Data);
  // null (seed 000's order without an email) is not personal data: nothing to encrypt.
  const fields = spec.fields.filter((field) => typeof (data as Data)[field] === 'string');
  return subject === undefined || fields.length === 0 ? undefined : { subject, fields };
}

/**
 * The fields to encrypt in an aggregate's snapshot: an order's state (stream `order-…`) keeps the customer's email,
 * a user's (`user-…`) their name and email. A snapshot is a cache of the fold, but it is stored, so it is shredded too.
 */
export function personalFieldsOfState(streamId: string, state: unknown): PersonalFields | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const data = state as Data;
  const [subject, candidates] = streamId.startsWith('order-')
    ? [map(text(data, 'customerId'), customerSubject), ['customerEmail']]
    : streamId.startsWith('user-')
      ? [map(text(data, 'userId'), userSubject), ['firstName', 'lastName', 'email']]
      : [undefined, []];
  const fields = candidates.filter((field) => typeof data[field] === 'string');
  return subject === undefined || fields.length === 0 ? undefined : { subject, fields };
}

/**
 * What a reader sees in place of a field whose key was deleted. A plain string, so every read model, query and
 * screen keeps its types and simply shows it; never an error, so a rebuild after forgetting runs to the end.
 */
export const forgottenMarker = '[forgotten]';

export const isForgotten = (value: unknown): boolean => value === forgottenMarker;
