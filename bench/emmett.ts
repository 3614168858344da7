import { CommandHandler, getInMemoryEventStore } from '@event-driven-io/emmett';
import { cartDecider } from '../src/domain/cart/decider';
import { cartStreamId, type CartEvent } from '../src/domain/cart/types';
import { createMemoryEventStore } from '../src/eventStore/memoryEventStore';
import { handleCommand } from '../src/eventStore/handleCommand';
import { cartCommands } from '../src/performance/workloads';
import { compareThroughput, throughput, type BenchResult } from '../src/performance/benchResult';

/**
 * This project's memory store against Emmett's in-memory event store on the same workload: S carts × C commands,
 * every command one read of the stream, fold, decide, append with the version read. Both run the same cart decider.
 *
 * Emmett is measured two ways, and the ratio is taken against the faster: its `CommandHandler` (the library's
 * command path, as `handleCommand` is ours) and a bare `aggregateStream` + `appendToStream(expectedStreamVersion)`.
 * Reported as measured, with no target (issue 17); the floor this store is held to is bench/memoryFloor.ts.
 */
export async function benchEmmett(streams: number, commandsPerStream: number): Promise<BenchResult[]> {
  const commands = streams * commandsPerStream;
  const plan = Array.from({ length: streams }, (_, s) => cartCommands(`${s}`, commandsPerStream));
  const label = `${streams.toLocaleString('en-US')} × ${commandsPerStream}`;

  const ours = await throughput(commands, async () => {
    const store = createMemoryEventStore();
    for (const [s, cart] of plan.entries())
      for (const [index, command] of cart.entries())
        await handleCommand({ store, decider: cartDecider, streamId: cartStreamId(`${s}`), command, commandId: `c-${s}-${index}` });
  });

  const emmettHandler = await throughput(commands, async () => {
    const store = getInMemoryEventStore();
    const handle = CommandHandler({ evolve: cartDecider.evolve, initialState: cartDecider.initialState, mapToStreamId: cartStreamId });
    for (const [s, cart] of plan.entries())
      for (const command of cart) await handle(store, `${s}`, (state) => cartDecider.decide(command, state));
  });

  const emmettBare = await throughput(commands, async () => {
    const store = getInMemoryEventStore();
    for (const [s, cart] of plan.entries())
      for (const command of cart) {
        const streamId = cartStreamId(`${s}`);
        const { state, currentStreamVersion } = await store.aggregateStream<ReturnType<typeof cartDecider.initialState>, CartEvent>(streamId, {
          evolve: cartDecider.evolve,
          initialState: cartDecider.initialState,
        });
        await store.appendToStream<CartEvent>(streamId, cartDecider.decide(command, state), { expectedStreamVersion: currentStreamVersion });
      }
  });

  const emmett = Math.max(emmettHandler, emmettBare);
  return [
    compareThroughput(`memory store vs Emmett in-memory, ${label}`, 'commands/s', ours, `Emmett (best of CommandHandler ${Math.round(emmettHandler).toLocaleString('en-US')}/s and bare aggregate+append ${Math.round(emmettBare).toLocaleString('en-US')}/s)`, emmett),
  ];
}
