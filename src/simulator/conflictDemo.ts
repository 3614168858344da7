import { DomainError, NotFoundError } from '../domain/core/errors';
import { orderDecider } from '../domain/order/decider';
import { orderEventSchemaVersions, orderStreamId, type OrderCommand, type OrderState } from '../domain/order/types';
import { ConcurrencyError } from '../eventStore/errors';
import { rehydrate } from '../eventStore/handleCommand';
import type { EventStore, RecordedEvent } from '../eventStore/types';
import { handleApiRequest } from './apiConsole/handleApiRequest';
import type { ApiResponse } from './apiConsole/types';
import type { WorkbookSimulator } from './simulator';

/**
 * The concurrency demo's client: load an order (state + version), decide a change on what was loaded, append with
 * that version as `expectedVersion`. Unlike `handleCommand`, nothing is retried automatically, so the second of two
 * clients that loaded the same version meets the ConcurrencyError and has to reload and decide again itself.
 */

/** The changes a client can make to the order it holds. */
export const clientChanges = ['confirm', 'startProcessing', 'ship', 'deliver', 'cancel'] as const;
export type ClientChange = (typeof clientChanges)[number];

export const changeLabels: Readonly<Record<ClientChange, string>> = {
  confirm: 'Confirm the order',
  startProcessing: 'Start processing',
  ship: 'Ship the order',
  deliver: 'Deliver the order',
  cancel: 'Cancel the order',
};

/** What a client holds after loading: the order as of one version of its stream. */
export type LoadedOrder = {
  readonly orderId: string;
  readonly state: OrderState;
  readonly version: number;
};

