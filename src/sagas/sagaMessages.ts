import type { Message } from '../domain/core/message';
import type { OrderItem, OrderStatus } from '../domain/order/types';
import type { SagaCompensation, SagaStatus, SagaStep } from './types';

/**
 * The saga's own stream, `saga-<orderId>`: what the orchestrator did and learned, one event per fact. Folding it
 * says what to do next (`nextAction`), so a reload or a second tab continues where the saga stopped.
 */

/** The steps after placing the order, each one command on another aggregate. */
export type SagaActionStep = Exclude<SagaStep, 'placeOrder'>;

// ---------- what a command and the event it records both carry ----------

/** The order a saga carries out, as StartSaga asks for it and SagaStarted records it. */
export type SagaOrder = {
  readonly sagaId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly items: readonly OrderItem[];
  readonly total: number;
  /** The PlaceOrder command's id: shared by every event the saga causes. */
  readonly correlationId: string;
};

export type StepSucceededData = {
  readonly step: SagaActionStep;
  readonly product: string | null;
  readonly detail: string;
  readonly at: string;
};
/** Only the payment service's unavailability is retried. */
export type PaymentRetryData = {
  readonly step: 'chargePayment';
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly reason: string;
  readonly at: string;
};
export type StepFailedData = {
  readonly step: SagaActionStep;
  readonly product: string | null;
  readonly reason: string;
  readonly attempts: number;
  readonly at: string;
};
export type CompensationStepData = {
  readonly step: SagaCompensation;
  readonly product: string | null;
  readonly detail: string;
  readonly at: string;
};
export type StockShippedData = { readonly product: string; readonly detail: string; readonly at: string };
/** Why the saga compensates or ended so (the failure, or the person's cancellation). */
export type ReasonData = { readonly reason: string; readonly at: string };

// ---------- commands (one event each, so an import can decide every event again) ----------

export type StartSaga = Message<'StartSaga', SagaOrder & { readonly at: string }>;
export type SucceedStep = Message<'SucceedStep', StepSucceededData>;
export type RetryStep = Message<'RetryStep', PaymentRetryData>;
export type FailStep = Message<'FailStep', StepFailedData>;
export type StartCompensation = Message<'StartCompensation', ReasonData>;
export type CompleteCompensationStep = Message<'CompleteCompensationStep', CompensationStepData>;
export type CompleteSaga = Message<'CompleteSaga', { readonly at: string }>;
export type FinishCompensation = Message<'FinishCompensation', ReasonData>;

/**
 * The order was cancelled by a person after the saga confirmed it (Simulator command panel, API console): what the
 * saga did must be undone now, outside the saga's own failure path. `orderCancelledEventId` names the OrderCancelled
 * event that caused it, so the follow-up is traced back to the person's command.
 */
export type StartCancellationCompensation = Message<'StartCancellationCompensation', CancellationData>;
export type FinishCancellationCompensation = Message<'FinishCancellationCompensation', ReasonData>;

/**
 * A person shipped the order of a completed saga: the units the saga reserved leave the warehouse now. The saga
 * records it (caused by the OrderShipped event) so a reload halfway ships the products not yet recorded.
 */
export type StartShippingFollowUp = Message<'StartShippingFollowUp', ShippingData>;
export type RecordStockShipped = Message<'RecordStockShipped', StockShippedData>;

export type ShippingData = { readonly orderShippedEventId: string; readonly at: string };

export type CancellationData = {
  /** The reason the person gave for cancelling (the OrderCancelled event's). */
  readonly reason: string;
  /** Where the order was when it was cancelled: confirmed or processing (shipped orders cannot be cancelled). */
  readonly previousStatus: OrderStatus;
  readonly orderCancelledEventId: string;
  readonly at: string;
};

export type SagaCommand =
  | StartSaga
  | SucceedStep
  | RetryStep
  | FailStep
  | StartCompensation
  | CompleteCompensationStep
  | CompleteSaga
  | FinishCompensation
  | StartCancellationCompensation
  | FinishCancellationCompensation
  | StartShippingFollowUp
  | RecordStockShipped;

// ---------- events ----------

