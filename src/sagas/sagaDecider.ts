import type { Decider } from '../domain/core/decider';
import { checkedDecider } from '../domain/core/checkedDecider';
import { sagaEventSchemas } from './eventSchemas';
import { DomainError } from '../domain/core/errors';
import { assertNever } from '../domain/core/message';
import type { OrderItem } from '../domain/order/types';
import type {
  SagaActionStep,
  SagaCommand,
  SagaEvent,
  SagaState,
  StartedSaga,
  StockLine,
} from './sagaMessages';
import type { SagaCompensation, SagaStatus } from './types';

/** What the orchestrator does next, read from the saga's state alone (pure: the coordinator does the I/O). */
export type SagaAction =
  | { readonly type: 'notStarted' }
  | { readonly type: 'reserveStock'; readonly line: StockLine; readonly index: number }
  | { readonly type: 'chargePayment'; readonly amount: number; readonly attempt: number }
  | { readonly type: 'confirmOrder' }
  | { readonly type: 'completeSaga' }
  | { readonly type: 'startCompensation'; readonly reason: string }
  | { readonly type: 'refundPayment'; readonly reason: string }
  | { readonly type: 'releaseStock'; readonly line: StockLine; readonly reason: string }
  | { readonly type: 'cancelOrder'; readonly reason: string }
  | { readonly type: 'finishCompensation'; readonly reason: string }
  /** The follow-up of a cancellation after confirmation undid everything: the saga ends `cancelled`. */
  | { readonly type: 'finishCancellation'; readonly reason: string }
  /** The order of a completed saga shipped: this product's reservation leaves the warehouse. */
  | { readonly type: 'shipStock'; readonly line: StockLine }
  | { readonly type: 'done'; readonly status: Extract<SagaStatus, 'completed' | 'compensated' | 'cancelled'> };

/** An order's lines merged by product, in the order products first appear: one reservation per product. */
export function stockLinesOf(items: readonly OrderItem[]): StockLine[] {
  const byProduct = new Map<string, number>();
  for (const item of items) byProduct.set(item.product, (byProduct.get(item.product) ?? 0) + item.quantity);
  return [...byProduct].map(([product, quantity]) => ({ product, quantity }));
}

export function nextAction(state: SagaState): SagaAction {
  if (state.status === 'none') return { type: 'notStarted' };
  // A completed saga is done until a person cancels or ships its order: the coordinator then records
  // CancellationCompensationStarted or ShippingFollowUpStarted (it reads the order stream; this reads the saga alone).
  // Shipping keeps the saga `completed` (the order went through); only its reservations are left to ship.
  if (state.status === 'completed' && state.shipping !== null) {
    const unshipped = state.lines.find((line) => !state.shippedProducts.includes(line.product));
    if (unshipped) return { type: 'shipStock', line: unshipped };
  }
  if (state.status === 'completed' || state.status === 'compensated' || state.status === 'cancelled')
    return { type: 'done', status: state.status };
  if (state.status === 'running') {
    if (state.failure) return { type: 'startCompensation', reason: state.failure.reason };
    const line = state.lines[state.reservedLines];
    if (line) return { type: 'reserveStock', line, index: state.reservedLines };
    if (!state.charged) return { type: 'chargePayment', amount: state.total, attempt: state.chargeRetries + 1 };
    if (!state.confirmed) return { type: 'confirmOrder' };
    return { type: 'completeSaga' };
  }
  // Compensating: undo in reverse order of the steps: the payment, then the reservations from the last one.
  const reason = state.cancellation?.reason ?? state.failure?.reason ?? 'compensation requested';
  if (state.chargeReached && !state.refundDone) return { type: 'refundPayment', reason };
  // The product whose reservation failed is released too (a no-op, normally): a second tab's late retry of that
  // reservation may have got through after restocking, and compensation must not leave it held.
  const lastTouched = state.failure?.step === 'reserveStock' ? state.reservedLines : state.reservedLines - 1;
  for (let index = Math.min(lastTouched, state.lines.length - 1); index >= 0; index -= 1) {
    const line = state.lines[index]!;
    if (!state.released.includes(line.product)) return { type: 'releaseStock', line, reason };
  }
  // After a cancellation the order is cancelled already (that is what started this): nothing more to undo.
  if (state.cancellation) return { type: 'finishCancellation', reason };
  if (!state.cancelled) return { type: 'cancelOrder', reason };
  return { type: 'finishCompensation', reason };
}

