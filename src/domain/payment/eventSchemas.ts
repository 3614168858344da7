import { limits } from '../core/limits';
import { boundedText, eventData, id, money, recordId, time, type EventSchemas } from '../core/eventFields';

/** Seed 004's payment events, as the decider records them and an import checks them (see order/eventSchemas.ts). */

const reason = boundedText(limits.sagaDetail);

export const paymentEventSchemas = {
  PaymentCharged: { 1: eventData({ orderId: id, amount: money, authorization: recordId, chargedAt: time }) },
  PaymentDeclined: { 1: eventData({ orderId: id, amount: money, reason, declinedAt: time }) },
  PaymentRefunded: { 1: eventData({ orderId: id, amount: money, reason, refundedAt: time }) },
} as const satisfies EventSchemas;
