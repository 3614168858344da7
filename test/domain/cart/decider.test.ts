import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/domain/core/decider';
import { DomainError } from '../../../src/domain/core/errors';
import { cartDecider } from '../../../src/domain/cart/decider';
import type { CartCommand, CartEvent } from '../../../src/domain/cart/types';
import { spec } from '../../support/givenWhenThen';

const cartId = 'c1';
const given = (events: readonly CartEvent[]) => spec(cartDecider).given(events);
const add = (product: string, quantity: number, unitPrice: number): CartCommand => ({
  type: 'AddItem',
  data: { cartId, product, quantity, unitPrice },
});
const added = (product: string, quantity: number, unitPrice: number): CartEvent => ({
  type: 'ItemAdded',
  data: { cartId, product, quantity, unitPrice },
});
const remove = (product: string, quantity: number): CartCommand => ({ type: 'RemoveItem', data: { cartId, product, quantity } });
const checkOut: CartCommand = { type: 'CheckOut', data: { cartId } };

describe('the shopping cart of the snapshot demo', () => {
  it('records an added item and totals it in cents', () => {
    given([]).when(add('Mug', 3, 0.1)).then([added('Mug', 3, 0.1)]);
    given([added('Mug', 2, 0.1)]).when(add('Pen', 1, 0.2)).thenState({
      status: 'open',
      lines: { Mug: { quantity: 2, unitPrice: 0.1 }, Pen: { quantity: 1, unitPrice: 0.2 } },
      total: 0.4,
      changes: 2,
    });
  });

  it('removes part of a line, with the price the line was added at', () => {
    given([added('Mug', 3, 4.5)])
      .when(remove('Mug', 2))
      .then([{ type: 'ItemRemoved', data: { cartId, product: 'Mug', quantity: 2, unitPrice: 4.5 } }]);
  });

  it('drops a line removed entirely and is empty again when nothing is left', () => {
    given([added('Mug', 2, 4.5)]).when(remove('Mug', 2)).thenState({ status: 'empty', lines: {}, total: 0, changes: 2 });
  });

  it('refuses to remove what is not in the cart, or more than is there', () => {
    given([]).when(remove('Mug', 1)).thenThrows(DomainError, /has no Mug/);
    given([added('Mug', 1, 4.5)]).when(remove('Mug', 2)).thenThrows(DomainError, /has 1 × Mug; 2 cannot be removed/);
  });

  it('refuses quantities that are not whole and positive', () => {
    given([]).when(add('Mug', 0, 1)).thenThrows(DomainError, /at least 1/);
    given([added('Mug', 3, 1)]).when(remove('Mug', 1.5)).thenThrows(DomainError, /whole number/);
  });

  it('checks out with the total, then accepts no more changes', () => {
    given([added('Mug', 2, 4.5)]).when(checkOut).then([{ type: 'CartCheckedOut', data: { cartId, total: 9 } }]);
    const checkedOut: CartEvent = { type: 'CartCheckedOut', data: { cartId, total: 9 } };
    given([added('Mug', 2, 4.5), checkedOut]).when(add('Pen', 1, 1)).thenThrows(DomainError, /checked out/);
    given([]).when(checkOut).thenThrows(DomainError, /is empty/);
  });

  it('can grow a history of thousands of legal events while its state stays small', () => {
    let state = cartDecider.initialState();
    const history: CartEvent[] = [];
    for (let index = 0; index < 5_000; index += 1) {
      const command = index % 2 === 0 ? add('Mug', 1, 4.5) : remove('Mug', 1);
      const events = cartDecider.decide(command, state);
      history.push(...events);
      state = fold(cartDecider.evolve, events, state);
    }
    expect(history).toHaveLength(5_000);
    expect(state).toEqual({ status: 'empty', lines: {}, total: 0, changes: 5_000 });
  });
});
