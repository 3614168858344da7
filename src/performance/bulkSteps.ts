import type { BulkStep } from '../simulator/bulkStorage';
import { commandOfEvent, type DomainEvent } from '../simulator/twinCommands';
import type { orderStreams } from './workloads';

/** Decided order streams as the Data screen's bulk writer takes them: one step per command, with its CRUD twin. */
export function orderSteps(streams: ReturnType<typeof orderStreams>): BulkStep[] {
  return streams.flatMap(({ streamId, events }) =>
    events.map((event, index) => ({
      streamId,
      expectedVersion: index,
      events: [event],
      twin: commandOfEvent({ type: event.type, data: event.data } as DomainEvent),
    })),
  );
}
