import type { FieldIssue } from '../domain/core/errors';
import type { Unsubscribe } from '../eventStore/types';

/**
 * Seed 004's order saga, as the views and the API console see it. Placing an order through the saga runs, in order:
 * reserve stock (inventory streams, one per product), charge payment (a payment stream per order, through the
 * simulated payment service with retries and a circuit breaker), confirm the order. When a step fails, the steps
 * already done are compensated in reverse (refund, release stock) and the order is cancelled with the reason.
 * The saga's own progress is a stream too (`saga-<orderId>`), so a reload halfway resumes it.
 */

export type SagaStep = 'placeOrder' | 'reserveStock' | 'chargePayment' | 'confirmOrder';
export type SagaCompensation = 'refundPayment' | 'releaseStock' | 'cancelOrder';

/** How the simulated payment service behaves; the person changes it live with the failure-injection control. */
export type PaymentServiceMode =
  /** Every charge is approved. */
  | 'approves'
  /** The bank answers: every charge is declined (a business failure: not retried, compensated at once). */
  | 'declines'
  /** The service does not answer: every call fails, retries run out, the circuit breaker opens. */
  | 'down'
  /** Each call fails with probability `flakyFailureRate`: retries usually get through. */
  | 'flaky';

export type FailureInjection = {
  readonly paymentService: PaymentServiceMode;
  /** 0..1, used when `paymentService` is `flaky`. */
  readonly flakyFailureRate: number;
  /** Pause before each saga step, so a person can watch it (or reload halfway). 0..5000 ms. */
  readonly stepDelayMs: number;
};

export type CircuitState = 'closed' | 'open' | 'halfOpen';

export type CircuitBreakerView = {
  readonly state: CircuitState;
  /** Consecutive failures counted while closed. */
  readonly consecutiveFailures: number;
  /** Failures that open the circuit. */
  readonly failureThreshold: number;
  /** While open: when (epoch ms) a single trial call is let through (half-open). */
  readonly retryAt: number | null;
};

export type SagaStatus =
  /** Steps still running. */
  | 'running'
  /** A step failed, or the order was cancelled after confirmation; what the saga did is being undone. */
  | 'compensating'
  /** Stock reserved, payment charged, order confirmed. */
  | 'completed'
  /** A step failed and every earlier step was undone; the order is cancelled with the reason. */
  | 'compensated'
  /**
   * The saga completed, then a person cancelled the order (confirmed or processing): the payment was refunded and
   * the stock released afterwards. Neither a success nor a failure of the saga: counted apart in `outcomes()`.
   */
  | 'cancelled';

/** One line of the saga timeline: a step or compensation as it started, retried, succeeded or failed. */
export type SagaTimelineEntry = {
  readonly step: SagaStep | SagaCompensation;
  readonly kind: 'step' | 'compensation';
  readonly outcome: 'started' | 'retrying' | 'succeeded' | 'failed';
  /** What happened, in words: "Reserved 2 × Laptop", "Payment service unavailable (attempt 2 of 3)". */
  readonly detail: string;
  readonly at: string;
  /** The saga event that recorded this line. */
  readonly eventId: string;
  readonly globalPosition: number;
};

export type SagaView = {
  readonly sagaId: string;
  readonly orderId: string;
  readonly status: SagaStatus;
  /** Why the saga compensated; null unless a step failed. */
  readonly failureReason: string | null;
  /** Why the person cancelled the order after the saga confirmed it; null unless that happened. */
  readonly cancellationReason: string | null;
  /** Shared by the PlaceOrder command and everything it caused: the trace view follows it. */
  readonly correlationId: string;
  readonly total: number;
  readonly timeline: readonly SagaTimelineEntry[];
  readonly startedAt: string;
};

export type StockLevel = {
  readonly product: string;
  readonly onHand: number;
  readonly reserved: number;
  /** onHand − reserved: what a new order can still reserve. */
  readonly available: number;
  readonly unitPrice: number;
  /**
   * False while the product's stock is not yet in the log: the catalog's initial stock, which the first saga (or
   * restock) records as a StockAdded event before anything else. Absent means recorded.
   */
  readonly recorded?: boolean;
};

export type SagaStartOutcome =
  | { readonly ok: true; readonly orderId: string; readonly sagaId: string; readonly correlationId: string }
  | { readonly ok: false; readonly message: string; readonly issues: readonly FieldIssue[] };

/** The saga coordinator the simulator exposes as `simulator.sagas`. */
export interface SagaCoordinator {
  /**
   * Validates the input (seed 002/004 order: customerId, items with product, quantity, unitPrice), places the order
   * and starts its saga. Resolves once the saga is recorded as started; the steps run on in the background.
   */
  placeOrder(input: unknown, options?: { readonly commandId?: string }): Promise<SagaStartOutcome>;
  /**
   * Starts the saga of an order already placed (seed 004's `POST /api/v1/orders`), as an orchestrator subscribed to
   * OrderPlaced would; a second call finds the saga started. Refused when the order stream has no OrderPlaced.
   */
  startForPlacedOrder(orderId: string): Promise<SagaStartOutcome>;
  /** Resolves when no saga is running in this tab (tests and the e2e wait on it). */
  whenIdle(): Promise<void>;
  /**
   * Continues every saga that a reload or a crash left halfway, and starts the follow-up of every completed saga
   * whose order was cancelled meanwhile (the cancellation landed while no tab was watching); returns how many.
   */
  resumeUnfinished(): Promise<number>;
  sagas(): Promise<SagaView[]>;
  saga(orderId: string): Promise<SagaView | undefined>;
  /**
   * Saga success rate inputs: finished sagas by outcome. `cancelled` (confirmed, then cancelled by a person and
   * undone) is neither a success nor a failure of the saga: the success rate counts completed over completed plus
   * compensated, and leaves these out.
   */
  outcomes(): Promise<{
    readonly completed: number;
    readonly compensated: number;
    readonly running: number;
    readonly cancelled: number;
  }>;
  injection(): FailureInjection;
  setInjection(patch: Partial<FailureInjection>): void;
  circuit(): CircuitBreakerView;
  stock(): Promise<StockLevel[]>;
  /** Adds stock to a product of the catalog (an event on its inventory stream). */
  restock(product: string, quantity: number): Promise<void>;
  /** Called whenever a saga step, the injection or the circuit changes. */
  onChange(listener: () => void): Unsubscribe;
}
