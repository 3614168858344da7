import { orderDecider } from '../../domain/order/decider';
import { orderEventSchemaVersions, orderStreamId, type OrderStatus } from '../../domain/order/types';
import { handleCommand, rehydrate } from '../../eventStore/handleCommand';
import type { RecordedEvent } from '../../eventStore/types';
import { routeCommand } from '../../simulator/commandRouting';
import { defaultSnapshotPolicy, type WorkbookSimulator } from '../../simulator/simulator';

/**
 * Lesson "Dual writes and the outbox", on the simulator's own store. The simulator writes every order command twice:
 * the events (the source of truth), then the CRUD twin's row. Nothing makes the two writes one transaction, so a tab
 * that dies between them leaves the twin behind the log. This lab makes that crash happen for real (the events are
 * appended, the row is not written), shows that retrying the command does not help, and repairs the row the way a
 * consumer of the log would: from the order's events.
 */

/** The two order commands the lab crashes on. */
export type CrashCommand = 'PlaceOrder' | 'ConfirmOrder';

/** What each side says about one order. `null`: that side has no order of that id. */
export type TwoSides = {
  readonly orderId: string;
  readonly log: OrderStatus | null;
  readonly crud: OrderStatus | null;
  readonly agree: boolean;
};

export type LabStep = {
  readonly events: readonly RecordedEvent[];
  /** True when the store found the command already recorded and wrote nothing (a retry). */
  readonly idempotentReplay: boolean;
  readonly sides: TwoSides;
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
  const { store, crud } = simulator;

  async function sides(orderId: string): Promise<TwoSides> {
    const { state } = await rehydrate(store, orderDecider, orderStreamId(orderId), { snapshots: defaultSnapshotPolicy });
    const log = state.status === 'none' || state.deleted ? null : state.status;
    const row = await crud.get(orderId);
    const crudStatus = (row?.status as OrderStatus | undefined) ?? null;
    return { orderId, log, crud: crudStatus, agree: log === crudStatus };
  }

  return {
    sides,

    /**
     * The simulator's first write only: the command decided and its events appended with the same handler, schema
     * versions and snapshot policy as `simulator.execute`, then the "crash" (the CRUD write never runs).
     */
    async crashAfterAppend(command: CrashCommand, orderId: string, commandId: string): Promise<LabStep> {
      const routed = routeCommand(command, inputOf(command, orderId), now());
      if (routed.aggregate !== 'order') throw new Error(`${command} is not an order command.`);
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

    /** The retry a client makes after the crash: the same command id, through the simulator's real `execute`. */
    async retry(command: CrashCommand, orderId: string, commandId: string): Promise<LabStep> {
      const outcome = await simulator.execute(command, inputOf(command, orderId), { commandId });
      if (!outcome.ok) throw new Error(outcome.message);
      return { events: outcome.events, idempotentReplay: outcome.idempotentReplay, sides: await sides(orderId) };
    },

    /**
     * The second write derived from the log: the order's events folded, and the row written to match. A consumer
     * that follows the log with a checkpoint does this for every event; here it runs once, for one order.
     */
    async repairFromLog(orderId: string): Promise<TwoSides> {
      const { state } = await rehydrate(store, orderDecider, orderStreamId(orderId), { snapshots: defaultSnapshotPolicy });
      const row = await crud.get(orderId);
      if (state.status === 'none' || state.deleted) {
        if (row) await crud.deleteOrder(orderId, now());
        return sides(orderId);
      }
      if (!row) {
        const { customerId, customerEmail, items, placedAt } = state;
        await crud.createOrder({ orderId, customerId, customerEmail, items, at: placedAt });
      }
      if ((await crud.get(orderId))?.status !== state.status) await crud.updateStatus(orderId, state.status, state.updatedAt);
      return sides(orderId);
    },
  };
}

export type DualWriteLab = ReturnType<typeof createDualWriteLab>;