export type SubmitOutcome =
  | { readonly kind: 'accepted'; readonly events: readonly RecordedEvent[]; readonly version: number }
  | { readonly kind: 'conflict'; readonly expected: number; readonly actual: number; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

export type ConflictDemoParts = {
  readonly store: EventStore;
  /** The CRUD twin's follower: it applies the accepted change from the log (no second write of its own). */
  readonly crudTwin: { catchUp(): Promise<unknown> };
  readonly now?: () => string;
  readonly newId?: () => string;
};

export async function loadOrder(store: EventStore, orderId: string): Promise<LoadedOrder> {
  const { state, version } = await rehydrate(store, orderDecider, orderStreamId(orderId));
  return { orderId, state, version };
}

/** Which order a typed id names, or why none: what the demo's "Load in both clients" checks first. */
export type TypedOrder =
  | { readonly kind: 'found'; readonly orderId: string }
  | { readonly kind: 'missing'; readonly message: string };

/**
 * The order a person typed: an order id (`8152c3d9`) or, as the event log shows it, its stream (`order-8152c3d9`).
 * An id with no events is refused with a sentence, so the two clients never hold an order that does not exist.
 */
export async function findTypedOrder(store: EventStore, typed: string): Promise<TypedOrder> {
  const id = typed.trim();
  if (id === '') return { kind: 'missing', message: 'Type an order id first, like the one after "order-" in the event log.' };
  if ((await store.streamVersion(orderStreamId(id))) > 0) return { kind: 'found', orderId: id };
  const withoutPrefix = id.startsWith('order-') ? id.slice('order-'.length) : '';
  if (withoutPrefix !== '' && (await store.streamVersion(orderStreamId(withoutPrefix))) > 0) {
    return { kind: 'found', orderId: withoutPrefix };
  }
  const shown = id.length > 60 ? `${id.slice(0, 60)}…` : id;
  return {
    kind: 'missing',
    message: `No order "${shown}" is in the store. Place a new order above, or copy an id from the Simulator's event log.`,
  };
}

export function commandFor(change: ClientChange, orderId: string, client: string, at: string): OrderCommand {
  switch (change) {
    case 'confirm':
      return { type: 'ConfirmOrder', data: { orderId, at } };
    case 'startProcessing':
      return { type: 'StartProcessing', data: { orderId, at } };
    case 'ship':
      return { type: 'ShipOrder', data: { orderId, trackingNumber: `TRK-${orderId}`, at } };
    case 'deliver':
      return { type: 'DeliverOrder', data: { orderId, at } };
    case 'cancel':
      return { type: 'CancelOrder', data: { orderId, reason: `Cancelled by ${client}`, at } };
  }
}

/** The sentence the demo shows for a refused append. */
export function conflictMessage(expected: number, actual: number): string {
  return `expected version ${expected}, but the stream is at version ${actual}`;
}

/**
 * Decides `change` on the state the client loaded and appends with the version it loaded. The CRUD twin then catches
 * up from the log, as after `simulator.execute`: it sees the change only when the append was accepted.
 */
export async function submitChange(
  parts: ConflictDemoParts,
  loaded: LoadedOrder,
  change: ClientChange,
  client: string,
): Promise<SubmitOutcome> {
  const now = parts.now ?? (() => new Date().toISOString());
  const commandId = (parts.newId ?? (() => crypto.randomUUID()))();
  const command = commandFor(change, loaded.orderId, client, now());
  let decided;
  try {
    decided = orderDecider.decide(command, loaded.state);
  } catch (error) {
    if (error instanceof DomainError || error instanceof NotFoundError) return { kind: 'refused', message: error.message };
    throw error;
  }
  try {
    const appended = await parts.store.appendToStream(
      orderStreamId(loaded.orderId),
      decided.map((event, index) => ({
        eventId: `${commandId}:${index}`,
        type: event.type,
        schemaVersion: orderEventSchemaVersions[event.type],
        data: event.data,
        metadata: { commandId, correlationId: commandId, causationId: commandId },
      })),
      { expectedVersion: loaded.version === 0 ? 'noStream' : loaded.version },
    );
    await parts.crudTwin.catchUp();
    return { kind: 'accepted', events: appended.events, version: appended.nextExpectedVersion };
  } catch (error) {
    if (error instanceof ConcurrencyError) {
      return {
        kind: 'conflict',
        expected: loaded.version,
        actual: error.actual,
        message: conflictMessage(loaded.version, error.actual),
      };
    }
    throw error;
  }
}

/** One request and its answer, as the API console shows them. */
export type HttpExchange = { readonly request: string; readonly response: ApiResponse };

/**
 * The change as seed 002's HTTP API takes it, conditional on the version the client holds: `If-Match: "1"` is the
 * ETag its GET of the order returned. The console refuses a stale one with 412, as the store refuses the append.
 */
export function changeRequest(loaded: LoadedOrder, change: ClientChange, client: string): string {
  const path = `/api/v1/orders/order/${encodeURIComponent(loaded.orderId)}`;
  const statusOf: Readonly<Record<Exclude<ClientChange, 'cancel'>, Record<string, string>>> = {
    confirm: { status: 'confirmed' },
    startProcessing: { status: 'processing' },
    ship: { status: 'shipped', trackingNumber: `TRK-${loaded.orderId}` },
    deliver: { status: 'delivered' },
  };
  const [target, body] =
    change === 'cancel' ? [`${path}/cancel`, { reason: `Cancelled by ${client}` }] : [`${path}/status`, statusOf[change]];
  return `PUT ${target}\nIf-Match: "${loaded.version}"\nContent-Type: application/json\n\n${JSON.stringify(body)}`;
}

/**
 * Sends the client's change through the API console's real handler (seed 002's endpoints, `If-Match` with the held
 * version) and reads the answer as the demo's outcome: 200 accepted, 412 the ConcurrencyError over HTTP, any other
 * refusal the domain's.
 */
export async function submitChangeOverHttp(
  simulator: WorkbookSimulator,
  loaded: LoadedOrder,
  change: ClientChange,
  client: string,
): Promise<{ readonly outcome: SubmitOutcome; readonly exchange: HttpExchange }> {
  const request = changeRequest(loaded, change, client);
  const response = await handleApiRequest(simulator, request);
  const exchange = { request, response };
  const etag = Number(/^"(\d+)"$/.exec(response.headers['ETag'] ?? '')?.[1] ?? Number.NaN);
  if (response.status === 200) {
    const events = await simulator.store.readStream(orderStreamId(loaded.orderId), { from: loaded.version + 1, to: etag });
    return { outcome: { kind: 'accepted', events, version: etag }, exchange };
  }
  if (response.status === 412) {
    return { outcome: { kind: 'conflict', expected: loaded.version, actual: etag, message: conflictMessage(loaded.version, etag) }, exchange };
  }
  const message = (response.body as { message?: unknown } | undefined)?.message;
  return { outcome: { kind: 'refused', message: typeof message === 'string' ? message : response.statusText }, exchange };
}
