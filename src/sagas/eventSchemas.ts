import * as v from 'valibot';
import { limits } from '../domain/core/limits';
import {
  boundedText,
  customerId,
  eventData,
  id,
  money,
  orderItems,
  productName,
  recordId,
  time,
  type EventSchemas,
} from '../domain/core/eventFields';
import { orderStatuses } from '../domain/order/types';
import type { SagaCompensation, SagaStep } from './types';

/** The order saga's events, as its decider records them and an import checks them (see order/eventSchemas.ts). */

const text = boundedText(limits.sagaDetail);
const nullableProduct = v.nullable(productName);
const status = v.picklist(orderStatuses, `must be one of: ${orderStatuses.join(', ')}`);
const wholeFromOne = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(1_000, 'must be at most 1,000'),
);
const sagaSteps = ['reserveStock', 'chargePayment', 'confirmOrder'] as const satisfies readonly Exclude<SagaStep, 'placeOrder'>[];
const sagaCompensations = ['refundPayment', 'releaseStock', 'cancelOrder'] as const satisfies readonly SagaCompensation[];
const sagaStep = v.picklist(sagaSteps, `must be one of: ${sagaSteps.join(', ')}`);
const sagaCompensation = v.picklist(sagaCompensations, `must be one of: ${sagaCompensations.join(', ')}`);

export const sagaEventSchemas = {
  SagaStarted: {
    1: eventData({ sagaId: recordId, orderId: id, customerId, items: orderItems, total: money, correlationId: recordId, startedAt: time }),
  },
  SagaStepSucceeded: { 1: eventData({ step: sagaStep, product: nullableProduct, detail: text, at: time }) },
  SagaStepRetried: {
    1: eventData({
      step: v.literal('chargePayment', 'must be chargePayment'),
      attempt: wholeFromOne,
      maxAttempts: wholeFromOne,
      reason: text,
      at: time,
    }),
  },
  SagaStepFailed: { 1: eventData({ step: sagaStep, product: nullableProduct, reason: text, attempts: wholeFromOne, at: time }) },
  CompensationStarted: { 1: eventData({ reason: text, at: time }) },
  CompensationStepDone: { 1: eventData({ step: sagaCompensation, product: nullableProduct, detail: text, at: time }) },
  SagaCompleted: { 1: eventData({ at: time }) },
  SagaCompensated: { 1: eventData({ reason: text, at: time }) },
  CancellationCompensationStarted: {
    1: eventData({ reason: text, previousStatus: status, orderCancelledEventId: recordId, at: time }),
  },
  SagaCancelledAfterConfirmation: { 1: eventData({ reason: text, at: time }) },
  ShippingFollowUpStarted: { 1: eventData({ orderShippedEventId: recordId, at: time }) },
  SagaStockShipped: { 1: eventData({ product: productName, detail: text, at: time }) },
} as const satisfies EventSchemas;
