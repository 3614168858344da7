import { describe, expect, it } from 'vitest';
import { fold } from '../../src/domain/core/decider';
import { DomainError } from '../../src/domain/core/errors';
import { commandOfSagaEvent, nextAction, sagaDecider, stockLinesOf } from '../../src/sagas/sagaDecider';
import type { SagaCommand, SagaEvent } from '../../src/sagas/sagaMessages';
import { sagaViewOf } from '../../src/sagas/sagaView';
import type { RecordedEvent } from '../../src/eventStore/types';
import { spec } from '../support/givenWhenThen';

const at = '2025-01-02T10:00:00.000Z';
const given = (events: readonly SagaEvent[]) => spec(sagaDecider).given(events);
const state = (events: readonly SagaEvent[]) => fold(sagaDecider.evolve, events, sagaDecider.initialState());

const items = [
  { product: 'Laptop', quantity: 1, unitPrice: 999.99 },
  { product: 'Mouse', quantity: 2, unitPrice: 25 },
];
const sagaStarted: SagaEvent = {
  type: 'SagaStarted',
  data: { sagaId: 'saga-42', orderId: '42', customerId: 'c-1', items, total: 1049.99, correlationId: 'cmd-1', startedAt: at },
};
const reserved = (product: string): SagaEvent => ({
  type: 'SagaStepSucceeded',
  data: { step: 'reserveStock', product, detail: `Reserved ${product}`, at },
});
const charged: SagaEvent = { type: 'SagaStepSucceeded', data: { step: 'chargePayment', product: null, detail: 'Charged', at } };
const confirmed: SagaEvent = { type: 'SagaStepSucceeded', data: { step: 'confirmOrder', product: null, detail: 'Order confirmed', at } };
const retried = (attempt: number): SagaEvent => ({
  type: 'SagaStepRetried',
  data: { step: 'chargePayment', attempt, maxAttempts: 3, reason: 'Payment service unavailable', at },
});
const chargeFailed: SagaEvent = {
  type: 'SagaStepFailed',
  data: { step: 'chargePayment', product: null, reason: 'Payment declined', attempts: 1, at },
};
const compensationStarted: SagaEvent = { type: 'CompensationStarted', data: { reason: 'Payment declined', at } };
const compensated = (step: 'refundPayment' | 'releaseStock' | 'cancelOrder', product: string | null = null): SagaEvent => ({
  type: 'CompensationStepDone',
  data: { step, product, detail: step, at },
});

const happyPath: SagaEvent[] = [sagaStarted, reserved('Laptop'), reserved('Mouse'), charged, confirmed];
const declinedPath: SagaEvent[] = [sagaStarted, reserved('Laptop'), reserved('Mouse'), chargeFailed, compensationStarted];

describe('what the orchestrator does next', () => {
  it('walks the happy path: reserve each product, charge, confirm, complete', () => {
    const steps = [];
    for (let length = 1; length <= happyPath.length; length += 1) {
      const action = nextAction(state(happyPath.slice(0, length)));
      steps.push(action.type === 'reserveStock' ? `reserve ${action.line.product}` : action.type);
    }
    expect(steps).toEqual(['reserve Laptop', 'reserve Mouse', 'chargePayment', 'confirmOrder', 'completeSaga']);
    expect(nextAction(state([...happyPath, { type: 'SagaCompleted', data: { at } }]))).toEqual({ type: 'done', status: 'completed' });
  });

  it('charges the order total, counting attempts across retries', () => {
    const afterReservations = [sagaStarted, reserved('Laptop'), reserved('Mouse')];
    expect(nextAction(state(afterReservations))).toEqual({ type: 'chargePayment', amount: 1049.99, attempt: 1 });
    expect(nextAction(state([...afterReservations, retried(1), retried(2)]))).toEqual({ type: 'chargePayment', amount: 1049.99, attempt: 3 });
  });

  it('after a failed step, starts compensating, then undoes in reverse: refund, release the last product first, cancel', () => {
    expect(nextAction(state(declinedPath.slice(0, -1)))).toEqual({ type: 'startCompensation', reason: 'Payment declined' });
    const order: string[] = [];
    const history = [...declinedPath];
    for (;;) {
      const action = nextAction(state(history));
      if (action.type === 'refundPayment') history.push(compensated('refundPayment'));
      else if (action.type === 'releaseStock') history.push(compensated('releaseStock', action.line.product));
      else if (action.type === 'cancelOrder') history.push(compensated('cancelOrder'));
      else break;
      order.push(action.type === 'releaseStock' ? `release ${action.line.product}` : action.type);
    }
    expect(order).toEqual(['refundPayment', 'release Mouse', 'release Laptop', 'cancelOrder']);
    expect(nextAction(state(history))).toEqual({ type: 'finishCompensation', reason: 'Payment declined' });
  });

  it('refunds nothing when stock was short, and releases the short product too (a no-op unless a late retry got it)', () => {
    const reason = 'Mouse is short';
    const shortOnMouse: SagaEvent[] = [
      sagaStarted,
      reserved('Laptop'),
      { type: 'SagaStepFailed', data: { step: 'reserveStock', product: 'Mouse', reason, attempts: 1, at } },
      { type: 'CompensationStarted', data: { reason, at } },
    ];
    expect(nextAction(state(shortOnMouse))).toEqual({ type: 'releaseStock', line: { product: 'Mouse', quantity: 2 }, reason });
    const mouseReleased = [...shortOnMouse, compensated('releaseStock', 'Mouse')];
    expect(nextAction(state(mouseReleased))).toEqual({ type: 'releaseStock', line: { product: 'Laptop', quantity: 1 }, reason });
    expect(nextAction(state([...mouseReleased, compensated('releaseStock', 'Laptop')]))).toEqual({ type: 'cancelOrder', reason });
  });

  it('merges two lines of one product into one reservation', () => {
    expect(stockLinesOf([...items, { product: 'Laptop', quantity: 2, unitPrice: 999.99 }])).toEqual([
      { product: 'Laptop', quantity: 3 },
      { product: 'Mouse', quantity: 2 },
    ]);
  });
});

