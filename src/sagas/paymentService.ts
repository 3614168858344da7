import type { FailureInjection } from './types';

/**
 * The simulated payment provider: the outside world of seed 004's saga (a bank behind an HTTP API). It is the one
 * part that is not event-sourced; the saga records what it answered on the payment stream. Its behaviour comes
 * from the failure injection the person sets live.
 */

export type ChargeAnswer =
  | { readonly kind: 'approved'; readonly authorization: string }
  | { readonly kind: 'declined'; readonly reason: string };

/** The provider did not answer (down, or a flaky moment): the call may be retried. */
export class PaymentServiceUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentServiceUnavailable';
  }
}

export type PaymentService = {
  /** Approves or declines, or throws PaymentServiceUnavailable. */
  charge(request: { readonly orderId: string; readonly amount: number; readonly attempt: number }): Promise<ChargeAnswer>;
};

export function createPaymentService(parts: {
  readonly injection: () => FailureInjection;
  /** 0 ≤ x < 1; seeded in tests so a flaky run is the same every time. */
  readonly random: () => number;
}): PaymentService {
  let authorizations = 0;
  return {
    async charge({ orderId, attempt }) {
      const injection = parts.injection();
      switch (injection.paymentService) {
        case 'approves':
          break;
        case 'declines':
          return { kind: 'declined', reason: 'Card declined by the bank (insufficient funds)' };
        case 'down':
          throw new PaymentServiceUnavailable('Payment service unavailable: no answer (timeout)');
        case 'flaky':
          if (parts.random() < injection.flakyFailureRate)
            throw new PaymentServiceUnavailable('Payment service unavailable: the connection dropped');
          break;
      }
      authorizations += 1;
      return { kind: 'approved', authorization: `AUTH-${orderId.slice(0, 8)}-${attempt}-${authorizations}` };
    },
  };
}

/** A small seedable generator (mulberry32): the same seed gives the same flaky run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
