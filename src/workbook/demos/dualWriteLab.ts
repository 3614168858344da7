import { orderDecider } from '../../domain/order/decider';
import { orderEventSchemaVersions, orderStreamId, type OrderStatus } from '../../domain/order/types';
import { handleCommand, rehydrate } from '../../eventStore/handleCommand';
import type { RecordedEvent } from '../../eventStore/types';
import { routeCommand } from '../../simulator/commandRouting';
import { defaultSnapshotPolicy, type WorkbookSimulator } from '../../simulator/simulator';

/**
 * Lesson "Dual writes and the outbox", on the simulator's own store. Every order command is written twice: the events
 * (the source of truth), then the CRUD twin's row. The app makes the second write a consumer of the log: the twin
 * follows the log by its own checkpoint, its rows and checkpoint written in one transaction. This lab makes the crash
 * between the two writes happen for real (the events are appended while the twin is held, as in a tab that died),
 * shows that the answer to a retry is what the log recorded, and lets the twin catch up from its checkpoint.
 */

/** The two order commands the lab crashes on. */
export type CrashCommand = 'PlaceOrder' | 'ConfirmOrder';

/** What each side says about one order. `null`: that side has no order of that id. */
export type TwoSides = {
  readonly orderId: string;
  readonly log: OrderStatus | null;
  readonly crud: OrderStatus | null;
  readonly agree: boolean;
  /** The last log position the twin applied, and the log's head: the twin is `head - checkpoint` events behind. */
  readonly twinCheckpoint: number;
  readonly logHead: number;
};

export type LabStep = {
  readonly events: readonly RecordedEvent[];
  /** True when the store found the command already recorded and wrote nothing (a retry). */
  readonly idempotentReplay: boolean;
  readonly sides: TwoSides;
  /** The answer's note when the twin has not applied the command's events yet. */
  readonly crudTwinNote?: string;
};

/** The order a person places in the lab: one laptop, for a customer of the lab's own. */
export const labOrder = (orderId: string) => ({
  orderId,
  customerId: 'dual-write-lab',
  customerEmail: 'lab@example.com',
  items: [{ product: 'Laptop', quantity: 1, unitPrice: 999 }],
});

export const inputOf = (command: CrashCommand, orderId: string): unknown =>
  command === 'PlaceOrder' ? labOrder(orderId) : { orderId };

export function createDualWriteLab(simulator: WorkbookSimulator, now: () => string = () => new Date().toISOString()) {
  const { store, crud, crudTwin } = simulator;

  async function sides(orderId: string): Promise<TwoSides> {
    const { state } = await rehydrate(store, orderDecider, orderStreamId(orderId), { snapshots: defaultSnapshotPolicy });
    const log = state.status === 'none' || state.deleted ? null : state.status;
    const row = await crud.get(orderId);
    const crudStatus = (row?.status as OrderStatus | undefined) ?? null;
    const twinCheckpoint = crudTwin.getStatus().checkpoint;
    return { orderId, log, crud: crudStatus, agree: log === crudStatus, twinCheckpoint, logHead: await store.headPosition() };
  }

  return {
    sides,

    /**
     * The simulator's first write only: the twin is held (the tab "dies" before its write), then the command is
     * decided and its events appended with the same handler, schema versions and snapshot policy as
     * `simulator.execute`. The twin stays held until `catchUp`, as a dead tab's twin stays behind until a tab opens.
     */
    async crashAfterAppend(command: CrashCommand, orderId: string, commandId: string): Promise<LabStep> {
      const routed = routeCommand(command, inputOf(command, orderId), now());
      if (routed.aggregate !== 'order') throw new Error(`${command} is not an order command.`);
      await crudTwin.hold();
      const result = await handleCommand({
        store,
        decider: orderDecider,
        streamId: routed.streamId,
        command: routed.command,
        commandId,
        schemaVersions: orderEventSchemaVersions,
        snapshots: defaultSnapshotPolicy,
        now,
      });
      return { events: result.events, idempotentReplay: result.idempotentReplay, sides: await sides(orderId) };
    },

    /**
     * The retry a client makes after the crash: the same command id, through the simulator's real `execute`. The
     * answer is what the log recorded (an idempotent replay), with a note while the twin has not applied it.
     */
    async retry(command: CrashCommand, orderId: string, commandId: string): Promise<LabStep> {
      const outcome = await simulator.execute(command, inputOf(command, orderId), { commandId });
      if (!outcome.ok) throw new Error(outcome.message);
      return {
        events: outcome.events,
        idempotentReplay: outcome.idempotentReplay,
        sides: await sides(orderId),
        ...(outcome.crudTwinNote === undefined ? {} : { crudTwinNote: outcome.crudTwinNote }),
      };
    },

    /**
     * The fix the app uses: the twin, released, reads the log after its checkpoint and applies what it missed, rows
     * and checkpoint in one transaction, as a reopened tab's twin does on start.
     */
    async catchUp(orderId: string): Promise<TwoSides> {
      await crudTwin.release();
      return sides(orderId);
    },

    /** Lets the twin follow the log again without waiting for it (leaving the page). */
    release(): void {
      void crudTwin.release();
    },
  };
}

export type DualWriteLab = ReturnType<typeof createDualWriteLab>;
