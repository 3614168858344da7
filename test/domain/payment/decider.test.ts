import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/domain/core/decider';
import { DomainError } from '../../../src/domain/core/errors';
import { commandOfPaymentEvent, netCharged, paymentDecider } from '../../../src/domain/payment/decider';
import { paymentStreamId, type PaymentCommand, type PaymentEvent } from '../../../src/domain/payment/types';
import { spec } from '../../support/givenWhenThen';

const at = '2025-01-02T10:00:00.000Z';
const orderId = '42';
const given = (events: readonly PaymentEvent[]) => spec(paymentDecider).given(events);

const charge = (amount: number, authorization = 'AUTH-1'): PaymentCommand => ({
  type: 'RecordCharge',
  data: { orderId, amount, authorization, at },
});
const charged = (amount: number, authorization = 'AUTH-1'): PaymentEvent => ({
  type: 'PaymentCharged',
  data: { orderId, amount, authorization, chargedAt: at },
});
const decline: PaymentCommand = { type: 'RecordDecline', data: { orderId, amount: 50, reason: 'Card declined', at } };
const declined: PaymentEvent = { type: 'PaymentDeclined', data: { orderId, amount: 50, reason: 'Card declined', declinedAt: at } };
const refund: PaymentCommand = { type: 'RefundPayment', data: { orderId, reason: 'Stock short', at } };
const refunded = (amount: number): PaymentEvent => ({
  type: 'PaymentRefunded',
  data: { orderId, amount, reason: 'Stock short', refundedAt: at },
});

describe('charging an order', () => {
  it('records the amount and the provider’s authorization', () => {
    given([]).when(charge(1049.99)).then([charged(1049.99)]);
  });

  it('charges once: a second charge is refused, naming the first', () => {
    const error = given([charged(50)]).when(charge(50, 'AUTH-2')).thenThrows(DomainError, /already charged 50.00 \(authorization AUTH-1\)/);
    expect(error.code).toBe('AlreadyCharged');
    given([charged(50), refunded(50)]).when(charge(50)).thenThrows(DomainError, /already charged/);
  });

  it('may charge after a decline (the customer tried another card)', () => {
    given([declined]).when(charge(50)).then([charged(50)]);
  });

  it('refuses amounts that are negative or finer than cents', () => {
    for (const amount of [-1, 10.005, Number.NaN]) {
      const error = given([]).when(charge(amount)).thenThrows(DomainError, /at most 2 decimals/);
      expect(error.code).toBe('InvalidAmount');
    }
  });

  it('keeps amounts in cents', () => {
    given([]).when(charge(0.1 + 0.2)).then([charged(0.3)]);
  });
});

describe('recording a decline', () => {
  it('records the bank’s reason', () => {
    given([]).when(decline).then([declined]);
  });

  it('cannot follow a charge', () => {
    given([charged(50)]).when(decline).thenThrows(DomainError, /cannot follow a charge/);
  });
});

describe('refunding (compensation)', () => {
  it('refunds the whole charged amount', () => {
    given([charged(1049.99)]).when(refund).then([refunded(1049.99)]);
  });

  it('is a no-op when repeated: no second refund', () => {
    given([charged(50), refunded(50)]).when(refund).then([]);
  });

  it('is a no-op for an order never charged (declined or never tried)', () => {
    given([]).when(refund).then([]);
    given([declined]).when(refund).then([]);
  });

  it('leaves nothing charged net', () => {
    const state = fold(paymentDecider.evolve, [charged(50), refunded(50)], paymentDecider.initialState());
    expect(netCharged(state)).toBe(0);
    expect(netCharged(fold(paymentDecider.evolve, [charged(50)], paymentDecider.initialState()))).toBe(50);
  });
});

describe('the payment stream', () => {
  it('is one stream per order', () => {
    expect(paymentStreamId('42')).toBe('payment-42');
  });

  it('reads each event back as the command that recorded it', () => {
    const history = [declined, charged(50), refunded(50)];
    let state = paymentDecider.initialState();
    for (const event of history) {
      expect(paymentDecider.decide(commandOfPaymentEvent(event), state)).toEqual([event]);
      state = paymentDecider.evolve(state, event);
    }
  });
});
