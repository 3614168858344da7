import type { OrderCommand } from '../domain/order/types';
import { orderCommandTypes, orderStreamId } from '../domain/order/types';
import type { UserCommand } from '../domain/user/types';
import { userStreamId } from '../domain/user/types';
import { parseOrderCommand, parseStatusUpdate } from '../domain/order/schemas';
import { parseUserCommand } from '../domain/user/schemas';
import type { CommandName } from './types';

/** A command after boundary validation, tagged with the aggregate it goes to. */
export type RoutedCommand =
  | { readonly aggregate: 'order'; readonly streamId: string; readonly command: OrderCommand }
  | { readonly aggregate: 'user'; readonly streamId: string; readonly command: UserCommand };

const orderCommandNames: ReadonlySet<string> = new Set(orderCommandTypes);

/** The path id of raw `UpdateOrderStatus` input; `parseStatusUpdate` validates it along with the body. */
function orderIdOfStatusUpdate(input: unknown): string {
  const orderId = typeof input === 'object' && input !== null ? (input as { orderId?: unknown }).orderId : undefined;
  return typeof orderId === 'string' ? orderId : '';
}

/**
 * Validates raw input (a form's values, an API body) for one command name and says which stream it goes to.
 * Throws ValidationError naming every bad field; nothing has been written at that point.
 */
export function routeCommand(name: CommandName, input: unknown, at: string): RoutedCommand {
  if (name === 'UpdateOrderStatus') {
    // Seed 000's "set the status to X": mapped onto the one specific command that makes that transition.
    const command = parseStatusUpdate(input, orderIdOfStatusUpdate(input), at);
    return { aggregate: 'order', streamId: orderStreamId(command.data.orderId), command };
  }
  if (orderCommandNames.has(name)) {
    const command = parseOrderCommand(name as OrderCommand['type'], input, at);
    return { aggregate: 'order', streamId: orderStreamId(command.data.orderId), command };
  }
  const command = parseUserCommand(name as UserCommand['type'], input, at);
  return { aggregate: 'user', streamId: userStreamId(command.data.userId), command };
}
