import type { RecordedEvent } from '../../eventStore/types';
import { workbookProjections } from '../../projections/allProjections';
import { applyBatch } from '../../projections/applyBatch';
import { createMemoryProjectionStore } from '../../projections/memoryProjectionStore';
import type { OrderSummary, TopCustomer } from '../../projections/queries/orderQueries';
import { createReadModelQueries } from '../../projections/queries/readModelQueries';
import type { OrderDoc } from '../../projections/readModels/orders';
import type { UserDoc } from '../../projections/readModels/users';

/** What the query side would have answered had the log ended at some position. */
export type ReadModelsAt = {
  /** `GET /api/v1/orders`: newest first. */
  readonly orders: readonly OrderDoc[];
  readonly summary: OrderSummary;
  readonly topCustomers: readonly TopCustomer[];
  readonly users: readonly UserDoc[];
  /** Projections that could not apply an event of this history (e.g. an old event without a field they need). */
  readonly faults: readonly string[];
};

/** Enough for any teaching log; the screen pages through nothing. */
const everyOrder = 100_000;

/**
 * Runs the real projections (the same evolve functions, the same batch code as the projector) over exactly these
 * events in a throwaway memory store, then asks the real queries. Passing a prefix of the log gives the read models
 * as of that position; passing a filtered history gives them for a what-if.
 */
export async function readModelsAt(events: readonly RecordedEvent[]): Promise<ReadModelsAt> {
  const projectionStore = createMemoryProjectionStore();
  const faults: string[] = [];
  for (const projection of workbookProjections) {
    const from = { projection: projection.name, position: 0, projectionVersion: projection.version, fault: null };
    const { checkpoint } = await applyBatch(projection, projectionStore, events, from);
    if (checkpoint.fault) faults.push(`${projection.name}: ${checkpoint.fault.reason}`);
  }
  const queries = createReadModelQueries(projectionStore);
  const [page, summary, topCustomers, users] = await Promise.all([
    queries.listOrders({ limit: everyOrder }),
    queries.summary(),
    queries.topCustomers(),
    queries.listUsers(),
  ]);
  return { orders: page.orders, summary, topCustomers, users, faults };
}
