import type { Message } from '../domain/core/message';
import type { OrderItem } from '../domain/order/types';
import type { SagaCompensation, SagaStatus, SagaStep } from './types';

/**
 * The saga's own stream, `saga-<orderId>`: what the orchestrator did and learned, one event per fact. Folding it
 * says what to do next (`nextAction`), so a reload or a second tab continues where the saga stopped.
 */

/** The steps after placing the order, each one command on another aggregate. */
export type SagaActionStep = Exclude<SagaStep, 'placeOrder'>;

// ---------- commands (one event each, so an import can decide every event again) ----------

export type StartSaga = Message<
  'StartSaga',
  {
    readonly sagaId: string;
    readonly orderId: string;
    readonly customerId: string;
    readonly items: readonly OrderItem[];
    readonly total: number;
    /** The PlaceOrder command's id: shared by every event the saga causes. */
    readonly correlationId: string;
    readonly at: string;
  }
>;
export type SucceedStep = Message<
  'SucceedStep',
  { readonly step: SagaActionStep; readonly product: string | null; readonly detail: string; readonly at: string }
>;
export type RetryStep = Message<
  'RetryStep',
  {
    readonly step: 'chargePayment';
    readonly attempt: number;
    readonly maxAttempts: number;
    readonly reason: string;
    readonly at: string;
  }
>;
export type FailStep = Message<
  'FailStep',
  {
    readonly step: SagaActionStep;
    readonly product: string | null;
    readonly reason: string;
    readonly attempts: number;
    readonly at: string;
  }
>;
export type StartCompensation = Message<'StartCompensation', { readonly reason: string; readonly at: string }>;
export type CompleteCompensationStep = Message<
  'CompleteCompensationStep',
  { readonly step: SagaCompensation; readonly product: string | null; readonly detail: string; readonly at: string }
>;
export type CompleteSaga = Message<'CompleteSaga', { readonly at: string }>;
export type FinishCompensation = Message<'FinishCompensation', { readonly reason: string; readonly at: string }>;

export type SagaCommand =
  | StartSaga
  | SucceedStep
  | RetryStep
  | FailStep
  | StartCompensation
  | CompleteCompensationStep
  | CompleteSaga
  | FinishCompensation;

// ---------- events ----------

export type SagaStarted = Message<
  'SagaStarted',
  {
    readonly sagaId: string;
    readonly orderId: string;
    readonly customerId: string;
    readonly items: readonly OrderItem[];
    readonly total: number;
    readonly correlationId: string;
    readonly startedAt: string;
  }
>;
export type SagaStepSucceeded = Message<
  'SagaStepSucceeded',
  { readonly step: SagaActionStep; readonly product: string | null; readonly detail: string; readonly at: string }
>;
/** One attempt failed and another follows (only the payment service's unavailability is retried). */
export type SagaStepRetried = Message<
  'SagaStepRetried',
  {
    readonly step: 'chargePayment';
    readonly attempt: number;
    readonly maxAttempts: number;
    readonly reason: string;
    readonly at: string;
  }
>;
/** The step failed for good: compensation follows. */
export type SagaStepFailed = Message<
  'SagaStepFailed',
  {
    readonly step: SagaActionStep;
    readonly product: string | null;
    readonly reason: string;
    readonly attempts: number;
    readonly at: string;
  }
>;
export type CompensationStarted = Message<'CompensationStarted', { readonly reason: string; readonly at: string }>;
export type CompensationStepDone = Message<
  'CompensationStepDone',
  { readonly step: SagaCompensation; readonly product: string | null; readonly detail: string; readonly at: string }
>;
export type SagaCompleted = Message<'SagaCompleted', { readonly at: string }>;
export type SagaCompensated = Message<'SagaCompensated', { readonly reason: string; readonly at: string }>;

export type SagaEvent =
  | SagaStarted
  | SagaStepSucceeded
  | SagaStepRetried
  | SagaStepFailed
  | CompensationStarted
  | CompensationStepDone
  | SagaCompleted
  | SagaCompensated;

export const sagaEventTypes: readonly SagaEvent['type'][] = [
  'SagaStarted',
  'SagaStepSucceeded',
  'SagaStepRetried',
  'SagaStepFailed',
  'CompensationStarted',
  'CompensationStepDone',
  'SagaCompleted',
  'SagaCompensated',
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
};

export type SagaState = { readonly status: 'none' } | StartedSaga;

export const sagaStreamPrefix = 'saga-';

/** Stream id of one order's saga, also its saga id: `saga-<orderId>`. */
export const sagaStreamId = (orderId: string): string => `${sagaStreamPrefix}${orderId}`;