/** The compensation `nextAction` would run first in this state (for the timeline's "compensation started" line). */
export function firstCompensation(state: SagaState): SagaCompensation {
  const action = nextAction(state);
  if (action.type === 'refundPayment') return 'refundPayment';
  if (action.type === 'releaseStock') return 'releaseStock';
  return 'cancelOrder';
}

function started(state: SagaState, sagaId = 'this saga'): StartedSaga {
  if (state.status === 'none') throw new DomainError('SagaNotStarted', `Saga ${sagaId} has not started.`);
  return state;
}

/** The command must be the one step `nextAction` allows: a second coordinator cannot record a step twice. */
function outOfOrder(state: StartedSaga, wanted: string): never {
  const action = nextAction(state);
  throw new DomainError(
    'SagaStepOutOfOrder',
    `Saga ${state.sagaId} cannot record ${wanted}: its next step is ${action.type}${'line' in action ? ` (${action.line.product})` : ''}.`,
  );
}

const productOf = (action: SagaAction): string | null => ('line' in action ? action.line.product : null);

function actionStep(action: SagaAction): SagaActionStep | SagaCompensation | null {
  switch (action.type) {
    case 'reserveStock':
    case 'chargePayment':
    case 'confirmOrder':
    case 'refundPayment':
    case 'releaseStock':
    case 'cancelOrder':
      return action.type;
    default:
      return null;
  }
}

function decide(command: SagaCommand, state: SagaState): SagaEvent[] {
  if (command.type === 'StartSaga') {
    if (state.status !== 'none')
      throw new DomainError('SagaAlreadyStarted', `Saga ${command.data.sagaId} has already started.`);
    const { at, ...data } = command.data;
    return [{ type: 'SagaStarted', data: { ...data, startedAt: at } }];
  }
  const saga = started(state);
  const action = nextAction(saga);
  switch (command.type) {
    case 'SucceedStep':
    case 'FailStep': {
      const { step, product } = command.data;
      if (actionStep(action) !== step || productOf(action) !== product)
        outOfOrder(saga, `${step}${product ? ` (${product})` : ''}`);
      return command.type === 'SucceedStep'
        ? [{ type: 'SagaStepSucceeded', data: command.data }]
        : [{ type: 'SagaStepFailed', data: command.data }];
    }
    case 'RetryStep':
      if (action.type !== 'chargePayment') outOfOrder(saga, 'a retry of chargePayment');
      return [{ type: 'SagaStepRetried', data: command.data }];
    case 'StartCompensation':
      if (action.type !== 'startCompensation') outOfOrder(saga, 'the start of compensation');
      return [{ type: 'CompensationStarted', data: command.data }];
    case 'CompleteCompensationStep': {
      const { step, product } = command.data;
      if (actionStep(action) !== step || productOf(action) !== product)
        outOfOrder(saga, `${step}${product ? ` (${product})` : ''}`);
      return [{ type: 'CompensationStepDone', data: command.data }];
    }
    case 'CompleteSaga':
      if (action.type !== 'completeSaga') outOfOrder(saga, 'its completion');
      return [{ type: 'SagaCompleted', data: command.data }];
    case 'FinishCompensation':
      if (action.type !== 'finishCompensation') outOfOrder(saga, 'the end of compensation');
      return [{ type: 'SagaCompensated', data: command.data }];
    case 'StartCancellationCompensation':
      // Only what the saga finished can be undone after the fact; a running saga meets the cancellation itself (its
      // confirmation fails and it compensates), and a saga undone already has nothing left to give back.
      if (saga.status !== 'completed')
        throw new DomainError(
          'SagaNotCompleted',
          `Saga ${saga.sagaId} cannot compensate a cancellation after confirmation: it is "${saga.status}", not "completed".`,
        );
      return [{ type: 'CancellationCompensationStarted', data: command.data }];
    case 'FinishCancellationCompensation':
      if (action.type !== 'finishCancellation') outOfOrder(saga, 'the end of the cancellation follow-up');
      return [{ type: 'SagaCancelledAfterConfirmation', data: command.data }];
    case 'StartShippingFollowUp':
      if (saga.status !== 'completed' || saga.shipping !== null)
        throw new DomainError(
          'SagaNotCompleted',
          saga.shipping !== null
            ? `Saga ${saga.sagaId} already follows up its order's shipping.`
            : `Saga ${saga.sagaId} cannot ship the stock of its order: it is "${saga.status}", not "completed".`,
        );
      return [{ type: 'ShippingFollowUpStarted', data: command.data }];
    case 'RecordStockShipped':
      if (action.type !== 'shipStock' || action.line.product !== command.data.product)
        outOfOrder(saga, `the shipping of ${command.data.product}`);
      return [{ type: 'SagaStockShipped', data: command.data }];
    default:
      return assertNever(command);
  }
}

