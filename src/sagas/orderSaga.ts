import { fold } from '../domain/core/decider';
import { assertNever } from '../domain/core/message';
import { DomainError, ValidationError } from '../domain/core/errors';
import { isJsonObject } from '../domain/core/validation';
import { catalog, catalogSeedCommandId } from '../domain/inventory/catalog';
import { inventoryDecider } from '../domain/inventory/decider';
import { availableOf, inventoryStreamId, inventoryStreamPrefix, reservedOf } from '../domain/inventory/types';
import { orderDecider } from '../domain/order/decider';
import { maxQuantity, parseSeed002Order } from '../domain/order/schemas';
import { orderStreamId, type OrderCancelled, type OrderPlaced } from '../domain/order/types';
import { paymentDecider } from '../domain/payment/decider';
import { paymentStreamId } from '../domain/payment/types';
import { ConcurrencyError } from '../eventStore/errors';
import { handleCommand, rehydrate } from '../eventStore/handleCommand';
import type { EventStore, RecordedEvent } from '../eventStore/types';
import type { CommandName, CommandOutcome } from '../simulator/types';
import {
  circuitView,
  closedCircuit,
  defaultCircuitBreakerConfig,
  recordFailure,
  recordSuccess,
  requestCall,
  type CircuitBreaker,
  type CircuitBreakerConfig,
} from './circuitBreaker';
import { createPaymentService, PaymentServiceUnavailable, type PaymentService } from './paymentService';
import { backoffBefore, defaultRetryPolicy, mayRetryAfter, type RetryPolicy } from './retryPolicy';
import { nextAction, sagaDecider, type SagaAction } from './sagaDecider';
import {
  sagaStreamId,
  sagaStreamPrefix,
  type SagaCommand,
  type SagaEvent,
  type SagaState,
  type StartedSaga,
} from './sagaMessages';
import { sagaViewOf } from './sagaView';
import type { FailureInjection, SagaCoordinator, SagaStartOutcome, SagaView, StockLevel } from './types';
import { defaultFailureInjection, patchedInjection } from './failureInjection';

/**
 * Seed 004's saga orchestrator. Each step reads the saga's stream, asks the pure `nextAction` what to do, does it
 * on another aggregate with a deterministic command id (so redoing a step after a reload is answered by
 * handleCommand's idempotency), then records what happened on the saga's stream at the version it read. A second
 * coordinator (another tab) driving the same saga loses that append and stops quietly.
 *
 * It is also a process manager for what happens after the saga: it watches the store for OrderCancelled and
 * OrderShipped. When a person cancels an order whose saga completed (confirmed or processing), it records
 * CancellationCompensationStarted on the saga's stream, refunds, releases the stock and ends the saga `cancelled`.
 * When a person ships it, it records ShippingFollowUpStarted and ships each product's reservation (the units leave
 * the warehouse); the saga stays `completed`. Those steps live in the saga's stream like the others, so a reload
 * halfway resumes them; a cancellation or a shipment no tab saw (the tab closed first) is found by
 * `resumeUnfinished`, which looks at the order of every completed saga.
 */

/** Runs an order command through the simulator's own path, so the CRUD twin and the metrics see it. */
export type TracedExecute = (
  name: CommandName,
  input: unknown,
  trace: {
    readonly commandId: string;
    readonly correlationId?: string;
    readonly causationId?: string;
    readonly at?: string;
  },
) => Promise<CommandOutcome>;

export type SagaCoordinatorOptions = {
  /** Waits for the step delay and the retry backoff; tests pass one that resolves at once. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** For the flaky payment service; seed it in tests (`seededRandom`). */
  readonly random?: () => number;
  /** Epoch ms, for the circuit breaker's cooldown. */
  readonly clock?: () => number;
  readonly retry?: RetryPolicy;
  readonly breaker?: CircuitBreakerConfig;
  readonly injection?: Partial<FailureInjection>;
  /** Replaces the simulated provider (tests of odd answers). */
  readonly paymentService?: PaymentService;
};

export type SagaCoordinatorParts = SagaCoordinatorOptions & {
  readonly store: EventStore;
  readonly execute: TracedExecute;
  readonly now: () => string;
  readonly newId: () => string;
  /**
   * Where the watcher starts: the head when the coordinator was made (the default), or earlier, for a coordinator
   * made later than its simulator (src/sagas/lazySagaCoordinator.ts) that must see what was appended meanwhile.
   */
  readonly watchFrom?: Promise<number>;
};

/** The coordinator plus what only its owner (the simulator) calls. */
export type OwnedSagaCoordinator = SagaCoordinator & {
  /** Stops driving sagas at the next step (the simulator is closing); unfinished sagas stay resumable. */
  close(): void;
};

