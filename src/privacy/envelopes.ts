import type { CommandDecision, CommandLoad, NewEvent, RecordedEvent } from '../eventStore/types';
import { frozenCopy } from '../eventStore/frozenCopy';
import { decryptField, encryptField, isEnvelope, parseEnvelope, type Envelope } from './cipher';
import type { SubjectKey, SubjectKeyStore } from './keyStore';
import { forgottenMarker, personalFieldsOfEvent, type PersonalFields, type SubjectId } from './personalData';

/**
 * The crypto layer's work on values (src/privacy/shreddingEventStore.ts): finding envelopes, opening them (or the
 * marker), sealing personal fields, and the plain values it keeps so that an envelope is opened once.
 */

export type Data = Record<string, unknown>;

/**
 * Plain values this layer sealed or opened, by field and envelope (the field is bound into the ciphertext, so it is
 * part of the key): a stream's envelopes are read again by every command on it, and opening one is a trip to
 * WebCrypto. Used only when the key the envelope names is still in the key table (asked of IndexedDB on every read,
 * as without it), so a forgotten subject reads as the marker all the same. Key ids are random UUIDs, never reused.
 * Bounded: the oldest entries go first.
 */
export type Opened = Map<string, unknown>;
export const openedLimit = 10_000;
export const openedKey = (field: string, text: string) => `${field}\u0000${text}`;

/** The value as every later read shares it: frozen, as the events around it are. */
export function remember(opened: Opened | undefined, field: string, text: string, plain: unknown): unknown {
  const shared = opened !== undefined && typeof plain === 'object' && plain !== null ? frozenCopy(plain, field) : plain;
  if (opened === undefined) return shared;
  if (opened.size >= openedLimit) opened.delete(opened.keys().next().value!);
  opened.set(openedKey(field, text), shared);
  return shared;
}

export async function encryptFields(data: Data, personal: PersonalFields, subjectKey: SubjectKey, opened?: Opened): Promise<Data> {
  const { keyId, key } = subjectKey;
  const copy: Data = { ...data };
  // A field already sealed (an event copied from an export) stays as it is: sealing it twice would hide nothing more.
  for (const field of personal.fields) {
    if (isEnvelope(data[field])) continue;
    const text = await encryptField(key, keyId, field, data[field]);
    remember(opened, field, text, data[field]);
    copy[field] = text;
  }
  return copy;
}

/** An envelope in one object's top-level field: which object, which field. */
export type Found = { readonly index: number; readonly field: string; readonly text: string; readonly envelope: Envelope | undefined };

export function envelopesIn(objects: readonly unknown[]): Found[] {
  const found: Found[] = [];
  objects.forEach((object, index) => {
    if (typeof object !== 'object' || object === null || Array.isArray(object)) return;
    for (const [field, value] of Object.entries(object)) {
      if (isEnvelope(value)) found.push({ index, field, text: value, envelope: parseEnvelope(value) });
    }
  });
  return found;
}

/** What a command's load holds that may carry envelopes: its events' data, then the snapshot's state. */
export function commandLoadObjects({ earlier, snapshot, tail }: CommandLoad): unknown[] {
  const objects: unknown[] = [...earlier, ...tail].map((event) => event.data);
  if (snapshot) objects.push(snapshot.state);
  return objects;
}

export const keyIdsOf = (found: readonly Found[]): string[] => found.flatMap(({ envelope }) => (envelope ? [envelope.keyId] : []));

/** The objects with each found envelope decrypted with the key it names (the marker where that key is gone). */
export async function decryptFound(
  objects: readonly unknown[],
  found: readonly Found[],
  keyRows: ReadonlyMap<string, SubjectKey>,
  opened?: Opened,
): Promise<Data[]> {
  const values = await Promise.all(
    found.map(async ({ field, text, envelope }) => {
      const row = envelope && keyRows.get(envelope.keyId);
      if (envelope === undefined || row === undefined) return forgottenMarker;
      const known = opened?.get(openedKey(field, text));
      if (known !== undefined) return known;
      const plain = await decryptField(row.key, field, envelope);
      if (plain === undefined) return forgottenMarker;
      return remember(opened, field, text, plain);
    }),
  );
  return withValues(objects, found, values);
}

/**
 * `decryptFound` without WebCrypto, for inside an IndexedDB transaction: the objects when every envelope's value is
 * kept here or its key is gone (the marker), undefined when one would have to be opened.
 */
export function openedAlready(objects: readonly unknown[], found: readonly Found[], keyRows: ReadonlyMap<string, SubjectKey>, opened: Opened): Data[] | undefined {
  const values: unknown[] = [];
  for (const { field, text, envelope } of found) {
    if (envelope === undefined || !keyRows.has(envelope.keyId)) values.push(forgottenMarker);
    else if (opened.has(openedKey(field, text))) values.push(opened.get(openedKey(field, text)));
    else return undefined;
  }
  return withValues(objects, found, values);
}

