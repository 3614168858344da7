import { assertNever } from '../domain/core/message';
import type { OrderCommand } from '../domain/order/types';
import type { CrudStore } from './types';

/**
 * What the CRUD twin does with an order command, so one place drives both sides of the comparison. CRUD has no
 * columns for a cancel reason or a tracking number: they are dropped here, which is part of what the twin teaches.
 * The caller runs the command on the event-sourced side first and only sends it here if `decide` accepted it: the
 * twin itself would accept any status change.
 */
export async function applyToCrud(command: OrderCommand, crud: CrudStore): Promise<void> {
  switch (command.type) {
    case 'PlaceOrder': {
      const { orderId, customerId, customerEmail, items, at } = command.data;
      await crud.createOrder({ orderId, customerId, customerEmail, items, at });
      return;
    }
    case 'ConfirmOrder':
      await crud.updateStatus(command.data.orderId, 'confirmed', command.data.at);
      return;
    case 'StartProcessing':
      await crud.updateStatus(command.data.orderId, 'processing', command.data.at);
      return;
    case 'ShipOrder':
      await crud.updateStatus(command.data.orderId, 'shipped', command.data.at);
      return;
    case 'DeliverOrder':
      await crud.updateStatus(command.data.orderId, 'delivered', command.data.at);
      return;
    case 'CancelOrder':
      await crud.updateStatus(command.data.orderId, 'cancelled', command.data.at);
      return;
    case 'DeleteOrder':
      await crud.deleteOrder(command.data.orderId, command.data.at);
      return;
    case 'SetOrderStatus':
      await crud.updateStatus(command.data.orderId, command.data.status, command.data.at);
      return;
    default:
      return assertNever(command);
  }
}