export { defaultFailureInjection } from './failureInjection';

/** What persons do to an order that the process manager follows up when the order's saga has completed. */
const followedOrderEvents: ReadonlySet<string> = new Set(['OrderCancelled', 'OrderShipped']);

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What a step found out: the saga command that records it, and the event that caused it (for the trace). */
type StepResult = { readonly command: SagaCommand; readonly causationId: string } | { readonly redo: true };

/** Conflicts on another aggregate (several sagas reserving one product) are redone this many times in a row. */
const maxRedos = 20;

const money = (amount: number): string =>
  amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Order commands take a reason of at most 500 characters. */
const shortReason = (reason: string): string => (reason.length > 500 ? `${reason.slice(0, 499)}…` : reason);

/**
 * What a person did to the order of a completed saga that the saga now follows up: cancelled it (undo everything)
 * or shipped it (ship the reservations). Null while the saga runs its own steps or compensates its own failure.
 */
function personFollowUp(saga: StartedSaga): { readonly phase: string; readonly causeEventId: string } | null {
  if (saga.cancellation !== null) return { phase: 'afterCancellation', causeEventId: saga.cancellation.orderCancelledEventId };
  if (saga.shipping !== null) return { phase: 'afterShipping', causeEventId: saga.shipping.orderShippedEventId };
  return null;
}

/**
 * A follow-up has its own command ids (`saga-<id>/afterCancellation/...`, `saga-<id>/afterShipping/...`):
 * deterministic, so two tabs reacting to one cancellation or shipment act once; distinct from the failure path's.
 */
function followUpCommandId(saga: StartedSaga, what: string): string {
  const followUp = personFollowUp(saga);
  return followUp === null ? `${saga.sagaId}/${what}` : `${saga.sagaId}/${followUp.phase}/${what}`;
}

/**
 * A follow-up's effects keep the saga's correlation but are caused by the person's event (OrderCancelled,
 * OrderShipped), which belongs to the person's command's correlation: the trace links the two.
 */
function followUpTrace(
  saga: StartedSaga,
  trace: { readonly correlationId: string; readonly causationId: string },
): { readonly correlationId: string; readonly causationId: string } {
  const followUp = personFollowUp(saga);
  return followUp === null ? trace : { correlationId: saga.correlationId, causationId: followUp.causeEventId };
}

function undoReason(saga: StartedSaga, reason: string): string {
  return saga.cancellation === null ? reason : `Order cancelled after confirmation: ${reason}`;
}

