import { DomainError, NotFoundError, ValidationError } from '../../domain/core/errors';
import type { CrudUser, CrudUserLoss, CrudUserReader } from '../../crud/crudUsers';
import type { CrudLoss, CrudOrder, CrudReader } from '../../crud/types';
import { createScratchTwin } from '../scratchTwin';
import { applyTwinCommand, type TwinCommand } from '../twinCommands';

/**
 * The CRUD twin as a consumer of the event log. The log is the truth; the twin is a state-based copy that follows it
 * with its own checkpoint, exactly as a projection does: a batch of events is turned into the twin's row writes
 * (with the twin's own overwrite rules, so every update still destroys what it destroys), and the rows, the losses
 * and the checkpoint are written in ONE transaction. A tab that dies between an append and the twin's write leaves
 * the twin behind, never wrong: the next catch-up starts from the checkpoint and applies what is missing, once.
 */

/** How far the twin has followed the log, and which log (db/logGeneration.ts): a replaced log invalidates it. */
export type TwinCheckpoint = { readonly position: number; readonly logGeneration: number };

/** What the storage holds: the twin's checkpoint (undefined when it never followed a log) and the log's generation. */
export type TwinPosition = { readonly checkpoint: TwinCheckpoint | undefined; readonly logGeneration: number };

export type TwinBatch = {
  /** The checkpoint the batch was read after; a stored one that differs (another tab moved it) writes nothing. */
  readonly from: TwinCheckpoint;
  /** The checkpoint after the batch: the global position of its last event. */
  readonly to: TwinCheckpoint;
  /** The commands the batch's events recorded, in log order (events the twin does not follow have none). */
  readonly commands: readonly TwinCommand[];
};

/** What a committed batch did, besides the rows: how many commands the twin's rules refused. */
export type TwinCommit = { readonly committed: boolean; readonly refused: number };

export interface CrudTwinStorage {
  readonly crud: CrudReader;
  readonly crudUsers: CrudUserReader;
  position(): Promise<TwinPosition>;
  /**
   * Applies the batch's commands to the rows they touch with the twin's rules and writes rows, losses and `to`
   * atomically. `committed: false`, nothing written, when the stored checkpoint is not `from` or the log's
   * generation is not theirs. A storage failure throws the app's StorageError.
   */
  commit(batch: TwinBatch): Promise<TwinCommit>;
  /** Empties rows and losses and sets the checkpoint to 0 of the log's current generation, atomically. */
  reset(): Promise<TwinCheckpoint>;
}

/** What a batch of twin commands does to the rows it touches: the rows to write or delete and the losses to add. */
export type TwinWrites = {
  readonly orders: ReadonlyMap<string, CrudOrder>;
  readonly deletedOrders: ReadonlySet<string>;
  readonly orderLosses: readonly Omit<CrudLoss, 'id'>[];
  readonly users: ReadonlyMap<string, CrudUser>;
  readonly userLosses: readonly CrudUserLoss[];
  readonly refused: number;
};

/** The ids of the rows a batch touches, to read them before applying it. */
export function touchedIds(commands: readonly TwinCommand[]): { orderIds: string[]; userIds: string[] } {
  const orderIds = new Set<string>();
  const userIds = new Set<string>();
  for (const twin of commands) {
    if (twin.aggregate === 'order') orderIds.add(twin.command.data.orderId);
    else userIds.add(twin.command.data.userId);
  }
  return { orderIds: [...orderIds], userIds: [...userIds] };
}

const refusedByTwinRules = (error: unknown): boolean =>
  error instanceof DomainError || error instanceof NotFoundError || error instanceof ValidationError;

/**
 * Runs the commands, in order, on the rows they touch, with the very functions the twin always used
 * (`applyToCrud` → newRow / overwrite / deletionLoss). A command the twin's rules refuse changes nothing, as the
 * CRUD service would have answered an error and left its row alone; a log the deciders accepted never contains one
 * (counted, so a test can say so), and it can never wedge the twin on one event. Awaits nothing but itself.
 */
export async function applyToRows(
  orders: readonly (CrudOrder | undefined)[],
  users: readonly (CrudUser | undefined)[],
  commands: readonly TwinCommand[],
): Promise<TwinWrites> {
  const scratch = createScratchTwin(
    new Map(orders.flatMap((row) => (row ? [[row.orderId, row]] : []))),
    new Map(users.flatMap((row) => (row ? [[row.userId, row]] : []))),
  );
  let refused = 0;
  for (const twin of commands) {
    try {
      await applyTwinCommand(twin, scratch);
    } catch (error) {
      if (!refusedByTwinRules(error)) throw error;
      refused += 1;
    }
  }
  return { ...scratch, refused };
}

const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * The twin in plain memory (tests, sandboxes). `logGeneration` is the generation of the log it follows (the memory
 * projection store keeps it). Each commit runs without awaiting between its check and its writes, so it is atomic.
 */
export function createMemoryTwinStorage(logGeneration: () => Promise<number>): CrudTwinStorage {
  const orders = new Map<string, CrudOrder>();
  const users = new Map<string, CrudUser>();
  let orderLosses: CrudLoss[] = [];
  let userLosses: CrudUserLoss[] = [];
  let nextLossId = 1;
  let checkpoint: TwinCheckpoint | undefined;

  const crud: CrudReader = {
    async get(orderId) {
      const row = orders.get(orderId);
      return row && structuredClone(row);
    },
    async list() {
      return structuredClone([...orders.values()].sort(byKey((row) => row.orderId)));
    },
    async lossesOf(orderId) {
      return structuredClone(orderLosses.filter((loss) => loss.orderId === orderId));
    },
    async allLosses() {
      return structuredClone(orderLosses);
    },
  };
  const crudUsers: CrudUserReader = {
    async get(userId) {
      const row = users.get(userId);
      return row && { ...row };
    },
    async list() {
      return [...users.values()].sort(byKey((row) => row.userId)).map((row) => ({ ...row }));
    },
    async lossesOf(userId) {
      return userLosses.filter((loss) => loss.userId === userId).map((loss) => ({ ...loss }));
    },
  };

  return {
    crud,
    crudUsers,
    async position() {
      return { checkpoint, logGeneration: await logGeneration() };
    },
    async commit({ from, to, commands }) {
      const { orderIds, userIds } = touchedIds(commands);
      const writes = await applyToRows(
        orderIds.map((id) => orders.get(id)),
        userIds.map((id) => users.get(id)),
        commands,
      );
      const generation = await logGeneration();
      // From here to the end nothing awaits: the check and the writes are one step.
      const stale = checkpoint?.position !== from.position || checkpoint.logGeneration !== from.logGeneration;
      if (stale || from.logGeneration !== generation || to.logGeneration !== generation) return { committed: false, refused: 0 };
      for (const orderId of writes.deletedOrders) orders.delete(orderId);
      for (const row of writes.orders.values()) orders.set(row.orderId, structuredClone(row));
      for (const loss of writes.orderLosses) orderLosses.push(structuredClone({ ...loss, id: nextLossId++ }));
      for (const row of writes.users.values()) users.set(row.userId, { ...row });
      for (const loss of writes.userLosses) userLosses.push({ ...loss });
      checkpoint = to;
      return { committed: true, refused: writes.refused };
    },
    async reset() {
      const generation = await logGeneration();
      orders.clear();
      users.clear();
      orderLosses = [];
      userLosses = [];
      nextLossId = 1;
      checkpoint = { position: 0, logGeneration: generation };
      return checkpoint;
    },
  };
}
