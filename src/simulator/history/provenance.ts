import { orderDecider } from '../../domain/order/decider';
import { orderStatuses } from '../../domain/order/types';
import { userDecider } from '../../domain/user/decider';
import type { RecordedEvent } from '../../eventStore/types';
import { ordersProjection } from '../../projections/readModels/orders';
import { summaryDocId, summaryProjection } from '../../projections/readModels/summary';
import { usersProjection } from '../../projections/readModels/users';
import type { AnyProjection, DocumentView } from '../../projections/types';
import { historyEventOf } from './eventCommands';

/**
 * "Which events made this value?" For every field of an aggregate's state and of the read-model rows, the global
 * positions of the events that produced it. The history is replayed with the real evolve functions while watching
 * which fields each event changed:
 * - a field that an event overwrites (a status, an email) comes from the LAST event that changed it;
 * - a field that accumulates (the summary's counts and revenue, an order's status history) comes from EVERY event
 *   that changed it, since each one added or took away part of the value.
 */
export type Provenance = ReadonlyMap<string, readonly number[]>;

/** Field names double as the accessible names of the screen's field buttons: "orders.status of order-1". */
export const stateFieldName = (field: string, streamId: string): string => `state.${field} of ${streamId}`;
export const orderRowFieldName = (field: string, orderId: string): string => `orders.${field} of order-${orderId}`;
export const userRowFieldName = (field: string, userId: string): string => `users.${field} of user-${userId}`;
export const summaryFieldName = (field: string): string => `summary.${field}`;

type Mode = 'last' | 'all';

/** Every leaf of a document as path → its JSON; arrays are leaves (an item list changes as a whole). */
function leaves(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix === '' ? key : `${prefix}.${key}`, into);
  } else if (prefix !== '') {
    into.set(prefix, JSON.stringify(value));
  }
  return into;
}

class ProvenanceBuilder {
  readonly fields = new Map<string, number[]>();

  /** Records which leaves differ between the two versions of a document. */
  changed(before: unknown, after: unknown, position: number, name: (path: string) => string | undefined, mode: (path: string) => Mode): void {
    const old = leaves(before);
    const now = leaves(after);
    for (const path of new Set([...old.keys(), ...now.keys()])) {
      if (old.get(path) === now.get(path)) continue;
      const key = name(path);
      if (key === undefined) continue;
      if (!now.has(path)) this.fields.delete(key);
      else if (mode(path) === 'all') {
        // A running total that comes into being at zero (the summary's first event fills every status) got
        // nothing from that event.
        if (!old.has(path) && now.get(path) === '0') continue;
        this.fields.set(key, [...(this.fields.get(key) ?? []), position]);
      }
      else this.fields.set(key, [position]);
    }
  }

  forget(prefix: string, suffix: string): void {
    for (const key of [...this.fields.keys()]) if (key.startsWith(prefix) && key.endsWith(suffix)) this.fields.delete(key);
  }
}

/** Folds each order and user stream with its decider's evolve, noting the event behind each field of the state. */
function traceStates(events: readonly RecordedEvent[], builder: ProvenanceBuilder): void {
  const states = new Map<string, unknown>();
  for (const recorded of events) {
    const history = historyEventOf(recorded);
    if (history === undefined) continue;
    const before = states.get(recorded.streamId);
    const after =
      history.aggregate === 'order'
        ? orderDecider.evolve((before as ReturnType<typeof orderDecider.initialState>) ?? orderDecider.initialState(), history.event)
        : userDecider.evolve((before as ReturnType<typeof userDecider.initialState>) ?? userDecider.initialState(), history.event);
    states.set(recorded.streamId, after);
    builder.changed(before, after, recorded.globalPosition, (path) => stateFieldName(path, recorded.streamId), () => 'last');
  }
}

type TracedProjection = {
  readonly projection: AnyProjection;
  /** The field name of a leaf of one document, or undefined for the projection's internal documents. */
  readonly name: (docId: string, path: string) => string | undefined;
  readonly mode: (path: string) => Mode;
  /** The names of every field of a deleted document start and end like this. */
  readonly rowOf: (docId: string) => readonly [prefix: string, suffix: string] | undefined;
};

const traced: readonly TracedProjection[] = [
  {
    projection: ordersProjection,
    name: (orderId, path) => orderRowFieldName(path, orderId),
    mode: (path) => (path === 'statusHistory' ? 'all' : 'last'),
    rowOf: (orderId) => ['orders.', ` of order-${orderId}`],
  },
  {
    projection: usersProjection,
    name: (userId, path) => userRowFieldName(path, userId),
    mode: () => 'last',
    rowOf: (userId) => ['users.', ` of user-${userId}`],
  },
  {
    projection: summaryProjection,
    name: (docId, path) => (docId === summaryDocId && path !== 'kind' ? `summaryDoc.${path}` : undefined),
    mode: () => 'all',
    rowOf: () => undefined,
  },
];

/** Runs the real read-model evolve functions over the history with a view that reports every document it puts. */
function traceReadModels(events: readonly RecordedEvent[], builder: ProvenanceBuilder): void {
  for (const { projection, name, mode, rowOf } of traced) {
    const docs = new Map<string, unknown>();
    const handled = new Set(projection.handles);
    for (const event of events) {
      if (!handled.has(event.type)) continue;
      const view: DocumentView<unknown> = {
        get: (id) => docs.get(id),
        put(id, doc) {
          builder.changed(docs.get(id), doc, event.globalPosition, (path) => name(id, path), mode);
          docs.set(id, doc);
        },
        delete(id) {
          docs.delete(id);
          const row = rowOf(id);
          if (row) builder.forget(...row);
        },
      };
      projection.evolve(view, event);
    }
  }
}

const union = (...lists: readonly (readonly number[] | undefined)[]): number[] =>
  [...new Set(lists.flatMap((list) => list ?? []))].sort((a, b) => a - b);

/**
 * The summary as the query shows it (`byStatus.shipped.count`, `totalRevenue`…) from the fields of the summary
 * document it is computed from: a derived figure comes from every event behind the figures it is made of.
 */
function summaryFields(builder: ProvenanceBuilder): void {
  const of = (path: string) => builder.fields.get(`summaryDoc.${path}`);
  const paid = orderStatuses.filter((status) => status !== 'cancelled');
  const totalRevenue = union(...paid.map((status) => of(`revenueCentsByStatus.${status}`)));
  builder.fields.set(summaryFieldName('totalOrders'), union(of('totalOrders')));
  builder.fields.set(summaryFieldName('totalRevenue'), totalRevenue);
  builder.fields.set(summaryFieldName('averageOrderValue'), union(totalRevenue, of('totalOrders'), of('countByStatus.cancelled')));
  for (const status of orderStatuses) {
    builder.fields.set(summaryFieldName(`byStatus.${status}.count`), union(of(`countByStatus.${status}`)));
    builder.fields.set(summaryFieldName(`byStatus.${status}.revenue`), union(of(`revenueCentsByStatus.${status}`)));
  }
  for (const key of [...builder.fields.keys()]) if (key.startsWith('summaryDoc.')) builder.fields.delete(key);
}

/** The provenance of every state field and read-model field after this history. */
export function provenanceOf(events: readonly RecordedEvent[]): Provenance {
  const builder = new ProvenanceBuilder();
  traceStates(events, builder);
  traceReadModels(events, builder);
  summaryFields(builder);
  return builder.fields;
}
