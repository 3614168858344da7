import { orderDecider } from '../domain/order/decider';
import { orderEventSchemaVersions, orderStreamId } from '../domain/order/types';
import { handleCommand, type SnapshotPolicy } from '../eventStore/handleCommand';
import type { EventStore } from '../eventStore/types';
import { orderLifecycle } from './workloads';

/**
 * Every order's lifecycle through handleCommand, one command at a time: load, fold, decide, append with the
 * expected version. The command path the benchmarks time, in node (`npm run bench`) and in the browser alike.
 * Orders are numbered from `firstOrder`, so a later run adds new orders to a store that already holds some.
 */
export async function runOrderCommands(
  store: EventStore,
  orders: number,
  at: string,
  firstOrder = 0,
  snapshots?: SnapshotPolicy,
): Promise<void> {
  for (let i = 0; i < orders; i += 1) {
    const orderId = `${firstOrder + i}`;
    for (const [index, command] of orderLifecycle(orderId, at).entries())
      await handleCommand({
        store,
        decider: orderDecider,
        streamId: orderStreamId(orderId),
        command,
        commandId: `cmd-${orderId}-${index}`,
        schemaVersions: orderEventSchemaVersions,
        ...(snapshots ? { snapshots } : {}),
      });
  }
}
