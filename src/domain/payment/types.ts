import type { Message } from '../core/message';

/**
 * Seed 004's payment aggregate: one stream per order. The provider (the simulated payment service) is asked
 * outside; this stream records what it answered, so the saga and its compensation read money from events.
 */

// ---------- commands ----------

export type RecordCharge = Message<
  'RecordCharge',
  { readonly orderId: string; readonly amount: number; readonly authorization: string; readonly at: string }
>;
export type RecordDecline = Message<
  'RecordDecline',
  { readonly orderId: string; readonly amount: number; readonly reason: string; readonly at: string }
>;
export type RefundPayment = Message<
  'RefundPayment',
  { readonly orderId: string; readonly reason: string; readonly at: string }
>;

export type PaymentCommand = RecordCharge | RecordDecline | RefundPayment;

// ---------- events ----------

export type PaymentCharged = Message<
  'PaymentCharged',
  { readonly orderId: string; readonly amount: number; readonly authorization: string; readonly chargedAt: string }
>;
export type PaymentDeclined = Message<
  'PaymentDeclined',
  { readonly orderId: string; readonly amount: number; readonly reason: string; readonly declinedAt: string }
>;
export type PaymentRefunded = Message<
  'PaymentRefunded',
  { readonly orderId: string; readonly amount: number; readonly reason: string; readonly refundedAt: string }
>;

export type PaymentEvent = PaymentCharged | PaymentDeclined | PaymentRefunded;

// ---------- state ----------

export type PaymentState =
  /** Nothing charged yet (perhaps declined: a declined card may be charged on a later try). */
  | { readonly status: 'unpaid'; readonly declines: number }
  | {
      readonly status: 'charged' | 'refunded';
      readonly declines: number;
      readonly amount: number;
      readonly authorization: string;
    };

export const paymentStreamPrefix = 'payment-';

/** Stream id of one order's payment: `payment-<orderId>`. */
export const paymentStreamId = (orderId: string): string => `${paymentStreamPrefix}${orderId}`;