describe('recording the saga', () => {
  const succeed = (step: 'reserveStock' | 'chargePayment' | 'confirmOrder', product: string | null): SagaCommand => ({
    type: 'SucceedStep',
    data: { step, product, detail: 'done', at },
  });

  it('records the step that is next', () => {
    given([sagaStarted]).when(succeed('reserveStock', 'Laptop')).then([
      { type: 'SagaStepSucceeded', data: { step: 'reserveStock', product: 'Laptop', detail: 'done', at } },
    ]);
  });

  it('refuses a step out of order, so a second coordinator cannot record a step twice', () => {
    const error = given([sagaStarted, reserved('Laptop')])
      .when(succeed('reserveStock', 'Laptop'))
      .thenThrows(DomainError, /next step is reserveStock \(Mouse\)/);
    expect(error.code).toBe('SagaStepOutOfOrder');
    given(happyPath).when(succeed('chargePayment', null)).thenThrows(DomainError, /next step is completeSaga/);
  });

  it('starts once', () => {
    const start = commandOfSagaEvent(sagaStarted);
    given([]).when(start).then([sagaStarted]);
    given([sagaStarted]).when(start).thenThrows(DomainError, /already started/);
  });

  it('refuses anything before it starts', () => {
    given([]).when(succeed('reserveStock', 'Laptop')).thenThrows(DomainError, /has not started/);
  });

  it('reads each event back as the command that recorded it', () => {
    const full = [
      ...declinedPath,
      compensated('refundPayment'),
      compensated('releaseStock', 'Mouse'),
      compensated('releaseStock', 'Laptop'),
      compensated('cancelOrder'),
      { type: 'SagaCompensated', data: { reason: 'Payment declined', at } } as SagaEvent,
    ];
    let current = sagaDecider.initialState();
    for (const event of full) {
      expect(sagaDecider.decide(commandOfSagaEvent(event), current)).toEqual([event]);
      current = sagaDecider.evolve(current, event);
    }
    expect(current.status).toBe('compensated');
  });
});

describe('the saga timeline', () => {
  const recorded = (events: readonly SagaEvent[]): RecordedEvent[] =>
    events.map((event, index) => ({
      ...event,
      eventId: `e${index + 1}`,
      globalPosition: 100 + index,
      streamId: 'saga-42',
      streamPosition: index + 1,
      schemaVersion: 1,
      metadata: { commandId: `c${index}`, correlationId: 'cmd-1', causationId: 'x', recordedAt: at },
    }));

  it('lists placing the order and every step, with the failure reason and the compensations', () => {
    const view = sagaViewOf(recorded([...declinedPath.slice(0, 3), retried(1), chargeFailed, compensationStarted, compensated('refundPayment')]))!;
    expect(view.status).toBe('compensating');
    expect(view.failureReason).toBe('Payment declined');
    expect(view.correlationId).toBe('cmd-1');
    expect(view.timeline.map((entry) => `${entry.kind} ${entry.step} ${entry.outcome}`)).toEqual([
      'step placeOrder succeeded',
      'step reserveStock succeeded',
      'step reserveStock succeeded',
      'step chargePayment retrying',
      'step chargePayment failed',
      'compensation refundPayment started',
      'compensation refundPayment succeeded',
    ]);
    expect(view.timeline[0]!.detail).toBe('Order placed: 1 × Laptop, 2 × Mouse, total 1,049.99');
    expect(view.timeline[3]!.detail).toBe('Payment service unavailable (attempt 1 of 3)');
    expect(view.timeline[4]).toMatchObject({ eventId: 'e5', globalPosition: 104 });
  });

  it('is undefined for a stream that is not a saga', () => {
    expect(sagaViewOf([])).toBeUndefined();
  });
});

