import type { Decider } from '../core/decider';
import { DomainError } from '../core/errors';
import { assertNever } from '../core/message';
import type { CartCommand, CartEvent, CartLine, CartState } from './types';

/** Summed in cents so that 0.1 + 0.2 does not leak into the total. */
function totalOf(lines: Readonly<Record<string, CartLine>>): number {
  const cents = Object.values(lines).reduce((sum, line) => sum + Math.round(line.quantity * line.unitPrice * 100), 0);
  return cents / 100;
}

function openCart(cartId: string, state: CartState): CartState {
  if (state.status === 'checkedOut') {
    throw new DomainError('CartCheckedOut', `Cart ${cartId} is checked out; it accepts no more changes.`);
  }
  return state;
}

function wholePositive(quantity: number, cartId: string): void {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new DomainError('InvalidQuantity', `Cart ${cartId}: a quantity must be a whole number of at least 1, got ${quantity}.`);
  }
}

function decide(command: CartCommand, state: CartState): CartEvent[] {
  switch (command.type) {
    case 'AddItem': {
      const { cartId, product, quantity, unitPrice } = command.data;
      openCart(cartId, state);
      wholePositive(quantity, cartId);
      return [{ type: 'ItemAdded', data: { cartId, product, quantity, unitPrice } }];
    }
    case 'RemoveItem': {
      const { cartId, product, quantity } = command.data;
      openCart(cartId, state);
      wholePositive(quantity, cartId);
      const line = state.lines[product];
      if (line === undefined) {
        throw new DomainError('ItemNotInCart', `Cart ${cartId} has no ${product} to remove.`);
      }
      if (quantity > line.quantity) {
        throw new DomainError(
          'NotEnoughInCart',
          `Cart ${cartId} has ${line.quantity} × ${product}; ${quantity} cannot be removed.`,
        );
      }
      // The price travels with the event, so evolve does not need to look it up to lower the total.
      return [{ type: 'ItemRemoved', data: { cartId, product, quantity, unitPrice: line.unitPrice } }];
    }
    case 'CheckOut': {
      const { cartId } = command.data;
      openCart(cartId, state);
      if (state.status === 'empty') throw new DomainError('CartEmpty', `Cart ${cartId} is empty; add an item before checking out.`);
      return [{ type: 'CartCheckedOut', data: { cartId, total: state.total } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: CartState, event: CartEvent): CartState {
  switch (event.type) {
    case 'ItemAdded': {
      const { product, quantity, unitPrice } = event.data;
      const line = state.lines[product];
      const lines = { ...state.lines, [product]: { quantity: (line?.quantity ?? 0) + quantity, unitPrice } };
      return { status: 'open', lines, total: totalOf(lines), changes: state.changes + 1 };
    }
    case 'ItemRemoved': {
      const { product, quantity } = event.data;
      const { [product]: line, ...others } = state.lines;
      const left = (line?.quantity ?? 0) - quantity;
      const lines = left > 0 && line ? { ...others, [product]: { ...line, quantity: left } } : others;
      const status = Object.keys(lines).length === 0 ? 'empty' : 'open';
      return { status, lines, total: totalOf(lines), changes: state.changes + 1 };
    }
    case 'CartCheckedOut':
      return { ...state, status: 'checkedOut', changes: state.changes + 1 };
    default:
      return assertNever(event);
  }
}

export const cartDecider: Decider<CartCommand, CartEvent, CartState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'empty', lines: {}, total: 0, changes: 0 }),
};
