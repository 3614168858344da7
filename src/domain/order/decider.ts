import type { Decider } from '../core/decider';
import { checkedDecider } from '../core/checkedDecider';
import { orderEventSchemas } from './eventSchemas';
import { DomainError, NotFoundError } from '../core/errors';
import { assertNever } from '../core/message';
import { allowedNextStatuses, canTransition, isFinalStatus } from './transitions';
import { orderEventSchemaVersions } from './types';
import type { ExistingOrder, OrderCommand, OrderEvent, OrderItem, OrderState, OrderStatus } from './types';

/** Sum of quantity × unitPrice, rounded to cents (summed in cents so that 0.1 + 0.2 does not leak into totals). */
export function orderTotal(items: readonly OrderItem[]): number {
  const cents = items.reduce((sum, item) => sum + item.quantity * item.unitPrice * 100, 0);
  return Math.round(cents) / 100;
}

/** How each status-changing command reads in a sentence: "Cannot <verb> order 42". */
const verbs = {
  ConfirmOrder: 'confirm',
  StartProcessing: 'start processing',
  ShipOrder: 'ship',
  DeliverOrder: 'deliver',
  CancelOrder: 'cancel',
} as const satisfies Record<string, string>;

type StatusChangingCommand = Extract<OrderCommand, { type: keyof typeof verbs }>;

/** The message names where the order is and where it could go, so a student sees the state machine, not "no". */
export function illegalTransitionMessage(orderId: string, verb: string, current: OrderStatus): string {
  const head = `Cannot ${verb} order ${orderId}: it is "${current}"`;
  if (isFinalStatus(current)) return `${head}, which is final: no status can follow it.`;
  return `${head}. From "${current}" it can go to: ${allowedNextStatuses(current).join(', ')}.`;
}

/** The order the command talks about, or the reason there is none to act on. */
function existingOrder(orderId: string, state: OrderState): ExistingOrder {
  if (state.status === 'none') throw new NotFoundError('order', orderId);
  if (state.deleted) {
    throw new DomainError(
      'OrderDeleted',
      `Order ${orderId} was deleted (it was "${state.status}"); its history is kept, but it accepts no more commands.`,
    );
  }
  return state;
}

/** Checks the seed 002 state machine before a status-changing command records its event. */
function orderThatCanMoveTo(command: StatusChangingCommand, state: OrderState, to: OrderStatus): ExistingOrder {
  const order = existingOrder(command.data.orderId, state);
  if (!canTransition(order.status, to)) {
    throw new DomainError(
      'IllegalTransition',
      illegalTransitionMessage(command.data.orderId, verbs[command.type], order.status),
    );
  }
  return order;
}

function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  switch (command.type) {
    case 'PlaceOrder': {
      const { orderId, customerId, customerEmail, items, at } = command.data;
      // A deleted order keeps its id forever: the tombstone is part of the history, so the id cannot be reused.
      if (state.status !== 'none') {
        existingOrder(orderId, state);
        throw new DomainError(
          'OrderAlreadyExists',
          `Order ${orderId} already exists (it is "${state.status}"); place the new order under another id.`,
        );
      }
      if (items.length === 0) {
        throw new DomainError('OrderHasNoItems', `Order ${orderId} has no items; an order needs at least one.`);
      }
      return [
        {
          type: 'OrderPlaced',
          data: { orderId, customerId, customerEmail, items, total: orderTotal(items), placedAt: at },
        },
      ];
    }
    case 'ConfirmOrder':
      orderThatCanMoveTo(command, state, 'confirmed');
      return [{ type: 'OrderConfirmed', data: { orderId: command.data.orderId, confirmedAt: command.data.at } }];
    case 'StartProcessing':
      orderThatCanMoveTo(command, state, 'processing');
      return [
        { type: 'OrderProcessingStarted', data: { orderId: command.data.orderId, startedAt: command.data.at } },
      ];
    case 'ShipOrder': {
      orderThatCanMoveTo(command, state, 'shipped');
      const { orderId, trackingNumber, at } = command.data;
      return [{ type: 'OrderShipped', data: { orderId, trackingNumber, shippedAt: at } }];
    }
    case 'DeliverOrder':
      orderThatCanMoveTo(command, state, 'delivered');
      return [{ type: 'OrderDelivered', data: { orderId: command.data.orderId, deliveredAt: command.data.at } }];
    case 'CancelOrder': {
      const order = orderThatCanMoveTo(command, state, 'cancelled');
      const { orderId, reason, at } = command.data;
      return [
        {
          type: 'OrderCancelled',
          data: { orderId, customerId: order.customerId, reason, previousStatus: order.status, cancelledAt: at },
        },
      ];
    }
    case 'DeleteOrder': {
      // Allowed from any status: deleting is an admin act outside the lifecycle, recorded as a tombstone.
      const order = existingOrder(command.data.orderId, state);
      const { orderId, at } = command.data;
      return [
        {
          type: 'OrderDeleted',
          data: { orderId, customerId: order.customerId, previousStatus: order.status, deletedAt: at },
        },
      ];
    }
    case 'SetOrderStatus': {
      // Seed 000 is CRUD: no transition is checked, any status overwrites any other. Only an order must exist.
      const order = existingOrder(command.data.orderId, state);
      const { orderId, status, at } = command.data;
      return [
        {
          type: 'OrderStatusSet',
          data: { orderId, customerId: order.customerId, status, previousStatus: order.status, setAt: at },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

/** Events are facts: evolve applies them without re-checking the rules decide enforced when they were recorded. */
function evolve(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === 'OrderPlaced') {
    const { orderId, customerId, customerEmail, items, total, placedAt } = event.data;
    return {
      status: 'pending',
      orderId,
      customerId,
      customerEmail,
      items,
      total,
      placedAt,
      updatedAt: placedAt,
      trackingNumber: null,
      cancelReason: null,
      deleted: false,
    };
  }
  // Any other event without an OrderPlaced before it cannot describe an order; keep the empty state.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OrderConfirmed':
      return { ...state, status: 'confirmed', updatedAt: event.data.confirmedAt };
    case 'OrderProcessingStarted':
      return { ...state, status: 'processing', updatedAt: event.data.startedAt };
    case 'OrderShipped':
      return {
        ...state,
        status: 'shipped',
        trackingNumber: event.data.trackingNumber,
        updatedAt: event.data.shippedAt,
      };
    case 'OrderDelivered':
      return { ...state, status: 'delivered', updatedAt: event.data.deliveredAt };
    case 'OrderCancelled':
      return { ...state, status: 'cancelled', cancelReason: event.data.reason, updatedAt: event.data.cancelledAt };
    case 'OrderDeleted':
      // The status stays what it was: read models drop the order, the history still says where it had got to.
      return { ...state, deleted: true, updatedAt: event.data.deletedAt };
    case 'OrderStatusSet':
      return { ...state, status: event.data.status, updatedAt: event.data.setAt };
    default:
      return assertNever(event);
  }
}

/** Every event `decide` returns matches its schema (eventSchemas.ts), the one an import checks it with. */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = checkedDecider(
  { decide, evolve, initialState: () => ({ status: 'none' }) },
  orderEventSchemas,
  orderEventSchemaVersions,
);
