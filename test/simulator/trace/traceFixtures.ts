import type { RecordedEvent } from '../../../src/eventStore/types';

/** A recorded event with only what a trace reads; positions count up in the order they are made. */
export function recorded(
  position: number,
  fields: {
    readonly eventId: string;
    readonly type: string;
    readonly streamId: string;
    readonly commandId: string;
    readonly correlationId: string;
    readonly causationId: string;
    readonly recordedAt?: string;
  },
): RecordedEvent {
  return Object.freeze({
    eventId: fields.eventId,
    globalPosition: position,
    streamId: fields.streamId,
    streamPosition: 1,
    type: fields.type,
    schemaVersion: 1,
    data: {},
    metadata: {
      commandId: fields.commandId,
      correlationId: fields.correlationId,
      causationId: fields.causationId,
      recordedAt: fields.recordedAt ?? new Date(Date.UTC(2026, 0, 1, 9, 0, 0, position * 10)).toISOString(),
    },
  });
}

/**
 * Seed 004's saga as the saga helper records it: PlaceOrder (command `place-1`) records OrderPlaced; the saga, under
 * its own commands, reacts to it (stock reserved, payment charged) and confirms the order. A second order's command
 * (`place-2`) is interleaved, as another tab's order would be.
 */
export const sagaLog: readonly RecordedEvent[] = [
  recorded(1, { eventId: 'place-1:0', type: 'OrderPlaced', streamId: 'order-1', commandId: 'place-1', correlationId: 'place-1', causationId: 'place-1' }),
  recorded(2, { eventId: 'saga-1:0', type: 'SagaStarted', streamId: 'saga-1', commandId: 'saga-1-start', correlationId: 'place-1', causationId: 'place-1:0' }),
  recorded(3, { eventId: 'place-2:0', type: 'OrderPlaced', streamId: 'order-2', commandId: 'place-2', correlationId: 'place-2', causationId: 'place-2' }),
  recorded(4, { eventId: 'stock-1:0', type: 'StockReserved', streamId: 'inventory-laptop', commandId: 'saga-1-reserve', correlationId: 'place-1', causationId: 'saga-1:0' }),
  recorded(5, { eventId: 'pay-1:0', type: 'PaymentCharged', streamId: 'payment-1', commandId: 'saga-1-charge', correlationId: 'place-1', causationId: 'stock-1:0' }),
  recorded(6, { eventId: 'confirm-1:0', type: 'OrderConfirmed', streamId: 'order-1', commandId: 'saga-1-confirm', correlationId: 'place-1', causationId: 'pay-1:0' }),
];