describe('after the order is cancelled by a person', () => {
  const completedPath: SagaEvent[] = [...happyPath, { type: 'SagaCompleted', data: { at } }];
  const cancellation = { reason: 'Changed my mind', previousStatus: 'confirmed' as const, orderCancelledEventId: 'ev-cancel', at };
  const followUpStarted: SagaEvent = { type: 'CancellationCompensationStarted', data: cancellation };
  const startFollowUp: SagaCommand = { type: 'StartCancellationCompensation', data: cancellation };

  it('starts the follow-up only for a completed saga', () => {
    given(completedPath).when(startFollowUp).then([followUpStarted]);
    const running = given(happyPath).when(startFollowUp).thenThrows(DomainError, /it is "running", not "completed"/);
    expect(running.code).toBe('SagaNotCompleted');
    given([...completedPath, followUpStarted]).when(startFollowUp).thenThrows(DomainError, /it is "compensating"/);
  });

  it('refunds, releases from the last product, then ends cancelled without cancelling the order again', () => {
    const next = (events: SagaEvent[]) => {
      const action = nextAction(state(events));
      return action.type === 'releaseStock' ? `release ${action.line.product}` : action.type;
    };
    const afterStart = [...completedPath, followUpStarted];
    expect(next(afterStart)).toBe('refundPayment');
    expect(next([...afterStart, compensated('refundPayment')])).toBe('release Mouse');
    expect(next([...afterStart, compensated('refundPayment'), compensated('releaseStock', 'Mouse')])).toBe('release Laptop');
    const undone = [...afterStart, compensated('refundPayment'), compensated('releaseStock', 'Mouse'), compensated('releaseStock', 'Laptop')];
    expect(nextAction(state(undone))).toEqual({ type: 'finishCancellation', reason: 'Changed my mind' });
    given(undone).when({ type: 'FinishCompensation', data: { reason: 'x', at } }).thenThrows(DomainError, /next step is finishCancellation/);

    const full = [...undone, { type: 'SagaCancelledAfterConfirmation', data: { reason: 'Changed my mind', at } } as SagaEvent];
    expect(nextAction(state(full))).toEqual({ type: 'done', status: 'cancelled' });
    // Each event reads back as the command that recorded it (an import decides them again).
    let current = sagaDecider.initialState();
    for (const event of full) {
      expect(sagaDecider.decide(commandOfSagaEvent(event), current)).toEqual([event]);
      current = sagaDecider.evolve(current, event);
    }
    expect(current.status).toBe('cancelled');
  });
});

describe('after the order is shipped by a person', () => {
  const completedPath: SagaEvent[] = [...happyPath, { type: 'SagaCompleted', data: { at } }];
  const shipping = { orderShippedEventId: 'ev-shipped', at };
  const followUpStarted: SagaEvent = { type: 'ShippingFollowUpStarted', data: shipping };
  const startFollowUp: SagaCommand = { type: 'StartShippingFollowUp', data: shipping };
  const stockShipped = (product: string): SagaEvent => ({ type: 'SagaStockShipped', data: { product, detail: `Shipped ${product}`, at } });

  it('starts once, and only for a completed saga', () => {
    given(completedPath).when(startFollowUp).then([followUpStarted]);
    given(happyPath).when(startFollowUp).thenThrows(DomainError, /it is "running", not "completed"/);
    given([...completedPath, followUpStarted]).when(startFollowUp).thenThrows(DomainError, /already follows up its order's shipping/);
  });

  it('ships each product the saga reserved, in order, and stays completed', () => {
    const afterStart = [...completedPath, followUpStarted];
    expect(nextAction(state(afterStart))).toEqual({ type: 'shipStock', line: { product: 'Laptop', quantity: 1 } });
    given(afterStart).when({ type: 'RecordStockShipped', data: { product: 'Mouse', detail: 'x', at } }).thenThrows(DomainError, /next step is shipStock \(Laptop\)/);
    expect(nextAction(state([...afterStart, stockShipped('Laptop')]))).toEqual({ type: 'shipStock', line: { product: 'Mouse', quantity: 2 } });
    const full = [...afterStart, stockShipped('Laptop'), stockShipped('Mouse')];
    expect(nextAction(state(full))).toEqual({ type: 'done', status: 'completed' });
    expect(state(full).status).toBe('completed');
    // Each event reads back as the command that recorded it (an import decides them again).
    let current = sagaDecider.initialState();
    for (const event of full) {
      expect(sagaDecider.decide(commandOfSagaEvent(event), current)).toEqual([event]);
      current = sagaDecider.evolve(current, event);
    }
  });
});
