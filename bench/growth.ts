import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMemoryEventStore } from '../src/eventStore/memoryEventStore';
import { handleCommand } from '../src/eventStore/handleCommand';
import { orderDecider } from '../src/domain/order/decider';
import { orderEventSchemaVersions, orderStreamId } from '../src/domain/order/types';
import { eventsPerOrder, orderLifecycle, orderStreams } from '../src/performance/workloads';
import { compareThroughput, type BenchResult, type GrowthPoint } from '../src/performance/benchResult';
import { cpuThroughput } from './cpuTime';

const at = '2026-11-23T10:00:00.000Z';

/**
 * Cost per command as the memory store grows: the store is filled to each size with decided order streams, then
 * the same 2,000 order lifecycles run through handleCommand. Per-stream indexes keep it flat; a store that scanned
 * the log would slow down a hundredfold between 10,000 and 1,000,000 events. Issue 17: flat within 1.5× (the heap
 * grows with the events; the cost per command must not), so the target is ≥ 1 / 1.5.
 *
 * Timed in CPU time (bench/cpuTime.ts), three probes per size, the median kept. Before the probes the heap is
 * collected in full: a major collection of the whole heap costs time in proportion to the heap (about 0.5 s of CPU
 * at 1,000,000 events) but comes as rarely as the heap grows by a fraction of itself, so per command it does not
 * grow with the store; left to chance, it lands in a 10,000-command probe or not and decides the figure alone.
 */
export async function benchGrowth(sizes: readonly number[]): Promise<{ results: BenchResult[]; growth: GrowthPoint[] }> {
  // A first probe on a throw-away store, so that the first size is not also the one that pays for compiling the code.
  await probe(createMemoryEventStore(), 0, 2_000);
  const store = createMemoryEventStore();
  const growth: GrowthPoint[] = [];
  let stored = 0;
  let nextOrder = 0;
  for (const size of sizes) {
    for (let filled = stored; filled < size; filled += 10_000) {
      const streams = orderStreams(Math.min(10_000, size - filled) / eventsPerOrder, at, nextOrder);
      nextOrder += streams.length;
      for (const { streamId, events } of streams) await store.appendToStream(streamId, events, { expectedVersion: 'noStream' });
    }
    collectGarbage();
    const probeOrders = 2_000;
    const probes: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const first = nextOrder;
      probes.push(await cpuThroughput(probeOrders * eventsPerOrder, () => probe(store, first, probeOrders)));
      nextOrder += probeOrders;
    }
    const perSecond = probes.sort((a, b) => a - b)[1]!;
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
            Number((1 / 1.5).toFixed(2)),
          ),
        ]
      : [];
  return { results, growth };
}

/** `orders` new order lifecycles through handleCommand, orders numbered from `first`. */
async function probe(store: ReturnType<typeof createMemoryEventStore>, first: number, orders: number): Promise<void> {
  for (let i = 0; i < orders; i += 1) {
    const orderId = `${first + i}`;
    for (const [index, command] of orderLifecycle(orderId, at).entries())
      await handleCommand({ store, decider: orderDecider, streamId: orderStreamId(orderId), command, commandId: `probe-${orderId}-${index}`, schemaVersions: orderEventSchemaVersions });
  }
}

/** A full collection now (V8's `gc`, exposed for this process only). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
