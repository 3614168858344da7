import type { Decider } from '../core/decider';
import { checkedDecider } from '../core/checkedDecider';
import { inventoryEventSchemas } from './eventSchemas';
import { DomainError } from '../core/errors';
import { assertNever } from '../core/message';
import {
  availableOf,
  type InventoryCommand,
  type InventoryEvent,
  type InventoryState,
} from './types';

function wholePositive(quantity: number, product: string): void {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new DomainError(
      'InvalidQuantity',
      `${product}: a quantity of stock must be a whole number of at least 1, got ${quantity}.`,
    );
  }
}

const units = (quantity: number): string => `${quantity} ${quantity === 1 ? 'unit' : 'units'}`;

function decide(command: InventoryCommand, state: InventoryState): InventoryEvent[] {
  switch (command.type) {
    case 'AddStock': {
      const { product, quantity, unitPrice, at } = command.data;
      wholePositive(quantity, product);
      if (unitPrice !== null && !(Number.isFinite(unitPrice) && unitPrice >= 0)) {
        throw new DomainError('InvalidPrice', `${product}: a unit price must be a number of at least 0, got ${unitPrice}.`);
      }
      return [{ type: 'StockAdded', data: { product, quantity, unitPrice: unitPrice ?? state.unitPrice, addedAt: at } }];
    }
    case 'ReserveStock': {
      const { product, orderId, quantity, at } = command.data;
      wholePositive(quantity, product);
      const held = state.reservations[orderId];
      if (held !== undefined) {
        // The same reservation asked again (a retried saga step) changes nothing; a different one is a mistake.
        if (held === quantity) return [];
        throw new DomainError(
          'AlreadyReserved',
          `${product}: order ${orderId} already holds ${units(held)}; it cannot reserve ${quantity} instead.`,
        );
      }
      const available = availableOf(state);
      if (quantity > available) {
        throw new DomainError(
          'StockShort',
          state.product === null
            ? `${product} is out of stock: none has ever been added, order ${orderId} asks for ${quantity}.`
            : `${product} is short: ${units(available)} available (${state.onHand} on hand, ${state.onHand - available} reserved), order ${orderId} asks for ${quantity}.`,
        );
      }
      return [{ type: 'StockReserved', data: { product, orderId, quantity, reservedAt: at } }];
    }
    case 'ReleaseStock': {
      const { product, orderId, reason, at } = command.data;
      const held = state.reservations[orderId];
      // Compensation runs again after a reload or in a second tab: releasing what is not held changes nothing.
      if (held === undefined) return [];
      return [{ type: 'StockReleased', data: { product, orderId, quantity: held, reason, releasedAt: at } }];
    }
    case 'ShipReservedStock': {
      const { product, orderId, quantity, at } = command.data;
      wholePositive(quantity, product);
      const held = state.reservations[orderId];
      if (held === undefined) {
        // Shipped already (a follow-up redone after a reload or by a second tab): nothing more leaves the shelf.
        if (state.shipped[orderId] === quantity) return [];
        throw new DomainError(
          'NotReserved',
          state.shipped[orderId] === undefined
            ? `${product}: order ${orderId} holds no reservation, so it has no stock to ship.`
            : `${product}: order ${orderId} shipped ${units(state.shipped[orderId])} already; it cannot ship ${quantity}.`,
        );
      }
      // A reservation leaves whole with its order: shipping more would take another order's units, less would leave
      // units held for an order that is gone.
      if (quantity !== held) {
        throw new DomainError(
          quantity > held ? 'ShipMoreThanReserved' : 'ShipLessThanReserved',
          `${product}: order ${orderId} holds ${units(held)}; it cannot ship ${quantity}.`,
        );
      }
      return [{ type: 'ReservedStockShipped', data: { product, orderId, quantity, shippedAt: at } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: InventoryState, event: InventoryEvent): InventoryState {
  switch (event.type) {
    case 'StockAdded':
      return {
        ...state,
        product: event.data.product,
        onHand: state.onHand + event.data.quantity,
        unitPrice: event.data.unitPrice,
      };
    case 'StockReserved':
      return {
        ...state,
        reservations: { ...state.reservations, [event.data.orderId]: event.data.quantity },
      };
    case 'StockReleased': {
      const { [event.data.orderId]: _released, ...others } = state.reservations;
      return { ...state, reservations: others };
    }
    case 'ReservedStockShipped': {
      const { [event.data.orderId]: _shipped, ...others } = state.reservations;
      return {
        ...state,
        onHand: state.onHand - event.data.quantity,
        reservations: others,
        shipped: { ...state.shipped, [event.data.orderId]: event.data.quantity },
      };
    }
    default:
      return assertNever(event);
  }
}

export const inventoryDecider: Decider<InventoryCommand, InventoryEvent, InventoryState> = checkedDecider({
  decide,
  evolve,
  initialState: () => ({ product: null, onHand: 0, unitPrice: 0, reservations: {}, shipped: {} }),
}, inventoryEventSchemas);

/** The command an inventory event records (an import decides it again to check the event could have happened). */
export function commandOfInventoryEvent(event: InventoryEvent): InventoryCommand {
  switch (event.type) {
    case 'StockAdded': {
      const { product, quantity, unitPrice, addedAt } = event.data;
      return { type: 'AddStock', data: { product, quantity, unitPrice, at: addedAt } };
    }
    case 'StockReserved': {
      const { product, orderId, quantity, reservedAt } = event.data;
      return { type: 'ReserveStock', data: { product, orderId, quantity, at: reservedAt } };
    }
    case 'StockReleased': {
      const { product, orderId, reason, releasedAt } = event.data;
      return { type: 'ReleaseStock', data: { product, orderId, reason, at: releasedAt } };
    }
    case 'ReservedStockShipped': {
      const { product, orderId, quantity, shippedAt } = event.data;
      return { type: 'ShipReservedStock', data: { product, orderId, quantity, at: shippedAt } };
    }
    default:
      return assertNever(event);
  }
}
