import type { Decider } from '../src/domain/core/decider';
import { cartDecider } from '../src/domain/cart/decider';
import { cartStreamId } from '../src/domain/cart/types';
import { orderDecider } from '../src/domain/order/decider';
import { orderEventSchemaVersions, orderStreamId } from '../src/domain/order/types';
import { createMemoryEventStore } from '../src/eventStore/memoryEventStore';
import { handleCommand } from '../src/eventStore/handleCommand';
import { cartCommands, orderLifecycle } from '../src/performance/workloads';
import { compareThroughput, type BenchResult } from '../src/performance/benchResult';
import { cpuThroughput } from './cpuTime';

/** One command of a workload: the stream it goes to, the command and its idempotency key. */
type Planned = { readonly streamId: string; readonly command: unknown; readonly commandId: string };

/** The decider as both sides drive it: commands and states pass through untouched, events are messages. */
type AnyDecider = Decider<unknown, { readonly type: string; readonly data: unknown }, unknown>;

/** A workload on one decider, as both sides run it. */
type Workload = {
  readonly label: string;
  readonly decider: AnyDecider;
  readonly commands: readonly Planned[];
  readonly schemaVersions?: Readonly<Record<string, number>>;
};

/**
 * Issue 17: the memory store's `handleCommand` within 2× of the least work any store does for a command, measured
 * on the same commands in the same process: a naive Map of arrays that reads the stream, folds it, decides, checks
 * the version it read and appends (async, like every store's interface). No ids, no copies, no idempotency index.
 *
 * The machine may be shared, so each side is timed in CPU time (bench/cpuTime.ts), the two sides alternate,
 * `rounds` times each, and each keeps its best round. Ratio = ours ÷ floor (target ≥ 0.5).
 */
export async function benchMemoryFloor(rounds: number): Promise<BenchResult[]> {
  const at = '2026-11-23T10:00:00.000Z';
  const carts: Workload = {
    label: '2,000 carts × 10 commands',
    decider: cartDecider as unknown as AnyDecider,
    commands: Array.from({ length: 2_000 }, (_, s) =>
      cartCommands(`${s}`, 10).map((command, index) => ({ streamId: cartStreamId(`${s}`), command, commandId: `c-${s}-${index}` })),
    ).flat(),
  };
  const orders: Workload = {
    label: '4,000 orders × 5 commands',
    decider: orderDecider as unknown as AnyDecider,
    commands: Array.from({ length: 4_000 }, (_, o) =>
      orderLifecycle(`${o}`, at).map((command, index) => ({ streamId: orderStreamId(`${o}`), command, commandId: `o-${o}-${index}` })),
    ).flat(),
    schemaVersions: orderEventSchemaVersions,
  };
  const results: BenchResult[] = [];
  for (const workload of [carts, orders] as const) {
    let ours = 0;
    let floor = 0;
    for (let round = 0; round < rounds; round += 1) {
      ours = Math.max(ours, await cpuThroughput(workload.commands.length, () => runOnStore(workload)));
      floor = Math.max(floor, await cpuThroughput(workload.commands.length, () => runOnMap(workload)));
    }
    results.push(
      compareThroughput(
        `memory handleCommand vs a naive Map, ${workload.label}`,
        'commands/s',
        ours,
        'a naive Map of arrays: read the stream, fold, decide, check the version, append (best of each side)',
        floor,
        0.5,
      ),
    );
  }
  return results;
}

async function runOnStore({ decider, commands, schemaVersions }: Workload): Promise<void> {
  const store = createMemoryEventStore();
  for (const { streamId, command, commandId } of commands)
    await handleCommand({ store, decider, streamId, command, commandId, ...(schemaVersions ? { schemaVersions } : {}) });
}

async function runOnMap({ decider, commands }: Workload): Promise<void> {
  type Event = ReturnType<AnyDecider['decide']>[number];
  const streams = new Map<string, Event[]>();
  const read = async (streamId: string): Promise<readonly Event[]> => streams.get(streamId) ?? [];
  const append = async (streamId: string, expectedVersion: number, events: readonly Event[]): Promise<void> => {
    const stream = streams.get(streamId);
    if ((stream?.length ?? 0) !== expectedVersion) throw new Error(`${streamId}: expected version ${expectedVersion}, found ${stream?.length ?? 0}`);
    if (stream) stream.push(...events);
    else streams.set(streamId, [...events]);
  };
  for (const { streamId, command } of commands) {
    const events = await read(streamId);
    let state = decider.initialState();
    for (const event of events) state = decider.evolve(state, event);
    await append(streamId, events.length, decider.decide(command, state));
  }
}