function evolve(state: SagaState, event: SagaEvent): SagaState {
  if (event.type === 'SagaStarted') {
    const { sagaId, orderId, customerId, items, total, correlationId, startedAt } = event.data;
    return {
      status: 'running',
      sagaId,
      orderId,
      customerId,
      items,
      total,
      correlationId,
      startedAt,
      lines: stockLinesOf(items),
      reservedLines: 0,
      chargeRetries: 0,
      chargeReached: false,
      charged: false,
      confirmed: false,
      failure: null,
      compensationStarted: false,
      refundDone: false,
      released: [],
      cancelled: false,
      cancellation: null,
      shipping: null,
      shippedProducts: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SagaStepSucceeded':
      switch (event.data.step) {
        case 'reserveStock':
          return { ...state, reservedLines: state.reservedLines + 1 };
        case 'chargePayment':
          return { ...state, chargeReached: true, charged: true };
        case 'confirmOrder':
          return { ...state, confirmed: true };
        default:
          return assertNever(event.data.step);
      }
    case 'SagaStepRetried':
      return { ...state, chargeReached: true, chargeRetries: state.chargeRetries + 1 };
    case 'SagaStepFailed':
      return {
        ...state,
        chargeReached: state.chargeReached || event.data.step === 'chargePayment',
        failure: { step: event.data.step, reason: event.data.reason },
      };
    case 'CompensationStarted':
      return { ...state, status: 'compensating', compensationStarted: true };
    case 'CompensationStepDone':
      switch (event.data.step) {
        case 'refundPayment':
          return { ...state, refundDone: true };
        case 'releaseStock':
          return { ...state, released: [...state.released, event.data.product ?? ''] };
        case 'cancelOrder':
          return { ...state, cancelled: true };
        default:
          return assertNever(event.data.step);
      }
    case 'SagaCompleted':
      return { ...state, status: 'completed' };
    case 'SagaCompensated':
      return { ...state, status: 'compensated' };
    case 'CancellationCompensationStarted': {
      const { at: _at, ...cancellation } = event.data;
      // The order is cancelled already: the person did it, so `cancelled` holds without a cancelOrder step.
      return { ...state, status: 'compensating', compensationStarted: true, cancelled: true, cancellation };
    }
    case 'SagaCancelledAfterConfirmation':
      return { ...state, status: 'cancelled' };
    case 'ShippingFollowUpStarted':
      return { ...state, shipping: { orderShippedEventId: event.data.orderShippedEventId } };
    case 'SagaStockShipped':
      return { ...state, shippedProducts: [...state.shippedProducts, event.data.product] };
    default:
      return assertNever(event);
  }
}

export const sagaDecider: Decider<SagaCommand, SagaEvent, SagaState> = checkedDecider({
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
}, sagaEventSchemas);

/** The command a saga event records (an import decides it again to check the event could have happened). */
export function commandOfSagaEvent(event: SagaEvent): SagaCommand {
  switch (event.type) {
    case 'SagaStarted': {
      const { startedAt, ...data } = event.data;
      return { type: 'StartSaga', data: { ...data, at: startedAt } };
    }
    case 'SagaStepSucceeded':
      return { type: 'SucceedStep', data: event.data };
    case 'SagaStepRetried':
      return { type: 'RetryStep', data: event.data };
    case 'SagaStepFailed':
      return { type: 'FailStep', data: event.data };
    case 'CompensationStarted':
      return { type: 'StartCompensation', data: event.data };
    case 'CompensationStepDone':
      return { type: 'CompleteCompensationStep', data: event.data };
    case 'SagaCompleted':
      return { type: 'CompleteSaga', data: event.data };
    case 'SagaCompensated':
      return { type: 'FinishCompensation', data: event.data };
    case 'CancellationCompensationStarted':
      return { type: 'StartCancellationCompensation', data: event.data };
    case 'SagaCancelledAfterConfirmation':
      return { type: 'FinishCancellationCompensation', data: event.data };
    case 'ShippingFollowUpStarted':
      return { type: 'StartShippingFollowUp', data: event.data };
    case 'SagaStockShipped':
      return { type: 'RecordStockShipped', data: event.data };
    default:
      return assertNever(event);
  }
}
