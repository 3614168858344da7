import type { RecordedEvent } from '../../eventStore/types';
import { applyBatch } from '../../projections/applyBatch';
import { createMemoryProjectionStore } from '../../projections/memoryProjectionStore';
import { summaryDocId, summaryProjection, type SummaryDoc } from '../../projections/readModels/summary';
import type { Checkpoint } from '../../projections/types';
import { createMemorySimulator } from '../memorySimulators';
import { createEmailConsumer, type EmailDelivery } from './emailConsumer';

/**
 * Who delivers the event again:
 * - `sameWorker`: the projector that applied it, reading its checkpoint afresh (a broker retry, a restart);
 * - `secondWorker`: another worker (another tab) that read the checkpoint before the first delivery committed.
 */
export type RedeliverySource = 'sameWorker' | 'secondWorker';

/**
 * What the real `applyBatch` did with the delivery:
 * - `applied`: the event was new, the read model and checkpoint moved;
 * - `alreadyPastCheckpoint`: the checkpoint was already at or past the event, so it was dropped before evolve;
 * - `commitRefused`: the worker's checkpoint was stale; the store refused its commit (expected position ≠ stored).
 */
export type ProjectionDelivery = 'applied' | 'alreadyPastCheckpoint' | 'commitRefused';

export type Delivery = {
  readonly number: number;
  readonly source: RedeliverySource;
  /** The checkpoint position the worker started from, and the stored one afterwards. */
  readonly checkpointRead: number;
  readonly checkpointAfter: number;
  readonly projection: ProjectionDelivery;
  /** The order summary read model after the delivery. */
  readonly totalOrders: number;
  readonly pendingRevenueCents: number;
  readonly inbox: EmailDelivery;
  /** Emails sent so far by the consumer with an inbox, and by one without. */
  readonly emailsWithInbox: number;
  readonly emailsWithoutInbox: number;
};

export type RedeliveryLab = {
  /** The OrderPlaced a real PlaceOrder recorded in the lab's own store. */
  readonly event: RecordedEvent;
  deliver(source: RedeliverySource): Promise<Delivery>;
  readonly deliveries: readonly Delivery[];
  /** The inbox table of the email consumer. */
  processedIds(): readonly string[];
};

export function projectionDeliveryOf(result: { readonly committed: boolean; readonly advancedBy: number }): ProjectionDelivery {
  if (!result.committed) return 'commitRefused';
  return result.advancedBy > 0 ? 'applied' : 'alreadyPastCheckpoint';
}

/**
 * One event, delivered again and again to two consumers that must each handle it once: the order summary projection
 * (through the projector's own `applyBatch` and a projection store) and an email consumer with an inbox.
 */
export async function createRedeliveryLab(options: { readonly now?: () => string } = {}): Promise<RedeliveryLab> {
  const source = await createMemorySimulator(options.now ? { now: options.now } : {});
  let event: RecordedEvent;
  try {
    const outcome = await source.execute(
      'PlaceOrder',
      { orderId: 'B-7', customerId: 'c-7', customerEmail: 'grace@example.com', items: [{ product: 'Monitor', quantity: 2, unitPrice: 150 }] },
      { commandId: 'place-B-7' },
    );
    if (!outcome.ok || outcome.events[0] === undefined) throw new Error(`The lab's order was refused: ${outcome.ok ? 'no event' : outcome.message}`);
    event = outcome.events[0];
  } finally {
    source.close();
  }

  const projectionStore = createMemoryProjectionStore();
  const withInbox = createEmailConsumer({ inbox: true });
  const withoutInbox = createEmailConsumer({ inbox: false });
  const deliveries: Delivery[] = [];
  const checkpointNow = async (): Promise<Checkpoint> =>
    (await projectionStore.readCheckpoint(summaryProjection.name)) ?? {
      projection: summaryProjection.name,
      position: 0,
      projectionVersion: summaryProjection.version,
      fault: null,
    };
  // What a second worker read before the first delivery committed.
  const checkpointBeforeFirst = await checkpointNow();

  return {
    event,
    deliveries,
    processedIds: () => withInbox.processedIds,
    async deliver(from) {
      const checkpoint = from === 'sameWorker' ? await checkpointNow() : checkpointBeforeFirst;
      const result = await applyBatch(summaryProjection, projectionStore, [event], checkpoint);
      const summary = (await projectionStore.getDocument<SummaryDoc>(summaryProjection.name, summaryDocId)) ?? undefined;
      const inbox = withInbox.deliver(event);
      withoutInbox.deliver(event);
      const delivery: Delivery = {
        number: deliveries.length + 1,
        source: from,
        checkpointRead: checkpoint.position,
        checkpointAfter: (await checkpointNow()).position,
        projection: projectionDeliveryOf(result),
        totalOrders: summary?.totalOrders ?? 0,
        pendingRevenueCents: summary?.revenueCentsByStatus.pending ?? 0,
        inbox,
        emailsWithInbox: withInbox.sent.length,
        emailsWithoutInbox: withoutInbox.sent.length,
      };
      deliveries.push(delivery);
      return delivery;
    },
  };
}
