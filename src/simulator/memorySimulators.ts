import { createMemoryEventStore } from '../eventStore/memoryEventStore';
import type { EventStore } from '../eventStore/types';
import { createMemoryProjectionStore } from '../projections/memoryProjectionStore';
import { createInterfaceBulkStorage } from './bulkStorage';
import { createSimulator, workbookUpcasting, type SimulatorParts, type WorkbookSimulator } from './simulator';

/**
 * The simulators that keep everything in memory, apart from the app's own (simulator.ts): the teaching screens'
 * sandboxes and a class's simulator load them when they are opened, so the memory store is not part of the first
 * screen's code.
 */

/** Everything in memory: unit tests and the sandboxes of the teaching screens. */
export function createMemorySimulator(options: Pick<SimulatorParts, 'now' | 'newId' | 'snapshots' | 'sagas' | 'keys'> = {}) {
  // An import keeps each event's recorded time: the memory store is told which time to stamp while it replays.
  let recordingAt: string | undefined;
  const store = createMemoryEventStore({
    upcasting: workbookUpcasting,
    now: () => recordingAt ?? new Date().toISOString(),
  });
  const projectionStore = createMemoryProjectionStore();
  return createSimulator({
    store,
    projectionStore,
    bulk: createInterfaceBulkStorage({
      store,
      projectionStore,
      upcasting: workbookUpcasting,
      recordAt: (at) => {
        recordingAt = at;
      },
    }),
    ...options,
  });
}

/**
 * A class's simulator (classroom mode): the class's event store, read models and the CRUD twin in memory (never this
 * browser's own store), personal fields plain because the whole class reads the log.
 */
export function createClassSimulator(store: EventStore): Promise<WorkbookSimulator> {
  return createSimulator({ store, projectionStore: createMemoryProjectionStore(), personalData: 'plain' });
}