export type SagaStarted = Message<'SagaStarted', SagaOrder & { readonly startedAt: string }>;
export type SagaStepSucceeded = Message<'SagaStepSucceeded', StepSucceededData>;
/** One attempt failed and another follows (only the payment service's unavailability is retried). */
export type SagaStepRetried = Message<'SagaStepRetried', PaymentRetryData>;
/** The step failed for good: compensation follows. */
export type SagaStepFailed = Message<'SagaStepFailed', StepFailedData>;
export type CompensationStarted = Message<'CompensationStarted', ReasonData>;
export type CompensationStepDone = Message<'CompensationStepDone', CompensationStepData>;
export type SagaCompleted = Message<'SagaCompleted', { readonly at: string }>;
export type SagaCompensated = Message<'SagaCompensated', ReasonData>;
/** A completed saga's order was cancelled by a person: the refund and the releases follow (CompensationStepDone). */
export type CancellationCompensationStarted = Message<'CancellationCompensationStarted', CancellationData>;
/** Everything the saga did for the cancelled order is undone: refunded, stock released. */
export type SagaCancelledAfterConfirmation = Message<'SagaCancelledAfterConfirmation', ReasonData>;

/** The order of a completed saga shipped: each product's reservation is shipped next (SagaStockShipped). */
export type ShippingFollowUpStarted = Message<'ShippingFollowUpStarted', ShippingData>;
/** One product's reserved units left with the order (ReservedStockShipped on its inventory stream). */
export type SagaStockShipped = Message<'SagaStockShipped', StockShippedData>;

export type SagaEvent =
  | SagaStarted
  | SagaStepSucceeded
  | SagaStepRetried
  | SagaStepFailed
  | CompensationStarted
  | CompensationStepDone
  | SagaCompleted
  | SagaCompensated
  | CancellationCompensationStarted
  | SagaCancelledAfterConfirmation
  | ShippingFollowUpStarted
  | SagaStockShipped;

export const sagaEventTypes: readonly SagaEvent['type'][] = [
  'SagaStarted',
  'SagaStepSucceeded',
  'SagaStepRetried',
  'SagaStepFailed',
  'CompensationStarted',
  'CompensationStepDone',
  'SagaCompleted',
  'SagaCompensated',
  'CancellationCompensationStarted',
  'SagaCancelledAfterConfirmation',
  'ShippingFollowUpStarted',
  'SagaStockShipped',
];

// ---------- state ----------

/** One product to reserve: an order's lines merged by product (two lines of Laptop are one reservation). */
export type StockLine = { readonly product: string; readonly quantity: number };

export type StartedSaga = {
  readonly status: SagaStatus;
  readonly sagaId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly items: readonly OrderItem[];
  readonly total: number;
  readonly correlationId: string;
  readonly startedAt: string;
  readonly lines: readonly StockLine[];
  /** How many of `lines`, from the first, are reserved. */
  readonly reservedLines: number;
  /** Failed attempts at charging that were retried. */
  readonly chargeRetries: number;
  /** The saga got as far as asking for payment: compensation must refund (a no-op if nothing was charged). */
  readonly chargeReached: boolean;
  readonly charged: boolean;
  readonly confirmed: boolean;
  readonly failure: { readonly step: SagaActionStep; readonly reason: string } | null;
  readonly compensationStarted: boolean;
  readonly refundDone: boolean;
  /** Products released so far. */
  readonly released: readonly string[];
  readonly cancelled: boolean;
  /**
   * Set when a person cancelled the order after the saga completed: the compensation that follows undoes the
   * payment and the reservations, and ends in `cancelled` rather than `compensated`.
   */
  readonly cancellation: Omit<CancellationData, 'at'> | null;
  /** Set when a person shipped the order after the saga completed: its reservations are shipped next. */
  readonly shipping: Omit<ShippingData, 'at'> | null;
  /** Products whose reserved units were shipped so far. */
  readonly shippedProducts: readonly string[];
};

export type SagaState = { readonly status: 'none' } | StartedSaga;

export const sagaStreamPrefix = 'saga-';

/** Stream id of one order's saga, also its saga id: `saga-<orderId>`. */
export const sagaStreamId = (orderId: string): string => `${sagaStreamPrefix}${orderId}`;
