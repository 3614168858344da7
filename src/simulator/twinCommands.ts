import { assertNever } from '../domain/core/message';
import type { OrderCommand, OrderEvent } from '../domain/order/types';
import type { UserCommand, UserEvent } from '../domain/user/types';
import { applyToCrud } from '../crud/applyCommand';
import type { CrudStore } from '../crud/types';
import type { CrudUserStore } from '../crud/crudUsers';

/**
 * The command that an event records, read back from the event. Two places need it: an imported or generated
 * history rebuilds the CRUD twin by sending these commands to it (so both sides saw the same accepted commands),
 * and an import is checked by deciding each command again and comparing with the event in the file.
 */
export type TwinCommand =
  | { readonly aggregate: 'order'; readonly command: OrderCommand }
  | { readonly aggregate: 'user'; readonly command: UserCommand };

/** A domain event as the store presents it (upcast to today's schema). */
export type DomainEvent = OrderEvent | UserEvent;

export function commandOfEvent(event: DomainEvent): TwinCommand {
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, customerId, customerEmail, items, placedAt } = event.data;
      return order({ type: 'PlaceOrder', data: { orderId, customerId, customerEmail, items, at: placedAt } });
    }
    case 'OrderConfirmed':
      return order({ type: 'ConfirmOrder', data: { orderId: event.data.orderId, at: event.data.confirmedAt } });
    case 'OrderProcessingStarted':
      return order({ type: 'StartProcessing', data: { orderId: event.data.orderId, at: event.data.startedAt } });
    case 'OrderShipped': {
      const { orderId, trackingNumber, shippedAt } = event.data;
      return order({ type: 'ShipOrder', data: { orderId, trackingNumber, at: shippedAt } });
    }
    case 'OrderDelivered':
      return order({ type: 'DeliverOrder', data: { orderId: event.data.orderId, at: event.data.deliveredAt } });
    case 'OrderCancelled': {
      const { orderId, reason, cancelledAt } = event.data;
      return order({ type: 'CancelOrder', data: { orderId, reason, at: cancelledAt } });
    }
    case 'OrderDeleted':
      return order({ type: 'DeleteOrder', data: { orderId: event.data.orderId, at: event.data.deletedAt } });
    case 'OrderStatusSet': {
      const { orderId, status, setAt } = event.data;
      return order({ type: 'SetOrderStatus', data: { orderId, status, at: setAt } });
    }
    case 'UserCreated': {
      const { userId, firstName, lastName, email, createdAt } = event.data;
      return user({ type: 'CreateUser', data: { userId, firstName, lastName, email, at: createdAt } });
    }
    case 'UserEmailUpdated': {
      const { userId, newEmail, updatedAt } = event.data;
      return user({ type: 'UpdateUserEmail', data: { userId, newEmail, at: updatedAt } });
    }
    default:
      return assertNever(event);
  }
}

const order = (command: OrderCommand): TwinCommand => ({ aggregate: 'order', command });
const user = (command: UserCommand): TwinCommand => ({ aggregate: 'user', command });

/** Sends one accepted command to the CRUD twin, as `simulator.execute` does after the event store accepted it. */
export async function applyTwinCommand(
  twin: TwinCommand,
  stores: { readonly crud: CrudStore; readonly crudUsers: CrudUserStore },
): Promise<void> {
  if (twin.aggregate === 'order') return applyToCrud(twin.command, stores.crud);
  const command = twin.command;
  if (command.type === 'CreateUser') {
    const { userId, firstName, lastName, email, at } = command.data;
    await stores.crudUsers.createUser({ userId, firstName, lastName, email, at });
  } else {
    await stores.crudUsers.updateEmail(command.data.userId, command.data.newEmail, command.data.at);
  }
}
