import { applyToCrud } from '../../crud/applyCommand';
import { createMemoryCrudUserStore, type CrudUser, type CrudUserLoss } from '../../crud/crudUsers';
import { createMemoryCrudStore } from '../../crud/memoryCrudStore';
import type { CrudLoss, CrudOrder } from '../../crud/types';
import type { RecordedEvent } from '../../eventStore/types';
import { historyEventOf, orderCommandOf, userCommandOf } from './eventCommands';

/** The CRUD twin as it would stand after the same accepted commands: current rows, and what they wrote over. */
export type CrudAt = {
  readonly orders: readonly CrudOrder[];
  readonly losses: readonly CrudLoss[];
  readonly users: readonly CrudUser[];
  readonly userLosses: readonly CrudUserLoss[];
};

/**
 * Feeds the command behind each event to a fresh CRUD twin, in log order, as the simulator fed the real one. The
 * twin is rebuilt from the history because CRUD itself cannot go back: that asymmetry is what the screen shows.
 */
export async function crudAt(events: readonly RecordedEvent[]): Promise<CrudAt> {
  const crud = createMemoryCrudStore();
  const crudUsers = createMemoryCrudUserStore();
  const userIds = new Set<string>();
  for (const recorded of events) {
    const history = historyEventOf(recorded);
    if (history === undefined) continue;
    if (history.aggregate === 'order') {
      await applyToCrud(orderCommandOf(history.event), crud);
      continue;
    }
    const command = userCommandOf(history.event);
    userIds.add(command.data.userId);
    if (command.type === 'CreateUser') await crudUsers.createUser(command.data);
    else await crudUsers.updateEmail(command.data.userId, command.data.newEmail, command.data.at);
  }
  const userLosses = (await Promise.all([...userIds].map((userId) => crudUsers.lossesOf(userId)))).flat();
  return {
    orders: await crud.list(),
    losses: await crud.allLosses(),
    users: await crudUsers.list(),
    userLosses: userLosses.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
  };
}
