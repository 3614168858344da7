import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import type { EventStore } from '../../../src/eventStore/types';
import { createMemoryProjectionStore } from '../../../src/projections/memoryProjectionStore';
import type { ProjectionStore } from '../../../src/projections/projectionStore';
import { createProjector, type Projector } from '../../../src/projections/projector';
import type { AnyProjection } from '../../../src/projections/types';
import type { OrderEvent } from '../../../src/domain/order/types';
import type { UserEvent } from '../../../src/domain/user/types';
import { record } from './orderHistory';

export type Projected = {
  readonly store: EventStore;
  readonly projectionStore: ProjectionStore;
  readonly projector: Projector;
  /** The documents of a projection, by id. */
  docs<Doc>(name: string): Promise<Map<string, Doc>>;
};

/** Records the events in a memory store and runs the real projector over them until it has caught up. */
export async function project(
  projections: readonly AnyProjection[],
  events: readonly (OrderEvent | UserEvent)[],
): Promise<Projected> {
  const store = createMemoryEventStore();
  const projectionStore = createMemoryProjectionStore();
  await record(store, events);
  const projector = createProjector({ store, projectionStore, projections, batchSize: 4 });
  await projector.start();
  await projector.whenCaughtUp();
  return {
    store,
    projectionStore,
    projector,
    async docs<Doc>(name: string) {
      const stored = await projectionStore.listDocuments<Doc>(name);
      return new Map(stored.map(({ id, doc }) => [id, doc]));
    },
  };
}
