import type { Decider } from '../src/domain/core/decider';

/**
 * The workload run on both stores for the Emmett comparison: a shopping cart, Emmett's own canonical example, so
 * neither store is measured on a domain written for it. Each stream takes C commands: C − 1 `AddItem`s, then
 * `Confirm`. Every command is one read–fold–decide–append with the version that was read.
 */
export type CartCommand =
  | { readonly type: 'AddItem'; readonly data: { readonly cartId: string; readonly product: string; readonly quantity: number; readonly unitPrice: number } }
  | { readonly type: 'Confirm'; readonly data: { readonly cartId: string } };

export type CartEvent =
  | { readonly type: 'ItemAdded'; readonly data: { readonly cartId: string; readonly product: string; readonly quantity: number; readonly unitPrice: number } }
  | { readonly type: 'CartConfirmed'; readonly data: { readonly cartId: string; readonly total: number } };

export type CartState = { readonly status: 'empty' | 'open' | 'confirmed'; readonly lines: number; readonly total: number };

export const cartDecider: Decider<CartCommand, CartEvent, CartState> = {
  initialState: () => ({ status: 'empty', lines: 0, total: 0 }),
  decide(command, state) {
    if (state.status === 'confirmed') throw new Error(`cart ${command.data.cartId} is already confirmed`);
    switch (command.type) {
      case 'AddItem':
        return [{ type: 'ItemAdded', data: command.data }];
      case 'Confirm':
        if (state.status === 'empty') throw new Error(`cart ${command.data.cartId} is empty`);
        return [{ type: 'CartConfirmed', data: { cartId: command.data.cartId, total: state.total } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ItemAdded':
        return { status: 'open', lines: state.lines + 1, total: state.total + event.data.quantity * event.data.unitPrice };
      case 'CartConfirmed':
        return { ...state, status: 'confirmed' };
    }
  },
};

export function cartCommands(cartId: string, commandsPerStream: number): CartCommand[] {
  return Array.from({ length: commandsPerStream }, (_, index): CartCommand =>
    index === commandsPerStream - 1
      ? { type: 'Confirm', data: { cartId } }
      : { type: 'AddItem', data: { cartId, product: `product-${index % 7}`, quantity: 1 + (index % 3), unitPrice: 9.5 + index } },
  );
}

export const cartStreamId = (cartId: string): string => `cart-${cartId}`;
