import type { Decider } from '../core/decider';
import { checkedDecider } from '../core/checkedDecider';
import { paymentEventSchemas } from './eventSchemas';
import { DomainError } from '../core/errors';
import { assertNever } from '../core/message';
import type { PaymentCommand, PaymentEvent, PaymentState } from './types';

/** Money is whole currency units with cents; checked in cents so that 0.1 + 0.2 does not slip through. */
function validAmount(amount: number, orderId: string): void {
  const cents = amount * 100;
  if (!Number.isFinite(amount) || amount < 0 || Math.abs(cents - Math.round(cents)) > 1e-6) {
    throw new DomainError(
      'InvalidAmount',
      `Payment of order ${orderId}: an amount must be at least 0 with at most 2 decimals (whole cents), got ${amount}.`,
    );
  }
}

/** Rounds to cents, as the order's total is. */
const inCents = (amount: number): number => Math.round(amount * 100) / 100;

function decide(command: PaymentCommand, state: PaymentState): PaymentEvent[] {
  switch (command.type) {
    case 'RecordCharge': {
      const { orderId, amount, authorization, at } = command.data;
      validAmount(amount, orderId);
      if (state.status !== 'unpaid') {
        throw new DomainError(
          'AlreadyCharged',
          `Order ${orderId} was already charged ${state.amount.toFixed(2)} (authorization ${state.authorization}); an order is charged once.`,
        );
      }
      return [{ type: 'PaymentCharged', data: { orderId, amount: inCents(amount), authorization, chargedAt: at } }];
    }
    case 'RecordDecline': {
      const { orderId, amount, reason, at } = command.data;
      validAmount(amount, orderId);
      if (state.status !== 'unpaid') {
        throw new DomainError(
          'AlreadyCharged',
          `Order ${orderId} was already charged; a decline cannot follow a charge.`,
        );
      }
      return [{ type: 'PaymentDeclined', data: { orderId, amount: inCents(amount), reason, declinedAt: at } }];
    }
    case 'RefundPayment': {
      const { orderId, reason, at } = command.data;
      // A refund is a compensation: run again after a reload, or for an order never charged, it changes nothing.
      if (state.status !== 'charged') return [];
      return [{ type: 'PaymentRefunded', data: { orderId, amount: state.amount, reason, refundedAt: at } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: PaymentState, event: PaymentEvent): PaymentState {
  switch (event.type) {
    case 'PaymentCharged':
      return {
        status: 'charged',
        declines: state.declines,
        amount: event.data.amount,
        authorization: event.data.authorization,
      };
    case 'PaymentDeclined':
      return { ...state, declines: state.declines + 1 };
    case 'PaymentRefunded':
      return state.status === 'charged' ? { ...state, status: 'refunded' } : state;
    default:
      return assertNever(event);
  }
}

export const paymentDecider: Decider<PaymentCommand, PaymentEvent, PaymentState> = checkedDecider({
  decide,
  evolve,
  initialState: () => ({ status: 'unpaid', declines: 0 }),
}, paymentEventSchemas);

/** Net money taken from the customer: charged minus refunded. */
export function netCharged(state: PaymentState): number {
  return state.status === 'charged' ? state.amount : 0;
}

/** The command a payment event records (an import decides it again to check the event could have happened). */
export function commandOfPaymentEvent(event: PaymentEvent): PaymentCommand {
  switch (event.type) {
    case 'PaymentCharged': {
      const { orderId, amount, authorization, chargedAt } = event.data;
      return { type: 'RecordCharge', data: { orderId, amount, authorization, at: chargedAt } };
    }
    case 'PaymentDeclined': {
      const { orderId, amount, reason, declinedAt } = event.data;
      return { type: 'RecordDecline', data: { orderId, amount, reason, at: declinedAt } };
    }
    case 'PaymentRefunded': {
      const { orderId, reason, refundedAt } = event.data;
      return { type: 'RefundPayment', data: { orderId, reason, at: refundedAt } };
    }
    default:
      return assertNever(event);
  }
}