/** The objects with the found envelopes' fields replaced by these values (copies, frozen; the others as they were). */
export function withValues(objects: readonly unknown[], found: readonly Found[], values: readonly unknown[]): Data[] {
  const copies = new Map<number, Data>();
  found.forEach(({ index, field }, at) => {
    const copy = copies.get(index) ?? { ...(objects[index] as Data) };
    copy[field] = values[at];
    copies.set(index, copy);
  });
  return objects.map((object, index) => {
    const copy = copies.get(index);
    return copy === undefined ? (object as Data) : Object.freeze(copy);
  });
}

/** A command's load with the plain objects of `commandLoadObjects` in place of the stored ones. */
export function withPlainObjects({ earlier, snapshot, tail }: CommandLoad, plain: readonly Data[]): CommandLoad {
  const events = [...earlier, ...tail];
  const readableEvents = events.map((event, index) => (plain[index] === event.data ? event : Object.freeze({ ...event, data: plain[index] })));
  return {
    earlier: readableEvents.slice(0, earlier.length),
    tail: readableEvents.slice(earlier.length),
    ...(snapshot ? { snapshot: { ...snapshot, state: plain[events.length] } } : {}),
  };
}

/** Plain values for every envelope in these objects' top-level fields, in one key lookup for the whole batch. */
export async function decryptAll(objects: readonly unknown[], keys: SubjectKeyStore, opened?: Opened): Promise<Data[] | undefined> {
  const found = envelopesIn(objects);
  if (found.length === 0) return undefined;
  return decryptFound(objects, found, await keys.keysById(keyIdsOf(found)), opened);
}

export async function readable(events: readonly RecordedEvent[], keys: SubjectKeyStore, opened?: Opened): Promise<RecordedEvent[]> {
  const data = await decryptAll(
    events.map((event) => event.data),
    keys,
    opened,
  );
  if (data === undefined) return [...events];
  return events.map((event, index) => (data[index] === event.data ? event : Object.freeze({ ...event, data: data[index] })));
}

/**
 * The events with their personal fields encrypted, the keys of all their subjects fetched (or made) at once.
 * `keysInUse`: keys a bulk write already fetched for its earlier batches; only the other subjects are looked up, and
 * their keys are added to it (a seed's customers come back batch after batch: one lookup each, not one per batch).
 */
export async function seal(events: readonly NewEvent[], keys: SubjectKeyStore, keysInUse?: Map<SubjectId, SubjectKey>, opened?: Opened): Promise<NewEvent[]> {
  const personal = events.map((event) => personalFieldsOfEvent(event.type, event.data));
  if (personal.every((fields) => fields === undefined)) return [...events];
  const subjects = personal.flatMap((fields) => (fields === undefined || keysInUse?.has(fields.subject) ? [] : [fields.subject]));
  const looked =
    subjects.length === 0
      ? new Map<SubjectId, SubjectKey>()
      : subjects.length === 1
        ? new Map([[subjects[0]!, await keys.keyFor(subjects[0]!)]])
        : await keys.keysFor(subjects);
  const subjectKeys = keysInUse ?? looked;
  if (keysInUse) for (const [subject, key] of looked) keysInUse.set(subject, key);
  return Promise.all(
    events.map(async (event, index) => {
      const fields = personal[index];
      return fields === undefined ? event : { ...event, data: await encryptFields(event.data as Data, fields, subjectKeys.get(fields.subject)!, opened) };
    }),
  );
}

/** The subjects whose personal fields a decision's events hold. */
export const subjectsOf = (decision: CommandDecision | undefined): SubjectId[] => [
  ...new Set((decision?.events ?? []).flatMap((event) => personalFieldsOfEvent(event.type, event.data)?.subject ?? [])),
];

/** A decision sealed ahead of its transaction: the events as they would be stored, and the keys they were sealed with. */
export type SealedAhead = { readonly decision: CommandDecision; readonly keys: ReadonlyMap<SubjectId, SubjectKey>; readonly sealed: readonly NewEvent[] };

/** The same decision: the same events (ids, types, data, metadata) on the same expected version. */
export const sameDecision = (a: CommandDecision, b: CommandDecision): boolean =>
  a.expectedVersion === b.expectedVersion && JSON.stringify(a.events) === JSON.stringify(b.events);

/** A recorded event sealed from `plain`, with the plain data back (a copy), unless the caller's data was sealed already. */
export function plainAgain(recorded: RecordedEvent, plain: NewEvent, sealed: NewEvent): RecordedEvent {
  if (sealed === plain) return recorded;
  const data = plain.data as Data;
  if (Object.values(data).some(isEnvelope)) return recorded;
  return Object.freeze({ ...recorded, data: frozenCopy(data, 'data') });
}
