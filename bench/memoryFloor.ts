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
import { wallClockIso } from '../src/eventStore/wallClock';

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
 * on the same commands in the same process.
 *
 * The floor (target ≥ 0.5) is the least that keeps the contract `handleCommand` answers to (DESIGN.md), in a Map of
 * arrays: look the command id up (idempotency), read the stream, fold, decide, check the version it read, refuse an
 * event id already recorded, record each event with the contract's envelope (event id, global and stream positions,
 * schema version, metadata with command, correlation and causation ids and the time, from the same clock), index it
 * by event id and command id, fold the new events into the state it answers with. Async, like every store's
 * interface. What it leaves out is the store's own protection: no copy or freeze of the data, no validation of the
 * events, no listeners, no snapshot policy, no upcasting.
 *
 * The naive Map the issue measured against (read, fold, decide, check the version, append the decider's objects: no
 * envelope, no idempotency, no event ids) is reported beside it with the target, within 2× (≥ 0.5). The
 * contract's floor itself measured 0.35–0.57× of it (four runs, shared machine, 2026-12-05): the envelope, the idempotency
 * index and the new state cost that much in a Map of arrays, so the store meets this target only by doing the
 * contract's work more cheaply than the floor does.
 *
 * The machine may be shared, so each side is timed in CPU time (bench/cpuTime.ts), the sides alternate, `rounds`
 * times each, and each keeps its best round. Ratio = ours ÷ floor.
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
    let naive = 0;
    for (let round = 0; round < rounds; round += 1) {
      ours = Math.max(ours, await cpuThroughput(workload.commands.length, () => runOnStore(workload)));
      floor = Math.max(floor, await cpuThroughput(workload.commands.length, () => runOnContractFloor(workload)));
      naive = Math.max(naive, await cpuThroughput(workload.commands.length, () => runOnMap(workload)));
    }
    results.push(
      compareThroughput(
        `memory handleCommand vs the contract's floor, ${workload.label}`,
        'commands/s',
        ours,
        "a Map of arrays keeping handleCommand's contract: idempotency by command id, version check, unique event ids, the recorded envelope, the new state; no copy, freeze or validation (best of each side)",
        floor,
        0.5,
      ),
      compareThroughput(
        `memory handleCommand vs a naive Map, ${workload.label}`,
        'commands/s',
        ours,
        "a naive Map of arrays: read the stream, fold, decide, check the version, append the decider's events (no envelope, no idempotency; best of each side)",
        naive,
        0.5,
      ),
    );
  }
  return results;
}

async function runOnStore({ decider, commands, schemaVersions }: Workload): Promise<void> {
  const store = createMemoryEventStore();
  // The options as one literal: a spread per command would be the harness's cost, charged to the store.
  for (const { streamId, command, commandId } of commands)
    await handleCommand({ store, decider, streamId, command, commandId, schemaVersions });
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

/** A recorded event as the contract spells it (src/eventStore/types.ts), built by the floor. */
type Recorded = {
  readonly eventId: string;
  readonly globalPosition: number;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: { readonly commandId: string; readonly correlationId: string; readonly causationId: string; readonly recordedAt: string };
};

async function runOnContractFloor({ decider, commands, schemaVersions }: Workload): Promise<void> {
  const now = wallClockIso();
  const log: Recorded[] = [];
  const streams = new Map<string, Recorded[]>();
  const byEventId = new Map<string, Recorded>();
  const byCommandId = new Map<string, number>();
  const load = async (streamId: string, commandId: string) =>
    byCommandId.has(commandId) ? undefined : (streams.get(streamId) ?? []);
  const append = async (streamId: string, expectedVersion: number, commandId: string, events: ReturnType<AnyDecider['decide']>) => {
    const stream = streams.get(streamId);
    const version = stream?.length ?? 0;
    if (version !== expectedVersion) throw new Error(`${streamId}: expected version ${expectedVersion}, found ${version}`);
    const recordedAt = now();
    const recorded = events.map((event, index): Recorded => {
      const eventId = `${commandId}:${index}`;
      if (byEventId.has(eventId)) throw new Error(`${eventId} is already recorded`);
      return {
        eventId,
        globalPosition: log.length + index + 1,
        streamId,
        streamPosition: version + index + 1,
        type: event.type,
        schemaVersion: schemaVersions?.[event.type] ?? 1,
        data: event.data,
        metadata: { commandId, correlationId: commandId, causationId: commandId, recordedAt },
      };
    });
    const target = stream ?? [];
    if (!stream) streams.set(streamId, target);
    for (const event of recorded) {
      log.push(event);
      target.push(event);
      byEventId.set(event.eventId, event);
    }
    if (recorded.length > 0) byCommandId.set(commandId, recorded[0]!.globalPosition);
    return recorded;
  };
  for (const { streamId, command, commandId } of commands) {
    const events = await load(streamId, commandId);
    if (events === undefined) throw new Error(`${commandId} was handled already`);
    let state = decider.initialState();
    for (const event of events) state = decider.evolve(state, event);
    const decided = decider.decide(command, state);
    const recorded = await append(streamId, events.length, commandId, decided);
    for (const event of recorded) state = decider.evolve(state, event);
  }
}
