import { assertNever } from '../domain/core/message';
import type { RecordedEvent } from '../eventStore/types';
import { firstCompensation, sagaDecider } from './sagaDecider';
import type { SagaEvent, SagaState } from './sagaMessages';
import type { SagaTimelineEntry, SagaView } from './types';

const money = (amount: number): string =>
  amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `2 × Laptop, 1 × Mouse` */
export function itemsInWords(items: readonly { readonly product: string; readonly quantity: number }[]): string {
  return items.map((item) => `${item.quantity} × ${item.product}`).join(', ');
}

/** The saga's timeline and status, derived from its stream alone (as recorded, in stream order). */
export function sagaViewOf(recorded: readonly RecordedEvent[]): SagaView | undefined {
  const events = recorded as readonly RecordedEvent[] as unknown as readonly (SagaEvent & RecordedEvent)[];
  const first = events[0];
  if (first?.type !== 'SagaStarted') return undefined;
  const timeline: SagaTimelineEntry[] = [];
  let state: SagaState = sagaDecider.initialState();
  for (const event of events) {
    state = sagaDecider.evolve(state, event);
    const entry = timelineEntry(event, state);
    if (entry) timeline.push({ ...entry, eventId: event.eventId, globalPosition: event.globalPosition });
  }
  if (state.status === 'none') return undefined;
  return {
    sagaId: state.sagaId,
    orderId: state.orderId,
    status: state.status,
    failureReason: state.failure?.reason ?? null,
    cancellationReason: state.cancellation?.reason ?? null,
    correlationId: state.correlationId,
    total: state.total,
    timeline,
    startedAt: state.startedAt,
  };
}

type Entry = Omit<SagaTimelineEntry, 'eventId' | 'globalPosition'>;

/** `after` is the state once the event is applied. Completion and the end of compensation show in the status. */
function timelineEntry(event: SagaEvent, after: SagaState): Entry | undefined {
  switch (event.type) {
    case 'SagaStarted': {
      const { items, total, startedAt } = event.data;
      return {
        step: 'placeOrder',
        kind: 'step',
        outcome: 'succeeded',
        detail: `Order placed: ${itemsInWords(items)}, total ${money(total)}`,
        at: startedAt,
      };
    }
    case 'SagaStepSucceeded':
      return { step: event.data.step, kind: 'step', outcome: 'succeeded', detail: event.data.detail, at: event.data.at };
    case 'SagaStepRetried': {
      const { step, attempt, maxAttempts, reason, at } = event.data;
      return { step, kind: 'step', outcome: 'retrying', detail: `${reason} (attempt ${attempt} of ${maxAttempts})`, at };
    }
    case 'SagaStepFailed': {
      const { step, reason, attempts, at } = event.data;
      return {
        step,
        kind: 'step',
        outcome: 'failed',
        detail: attempts > 1 ? `${reason} (after ${attempts} attempts)` : reason,
        at,
      };
    }
    case 'CompensationStarted':
      return {
        step: firstCompensation(after),
        kind: 'compensation',
        outcome: 'started',
        detail: `Undoing the steps done, because: ${event.data.reason}`,
        at: event.data.at,
      };
    case 'CompensationStepDone':
      return { step: event.data.step, kind: 'compensation', outcome: 'succeeded', detail: event.data.detail, at: event.data.at };
    case 'CancellationCompensationStarted': {
      // The person's cancellation stands in the "cancel order" lane: it is the undo of placing the order, done by
      // hand first; the refund and the releases it calls for follow in their own lanes.
      const { reason, previousStatus, at } = event.data;
      return {
        step: 'cancelOrder',
        kind: 'compensation',
        outcome: 'succeeded',
        detail: `Order cancelled after the saga confirmed it${previousStatus === 'confirmed' ? '' : ` (it was ${previousStatus})`}: ${reason}. Undoing the payment and the reservations.`,
        at,
      };
    }
    case 'SagaCompleted':
    case 'SagaCompensated':
    case 'SagaCancelledAfterConfirmation':
    // Shipping is the order moving on after the saga succeeded, not a step of it: it shows in the stock, not here.
    case 'ShippingFollowUpStarted':
    case 'SagaStockShipped':
      return undefined;
    default:
      return assertNever(event);
  }
}
