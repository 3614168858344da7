import { fold } from '../../../../src/domain/core/decider';
import { orderDecider } from '../../../../src/domain/order/decider';
import { orderEventSchemaVersions, orderStreamId, type OrderCommand, type OrderEvent } from '../../../../src/domain/order/types';
import type { CommandRequest } from '../../../../src/classroom/protocol';
import type { RecordedEvent } from '../../../../src/eventStore/types';

/**
 * What a browser does before it sends a command: fold the order's stream as it knows it, decide with the domain's
 * decider, and send the command with the events decided and the version it decided on.
 */
export function decideOrder(command: OrderCommand, history: readonly RecordedEvent[], commandId: string): CommandRequest {
  const streamId = orderStreamId(command.data.orderId);
  const stream = history.filter((event) => event.streamId === streamId);
  const state = fold(orderDecider.evolve, stream as unknown as OrderEvent[], orderDecider.initialState());
  const version = stream.at(-1)?.streamPosition ?? 0;
  const events = orderDecider.decide(command, state).map((event, index) => ({
    eventId: `${commandId}:${index}`,
    type: event.type,
    schemaVersion: orderEventSchemaVersions[event.type],
    data: event.data,
    metadata: { commandId, correlationId: commandId, causationId: commandId },
  }));
  return { streamId, expectedVersion: version === 0 ? 'noStream' : version, command, events };
}

export const placeOrder = (orderId: string, product = 'Laptop'): OrderCommand => ({
  type: 'PlaceOrder',
  data: {
    orderId,
    customerId: 'c-1',
    customerEmail: null,
    items: [{ product, quantity: 1, unitPrice: 999.99 }],
    at: new Date().toISOString(),
  },
});
