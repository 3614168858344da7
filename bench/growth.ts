import { createMemoryEventStore } from '../src/eventStore/memoryEventStore';
import { handleCommand } from '../src/eventStore/handleCommand';
import { orderDecider } from '../src/domain/order/decider';
import { orderEventSchemaVersions, orderStreamId } from '../src/domain/order/types';
import { eventsPerOrder, orderLifecycle, orderStreams } from '../src/performance/workloads';
import { compareThroughput, throughput, type BenchResult, type GrowthPoint } from '../src/performance/benchResult';

const at = '2026-11-23T10:00:00.000Z';

/**
 * Cost per command as the memory store grows: the store is filled to each size with decided order streams, then
 * the same 2,000 order lifecycles run through handleCommand. Per-stream indexes keep it flat; a store that scanned
 * the log would slow down a hundredfold between 10,000 and 1,000,000 events.
 */
export async function benchGrowth(sizes: readonly number[]): Promise<{ results: BenchResult[]; growth: GrowthPoint[] }> {
  const store = createMemoryEventStore();
  const growth: GrowthPoint[] = [];
  let stored = 0;
  let nextOrder = 0;
  for (const size of sizes) {
    const streams = orderStreams(Math.max(0, (size - stored) / eventsPerOrder), at, nextOrder);
    nextOrder += streams.length;
    for (const { streamId, events } of streams) await store.appendToStream(streamId, events, { expectedVersion: 'noStream' });
    const probeOrders = 2_000;
    const first = nextOrder;
    const perSecond = await throughput(probeOrders * eventsPerOrder, async () => {
      for (let i = 0; i < probeOrders; i += 1) {
        const orderId = `${first + i}`;
        for (const [index, command] of orderLifecycle(orderId, at).entries())
          await handleCommand({ store, decider: orderDecider, streamId: orderStreamId(orderId), command, commandId: `probe-${orderId}-${index}`, schemaVersions: orderEventSchemaVersions });
      }
    });
    nextOrder += probeOrders;
    stored = await store.headPosition();
    growth.push({ storedEvents: size, microsPerCommand: 1e6 / perSecond });
  }
  const [first, last] = [growth[0], growth.at(-1)];
  const results =
    first && last
      ? [
          compareThroughput(
            `memory handleCommand at ${last.storedEvents.toLocaleString('en-US')} stored events`,
            'commands/s',
            1e6 / last.microsPerCommand,
            `the same at ${first.storedEvents.toLocaleString('en-US')} stored events`,
            1e6 / first.microsPerCommand,
            0.8,
          ),
        ]
      : [];
  return { results, growth };
}