export function createSagaCoordinator(parts: SagaCoordinatorParts): OwnedSagaCoordinator {
  const { store, execute, now, newId } = parts;
  const sleep = parts.sleep ?? realSleep;
  const clock = parts.clock ?? (() => Date.now());
  const retry = parts.retry ?? defaultRetryPolicy;
  const breakerConfig = parts.breaker ?? defaultCircuitBreakerConfig;
  let injection: FailureInjection = { ...defaultFailureInjection, ...parts.injection };
  const payments =
    parts.paymentService ?? createPaymentService({ injection: () => injection, random: parts.random ?? Math.random });
  let breaker: CircuitBreaker = closedCircuit;
  let closed = false;
  /** The last global position the watcher has looked at (see `watchPersons`). */
  let watchedUpTo = 0;
  /** Follow-ups deciding whether to start (`followUpIfOwed`): `whenIdle` waits for them too. */
  const followUps = new Set<Promise<void>>();
  /** Sagas this tab is driving: one driver per saga per tab. */
  const driving = new Map<string, Promise<void>>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };

  function setBreaker(next: CircuitBreaker): void {
    if (next === breaker) return;
    breaker = next;
    notify();
  }

  // ---------- stock ----------

  /** Gives each catalog product that has no inventory stream yet its initial stock (once, even from two tabs). */
  async function ensureCatalog(): Promise<void> {
    for (const item of catalog) {
      if ((await store.streamVersion(inventoryStreamId(item.product))) > 0) continue;
      const commandId = catalogSeedCommandId(item.product);
      await handleCommand({
        store,
        decider: inventoryDecider,
        streamId: inventoryStreamId(item.product),
        command: {
          type: 'AddStock',
          data: { product: item.product, quantity: item.initialStock, unitPrice: item.unitPrice, at: now() },
        },
        commandId,
        correlationId: 'catalog-seed',
      });
    }
  }

  async function stock(): Promise<StockLevel[]> {
    const streamIds = await store.streamIds(inventoryStreamPrefix);
    const products = [...new Set([...catalog.map((item) => item.product), ...streamIds.map((id) => id.slice(inventoryStreamPrefix.length))])];
    return Promise.all(
      products.map(async (product): Promise<StockLevel> => {
        const { state, version } = await rehydrate(store, inventoryDecider, inventoryStreamId(product));
        const seed = catalog.find((item) => item.product === product);
        // Not yet in the log: the first saga records the catalog's initial stock before it reserves anything.
        if (version === 0 && seed)
          return { product, onHand: seed.initialStock, reserved: 0, available: seed.initialStock, unitPrice: seed.unitPrice, recorded: false };
        return { product, onHand: state.onHand, reserved: reservedOf(state), available: availableOf(state), unitPrice: state.unitPrice, recorded: true };
      }),
    );
  }

  async function restock(product: unknown, quantity: unknown): Promise<void> {
    const known = catalog.map((item) => item.product);
    const issues = [];
    if (typeof product !== 'string' || !known.includes(product))
      issues.push({ field: 'product', message: `must be a product of the catalog: ${known.join(', ')}` });
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > maxQuantity)
      issues.push({ field: 'quantity', message: `must be a whole number from 1 to ${maxQuantity}` });
    if (issues.length > 0) throw new ValidationError(issues);
    await ensureCatalog();
    const commandId = newId();
    await handleCommand({
      store,
      decider: inventoryDecider,
      streamId: inventoryStreamId(product as string),
      command: { type: 'AddStock', data: { product: product as string, quantity: quantity as number, unitPrice: null, at: now() } },
      commandId,
    });
    notify();
  }

  // ---------- starting ----------

  /** Items without a price take the catalog's (a form that picks products from the catalog need not send one). */
  function withCatalogPrices(input: unknown): unknown {
    if (!isJsonObject(input) || !Array.isArray(input.items)) return input;
    return {
      ...input,
      items: input.items.map((item: unknown) => {
        if (!isJsonObject(item)) return item;
        const name = item.product ?? item.productId ?? item.product_id ?? item.name;
        const priced = item.unitPrice !== undefined || item.unit_price !== undefined || item.price !== undefined;
        const known = catalog.find((entry) => entry.product === name);
        return priced || !known ? item : { ...item, unitPrice: known.unitPrice };
      }),
    };
  }

  async function startSaga(placed: RecordedEvent, correlationId: string): Promise<string> {
    const data = (placed as unknown as OrderPlaced & RecordedEvent).data;
    const sagaId = sagaStreamId(data.orderId);
    const command: SagaCommand = {
      type: 'StartSaga',
      data: {
        sagaId,
        orderId: data.orderId,
        customerId: data.customerId,
        items: data.items,
        total: data.total,
        correlationId,
        at: now(),
      },
    };
    try {
      await record(sagaId, sagaDecider.initialState(), 0, command, { correlationId, causationId: placed.eventId });
    } catch (error) {
      // Another tab (or an earlier try of the same command) started it: the saga exists, which is what we want.
      if (!(error instanceof ConcurrencyError)) throw error;
    }
    return sagaId;
  }

  async function placeOrder(input: unknown, options: { readonly commandId?: string } = {}): Promise<SagaStartOutcome> {
    const commandId = options.commandId ?? newId();
    const earlier = (await store.eventsOfCommand(commandId)).find((event) => event.type === 'OrderPlaced');
    if (earlier) {
      // The same PlaceOrder again (a double click, a retried request): the earlier order and its saga, not a new one.
      const sagaId = await startSaga(earlier, commandId);
      void drive(sagaId);
      return { ok: true, orderId: (earlier.data as { orderId: string }).orderId, sagaId, correlationId: commandId };
    }
    const orderId = newId();
    const at = now();
    let command;
    try {
      command = parseSeed002Order(withCatalogPrices(input), orderId, at);
    } catch (error) {
      if (error instanceof ValidationError) return { ok: false, message: error.message, issues: error.issues };
      throw error;
    }
    await ensureCatalog();
    const { at: _at, ...placeOrderInput } = command.data;
    const outcome = await execute('PlaceOrder', placeOrderInput, { commandId, at });
    if (!outcome.ok) return { ok: false, message: outcome.message, issues: outcome.issues };
    const placed = outcome.events.find((event) => event.type === 'OrderPlaced');
    if (!placed) return { ok: false, message: 'The order was not placed.', issues: [] };
    const sagaId = await startSaga(placed, commandId);
    notify();
    void drive(sagaId);
    return { ok: true, orderId, sagaId, correlationId: commandId };
  }

  /**
   * Starts the saga of an order placed elsewhere (seed 004's command API places the order itself, then hands it to
   * the saga, as its orchestrator subscribes to OrderPlaced). Starting twice is harmless: the saga stream exists.
   */
  async function startForPlacedOrder(orderId: string): Promise<SagaStartOutcome> {
    const [placed] = await store.readStream(orderStreamId(orderId), { from: 1 });
    if (placed?.type !== 'OrderPlaced') {
      return { ok: false, message: `Order ${orderId} was never placed: there is nothing for a saga to do.`, issues: [] };
    }
    await ensureCatalog();
    const { correlationId } = placed.metadata;
    const sagaId = await startSaga(placed, correlationId);
    notify();
    void drive(sagaId);
    return { ok: true, orderId, sagaId, correlationId };
  }

  // ---------- driving ----------

  async function record(
    sagaId: string,
    state: SagaState,
    version: number,
    command: SagaCommand,
    trace: { readonly correlationId: string; readonly causationId: string },
  ): Promise<void> {
    const events = sagaDecider.decide(command, state);
    const commandId = `${sagaId}@${version + 1}`;
    // Fresh event ids: two coordinators recording the same position must conflict, not pass for a retried append.
    await store.appendToStream(
      sagaId,
      events.map((event) => ({
        eventId: newId(),
        type: event.type,
        data: event.data,
        metadata: { commandId, ...trace },
      })),
      { expectedVersion: version === 0 ? 'noStream' : version },
    );
  }

  function drive(sagaId: string): Promise<void> {
    const running = driving.get(sagaId);
    if (running) return running;
    const run = (async () => {
      let redos = 0;
      try {
        while (!closed) {
          const events = await store.readStream(sagaId);
          const state = fold(sagaDecider.evolve, events as unknown as SagaEvent[], sagaDecider.initialState());
          const action = nextAction(state);
          if (state.status === 'none' || action.type === 'notStarted') return;
          let result: StepResult;
          if (action.type === 'done') {
            // A completed saga has what a person does to its order afterwards left to watch for: a cancellation or a shipment.
            const followUp = action.status === 'completed' ? await followUpDue(state) : undefined;
            if (followUp === undefined || closed) return;
            result = followUp;
          } else {
            const cause = events.at(-1)!.eventId;
            const pause = pauseBefore(action);
            if (pause > 0) {
              await sleep(pause);
              // Another tab may have taken this step while this one waited: read again rather than act on old news.
              if (!closed && (await store.streamVersion(sagaId)) !== events.length) continue;
            }
            if (closed) return;
            result = await perform(state, action, cause, events.length);
          }
          if ('redo' in result) {
            redos += 1;
            if (redos > maxRedos) throw new Error(`Saga ${sagaId}: step ${action.type} kept conflicting; stopped.`);
            continue;
          }
          redos = 0;
          try {
            await record(sagaId, state, events.length, result.command, {
              correlationId: state.correlationId,
              causationId: result.causationId,
            });
          } catch (error) {
            // Another coordinator recorded this step first: it is driving the saga, so this one stops quietly.
            if (error instanceof ConcurrencyError) return;
            throw error;
          }
          notify();
        }
      } catch (error) {
        // A storage failure or a bug: the saga stays unfinished in its stream and a later resume continues it.
        if (!closed) console.error(`Saga ${sagaId} stopped; it can be resumed.`, error);
      } finally {
        driving.delete(sagaId);
        notify();
      }
    })();
    driving.set(sagaId, run);
    return run;
  }

  /** Steps that act on another aggregate wait for the step delay (so a person can watch); retries also back off. */
  function pauseBefore(action: SagaAction): number {
    switch (action.type) {
      case 'chargePayment':
        return injection.stepDelayMs + backoffBefore(action.attempt, retry);
      case 'reserveStock':
      case 'confirmOrder':
      case 'refundPayment':
      case 'releaseStock':
      case 'cancelOrder':
      case 'shipStock':
        return injection.stepDelayMs;
      case 'notStarted':
      case 'completeSaga':
      case 'startCompensation':
      case 'finishCompensation':
      case 'finishCancellation':
      case 'done':
        return 0;
      default:
        return assertNever(action);
    }
  }

  /**
   * The follow-up a completed saga owes for what a person did to its order afterwards: cancelled it (confirmed or
   * processing: the order decider refuses to cancel a shipped or delivered order, whose stock left and whose money
   * was earned), or shipped it (its reserved stock leaves the warehouse). The saga learns it from the order's stream,
   * and records it on its own, caused by the person's event. Undefined when nothing (more) is owed.
   */
  async function followUpDue(saga: StartedSaga): Promise<StepResult | undefined> {
    const orderEvents = await store.readStream(orderStreamId(saga.orderId));
    const cancelled = orderEvents.find((event) => event.type === 'OrderCancelled');
    if (cancelled !== undefined) {
      const { reason, previousStatus } = (cancelled as unknown as OrderCancelled & RecordedEvent).data;
      return {
        command: {
          type: 'StartCancellationCompensation',
          data: { reason, previousStatus, orderCancelledEventId: cancelled.eventId, at: now() },
        },
        causationId: cancelled.eventId,
      };
    }
    const shipped = saga.shipping === null ? orderEvents.find((event) => event.type === 'OrderShipped') : undefined;
    if (shipped === undefined) return undefined;
    return {
      command: { type: 'StartShippingFollowUp', data: { orderShippedEventId: shipped.eventId, at: now() } },
      causationId: shipped.eventId,
    };
  }

  /** Whether the saga has something left to do: a step of its own, or a follow-up of what a person did to its order. */
  async function owesWork(state: SagaState): Promise<boolean> {
    if (state.status === 'none') return false;
    const action = nextAction(state);
    if (action.type !== 'done') return true;
    return action.status === 'completed' && (await followUpDue(state)) !== undefined;
  }

  async function sagaStateOf(sagaId: string): Promise<SagaState> {
    const events = await store.readStream(sagaId);
    return fold(sagaDecider.evolve, events as unknown as SagaEvent[], sagaDecider.initialState());
  }

  /**
   * The process manager's subscription: reads what was appended since it last looked (in this tab or, on IndexedDB,
   * another) and drives the saga of each cancelled or shipped order whose saga completed. Running sagas are left to
   * their driver, which meets the cancellation itself (and the shipment once it completes). A log that shrank was
   * replaced (import, reset): read it again.
   */
  async function watchPersons(): Promise<void> {
    const head = await store.headPosition();
    if (head < watchedUpTo) watchedUpTo = 0;
    // No saga at all (a generated history on the Data screen, the teaching sandboxes): no event needs reading. A
    // saga started later cannot be owed a follow-up for a cancellation already in the log.
    if ((await store.streamIds(sagaStreamPrefix)).length === 0) {
      watchedUpTo = Math.max(watchedUpTo, head);
      return;
    }
    while (!closed && watchedUpTo < head) {
      const batch = await store.readAll({ after: watchedUpTo, limit: 500 });
      if (batch.length === 0) break;
      watchedUpTo = batch.at(-1)!.globalPosition;
      const followedOrders = batch
        .filter((event) => followedOrderEvents.has(event.type))
        .map((event) => (event.data as { orderId: string }).orderId);
      if (followedOrders.length === 0) continue;
      const sagaIds = new Set(await store.streamIds(sagaStreamPrefix));
      for (const orderId of new Set(followedOrders)) {
        const sagaId = sagaStreamId(orderId);
        if (sagaIds.has(sagaId)) followUpIfOwed(sagaId);
      }
    }
  }

  /**
   * Drives the saga's follow-up if it owes one. A driver already running in this tab goes first: it may be past its
   * own look at the order (it read "not cancelled" a moment before the cancellation landed), so look again after it.
   */
  function followUpIfOwed(sagaId: string): void {
    const followUp = (async () => {
      await driving.get(sagaId);
      if (!closed && (await owesWork(await sagaStateOf(sagaId)))) void drive(sagaId);
    })()
      .catch((error: unknown) => {
        if (!closed) console.error(`Saga ${sagaId}: the follow-up of what a person did to its order did not start.`, error);
      })
      .finally(() => followUps.delete(followUp));
    followUps.add(followUp);
  }

  /** Watching starts at the head (or `watchFrom`): what was there before is `resumeUnfinished`'s to find. */
  let watching: Promise<void> = (parts.watchFrom ?? store.headPosition()).then(
    (head) => {
      watchedUpTo = head;
    },
    () => undefined,
  );
  // Appends between `watchFrom` and now were announced before this coordinator subscribed: look at them once.
  if (parts.watchFrom !== undefined) {
    watching = watching.then(watchPersons).catch((error: unknown) => {
      if (!closed) console.error('Watching for cancelled or shipped orders failed; the next append or start tries again.', error);
    });
  }
  const unsubscribeWatcher = store.subscribe(() => {
    if (closed) return;
    watching = watching.then(watchPersons).catch((error: unknown) => {
      if (!closed) console.error('Watching for cancelled or shipped orders failed; the next append or start tries again.', error);
    });
  });

  /**
   * Called after a step produced a new effect (a reservation, a charge). When the saga failed meanwhile (another tab
   * recorded a failure and is compensating), that compensation may already have run without seeing this effect:
   * undo it here. Both undos are no-ops when there is nothing to undo, so the race is safe either way.
   */
  async function undoIfSagaFailed(
    saga: StartedSaga,
    version: number,
    undo: () => Promise<unknown>,
  ): Promise<void> {
    if ((await store.streamVersion(saga.sagaId)) === version) return;
    const events = await store.readStream(saga.sagaId);
    const latest = fold(sagaDecider.evolve, events as unknown as SagaEvent[], sagaDecider.initialState());
    if (latest.status !== 'none' && latest.failure !== null) await undo();
  }

  async function perform(saga: StartedSaga, action: SagaAction, cause: string, version: number): Promise<StepResult> {
    const at = now();
    const { sagaId, orderId, correlationId } = saga;
    const trace = { correlationId, causationId: cause };
    const causedBy = (events: readonly RecordedEvent[]): string => events[0]?.eventId ?? cause;
    try {
      switch (action.type) {
        case 'reserveStock': {
          const { product, quantity } = action.line;
          try {
            const result = await handleCommand({
              store,
              decider: inventoryDecider,
              streamId: inventoryStreamId(product),
              command: { type: 'ReserveStock', data: { product, orderId, quantity, at } },
              commandId: `${sagaId}/reserveStock/${product}`,
              ...trace,
            });
            if (result.events.length > 0 && !result.idempotentReplay)
              await undoIfSagaFailed(saga, version, () =>
                handleCommand({
                  store,
                  decider: inventoryDecider,
                  streamId: inventoryStreamId(product),
                  command: { type: 'ReleaseStock', data: { product, orderId, reason: 'the saga failed meanwhile', at } },
                  commandId: `${sagaId}/releaseStock/${product}/late`,
                  correlationId,
                  causationId: result.events[0]!.eventId,
                }),
              );
            return {
              command: {
                type: 'SucceedStep',
                data: { step: 'reserveStock', product, detail: `Reserved ${quantity} × ${product}`, at },
              },
              causationId: causedBy(result.events),
            };
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            return {
              command: { type: 'FailStep', data: { step: 'reserveStock', product, reason: error.message, attempts: 1, at } },
              causationId: cause,
            };
          }
        }
        case 'chargePayment':
          return await charge(saga, action.amount, action.attempt, cause, version);
        case 'confirmOrder': {
          const order = await rehydrate(store, orderDecider, orderStreamId(orderId));
          const status = order.state.status;
          if (status === 'confirmed' || status === 'processing' || status === 'shipped' || status === 'delivered') {
            return {
              command: { type: 'SucceedStep', data: { step: 'confirmOrder', product: null, detail: `Order was already ${status}`, at } },
              causationId: cause,
            };
          }
          const outcome = await execute('ConfirmOrder', { orderId }, { commandId: `${sagaId}/confirmOrder`, ...trace, at });
          if (outcome.ok)
            return {
              command: { type: 'SucceedStep', data: { step: 'confirmOrder', product: null, detail: 'Order confirmed', at } },
              causationId: causedBy(outcome.events),
            };
          if (outcome.kind === 'conflict') return { redo: true };
          if (outcome.kind === 'storage') throw new Error(outcome.message);
          return {
            command: {
              type: 'FailStep',
              data: { step: 'confirmOrder', product: null, reason: `The order could not be confirmed: ${outcome.message}`, attempts: 1, at },
            },
            causationId: cause,
          };
        }
        case 'completeSaga':
          return { command: { type: 'CompleteSaga', data: { at } }, causationId: cause };
        case 'startCompensation':
          return { command: { type: 'StartCompensation', data: { reason: action.reason, at } }, causationId: cause };
        case 'refundPayment': {
          const result = await handleCommand({
            store,
            decider: paymentDecider,
            streamId: paymentStreamId(orderId),
            command: { type: 'RefundPayment', data: { orderId, reason: undoReason(saga, action.reason), at } },
            commandId: followUpCommandId(saga, 'refundPayment'),
            ...followUpTrace(saga, trace),
          });
          const refunded = result.events[0]?.data as { amount: number } | undefined;
          return {
            command: {
              type: 'CompleteCompensationStep',
              data: {
                step: 'refundPayment',
                product: null,
                detail: refunded ? `Refunded ${money(refunded.amount)}` : 'Nothing to refund: no charge was recorded (the saga checks anyway, because a charge call that failed or timed out may still have gone through)',
                at,
              },
            },
            causationId: causedBy(result.events),
          };
        }
        case 'releaseStock': {
          const { product } = action.line;
          const result = await handleCommand({
            store,
            decider: inventoryDecider,
            streamId: inventoryStreamId(product),
            command: { type: 'ReleaseStock', data: { product, orderId, reason: shortReason(undoReason(saga, action.reason)), at } },
            commandId: followUpCommandId(saga, `releaseStock/${product}`),
            ...followUpTrace(saga, trace),
          });
          const released = result.events[0]?.data as { quantity: number } | undefined;
          return {
            command: {
              type: 'CompleteCompensationStep',
              data: {
                step: 'releaseStock',
                product,
                detail: released ? `Released ${released.quantity} × ${product}` : `Nothing to release: this order holds no ${product}`,
                at,
              },
            },
            causationId: causedBy(result.events),
          };
        }
        case 'cancelOrder': {
          const done = (detail: string, causationId = cause): StepResult => ({
            command: { type: 'CompleteCompensationStep', data: { step: 'cancelOrder', product: null, detail, at } },
            causationId,
          });
          const order = await rehydrate(store, orderDecider, orderStreamId(orderId));
          if (order.state.status === 'cancelled') return done('Order was already cancelled');
          if (order.state.status !== 'none' && order.state.deleted) return done('Order was deleted: nothing to cancel');
          const outcome = await execute(
            'CancelOrder',
            { orderId, reason: shortReason(action.reason) },
            { commandId: `${sagaId}/cancelOrder`, ...trace, at },
          );
          if (outcome.ok) return done(`Order cancelled: ${action.reason}`, causedBy(outcome.events));
          if (outcome.kind === 'conflict') return { redo: true };
          if (outcome.kind === 'storage') throw new Error(outcome.message);
          // E.g. a person shipped the order by hand meanwhile: the saga cannot undo that, and says so.
          return done(`The order could not be cancelled: ${outcome.message}`);
        }
        case 'finishCompensation':
          return { command: { type: 'FinishCompensation', data: { reason: action.reason, at } }, causationId: cause };
        case 'finishCancellation':
          return {
            command: { type: 'FinishCancellationCompensation', data: { reason: action.reason, at } },
            causationId: cause,
          };
        case 'shipStock': {
          const { product, quantity } = action.line;
          const recordShipped = (detail: string, causationId: string): StepResult => ({
            command: { type: 'RecordStockShipped', data: { product, detail, at } },
            causationId,
          });
          try {
            const result = await handleCommand({
              store,
              decider: inventoryDecider,
              streamId: inventoryStreamId(product),
              command: { type: 'ShipReservedStock', data: { product, orderId, quantity, at } },
              commandId: followUpCommandId(saga, `shipStock/${product}`),
              ...followUpTrace(saga, trace),
            });
            return recordShipped(`Shipped ${quantity} × ${product}`, causedBy(result.events));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            // The inventory disagrees (an imported log where the reservation was released by hand, say): the saga
            // says so and moves on rather than retrying a command that cannot succeed.
            return recordShipped(`Nothing shipped: ${error.message}`, cause);
          }
        }
        case 'notStarted':
        case 'done':
          throw new Error(`Saga ${sagaId}: nothing to perform for ${action.type}`);
      }
    } catch (error) {
      // Several sagas acting on one product's stream at once: load and decide again.
      if (error instanceof ConcurrencyError) return { redo: true };
      throw error;
    }
  }

  /** One attempt at charging: through the circuit breaker to the provider, its answer recorded on the payment stream. */
  async function charge(
    saga: StartedSaga,
    amount: number,
    attempt: number,
    cause: string,
    version: number,
  ): Promise<StepResult> {
    const { sagaId, orderId, correlationId } = saga;
    const at = now();
    const trace = { correlationId, causationId: cause };
    const succeeded = (authorization: string, causationId: string): StepResult => ({
      command: {
        type: 'SucceedStep',
        data: { step: 'chargePayment', product: null, detail: `Charged ${money(amount)} (authorization ${authorization})`, at },
      },
      causationId,
    });
    const failed = (reason: string): StepResult => ({
      command: { type: 'FailStep', data: { step: 'chargePayment', product: null, reason, attempts: attempt, at } },
      causationId: cause,
    });

    // Charged before a reload (or by another tab) but not yet recorded here: the provider is not asked twice.
    const payment = await rehydrate(store, paymentDecider, paymentStreamId(orderId));
    if (payment.state.status !== 'unpaid') return succeeded(payment.state.authorization, cause);

    // A person cancelled (or deleted) the order while the saga ran: charging it now would only mean refunding later.
    const order = await rehydrate(store, orderDecider, orderStreamId(orderId));
    if (order.state.status === 'cancelled' || (order.state.status !== 'none' && order.state.deleted)) {
      const why = order.state.status === 'cancelled' && order.state.cancelReason ? ` (${order.state.cancelReason})` : '';
      return failed(`The order was ${order.state.status === 'cancelled' ? 'cancelled' : 'deleted'} meanwhile${why}: the payment service was not called`);
    }

    const asked = requestCall(breaker, clock());
    setBreaker(asked.breaker);
    if (!asked.allowed) {
      const when = breaker.retryAt === null ? 'after the trial call' : `at ${new Date(breaker.retryAt).toISOString().slice(11, 19)}`;
      return failed(`Circuit breaker open: the payment service was not called (a trial call is let through ${when})`);
    }
    let answer;
    try {
      answer = await payments.charge({ orderId, amount, attempt });
    } catch (error) {
      if (!(error instanceof PaymentServiceUnavailable)) throw error;
      setBreaker(recordFailure(breaker, clock(), breakerConfig));
      if (mayRetryAfter(attempt, retry))
        return {
          command: {
            type: 'RetryStep',
            data: { step: 'chargePayment', attempt, maxAttempts: retry.maxAttempts, reason: error.message, at },
          },
          causationId: cause,
        };
      return failed(error.message);
    }
    // The service answered, approval or decline: it is up.
    setBreaker(recordSuccess(breaker));
    try {
      if (answer.kind === 'approved') {
        const result = await handleCommand({
          store,
          decider: paymentDecider,
          streamId: paymentStreamId(orderId),
          command: { type: 'RecordCharge', data: { orderId, amount, authorization: answer.authorization, at } },
          commandId: `${sagaId}/chargePayment/${attempt}/charge`,
          ...trace,
        });
        if (result.events.length > 0 && !result.idempotentReplay)
          await undoIfSagaFailed(saga, version, () =>
            handleCommand({
              store,
              decider: paymentDecider,
              streamId: paymentStreamId(orderId),
              command: { type: 'RefundPayment', data: { orderId, reason: 'the saga failed meanwhile', at } },
              commandId: `${sagaId}/refundPayment/late`,
              correlationId,
              causationId: result.events[0]!.eventId,
            }),
          );
        return succeeded(answer.authorization, result.events[0]?.eventId ?? cause);
      }
      const result = await handleCommand({
        store,
        decider: paymentDecider,
        streamId: paymentStreamId(orderId),
        command: { type: 'RecordDecline', data: { orderId, amount, reason: answer.reason, at } },
        commandId: `${sagaId}/chargePayment/${attempt}/decline`,
        ...trace,
      });
      return {
        command: {
          type: 'FailStep',
          data: { step: 'chargePayment', product: null, reason: `Payment declined: ${answer.reason}`, attempts: attempt, at },
        },
        causationId: result.events[0]?.eventId ?? cause,
      };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'AlreadyCharged')) throw error;
      // Another coordinator's charge got recorded first: the order is paid.
      const paid = await rehydrate(store, paymentDecider, paymentStreamId(orderId));
      return succeeded(paid.state.status === 'unpaid' ? 'unknown' : paid.state.authorization, cause);
    }
  }

  // ---------- reading ----------

  async function sagas(): Promise<SagaView[]> {
    const ids = await store.streamIds(sagaStreamPrefix);
    const views = await Promise.all(ids.map(async (id) => sagaViewOf(await store.readStream(id))));
    return views.filter((view): view is SagaView => view !== undefined);
  }

  return {
    placeOrder,
    startForPlacedOrder,
    async whenIdle() {
      // The watcher may be about to start a follow-up: idle means it has looked at every append and nothing runs.
      for (;;) {
        const watched = watching;
        await watched;
        const busy = [...driving.values(), ...followUps];
        if (busy.length > 0) await Promise.all(busy);
        else if (watching === watched) return;
      }
    },
    async resumeUnfinished() {
      let resumed = 0;
      for (const id of await store.streamIds(sagaStreamPrefix)) {
        if (closed || driving.has(id)) continue;
        if (!(await owesWork(await sagaStateOf(id)))) continue;
        resumed += 1;
        void drive(id);
      }
      return resumed;
    },
    sagas,
    async saga(orderId) {
      return sagaViewOf(await store.readStream(sagaStreamId(orderId)));
    },
    async outcomes() {
      const all = await sagas();
      const count = (...statuses: string[]) => all.filter((view) => statuses.includes(view.status)).length;
      return {
        completed: count('completed'),
        compensated: count('compensated'),
        running: count('running', 'compensating'),
        cancelled: count('cancelled'),
      };
    },
    injection: () => injection,
    setInjection(patch) {
      injection = patchedInjection(injection, patch);
      notify();
    },
    circuit: () => circuitView(breaker, breakerConfig),
    stock,
    restock: (product, quantity) => restock(product, quantity),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      unsubscribeWatcher();
      listeners.clear();
    },
  };
}
