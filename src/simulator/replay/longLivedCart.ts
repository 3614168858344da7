import { fold } from '../../domain/core/decider';
import { cartDecider } from '../../domain/cart/decider';
import type { CartCommand, CartEvent, CartState } from '../../domain/cart/types';

const shelf = [
  { product: 'Coffee beans', unitPrice: 12.5 },
  { product: 'Milk', unitPrice: 1.2 },
  { product: 'Filters', unitPrice: 3.99 },
  { product: 'Mug', unitPrice: 8 },
  { product: 'Sugar', unitPrice: 2.35 },
] as const;

/**
 * The customer's n-th change to a cart that stays open for months: cycle through five products, adding some and
 * taking one back now and then. Deterministic, so two runs build the same history.
 */
export function longLivedCartCommand(cartId: string, index: number, state: CartState): CartCommand {
  const { product, unitPrice } = shelf[index % shelf.length]!;
  const line = state.lines[product];
  if (line !== undefined && index % 3 === 1) return { type: 'RemoveItem', data: { cartId, product, quantity: 1 } };
  return { type: 'AddItem', data: { cartId, product, quantity: 1 + (index % 2), unitPrice } };
}

/**
 * Runs `count` commands through the cart's `decide` and `evolve`, so every event is one the domain allowed.
 * Yields each event with the cart's state right after it.
 */
export function* longLivedCartHistory(
  cartId: string,
  count: number,
): Generator<{ readonly event: CartEvent; readonly state: CartState }> {
  let state = cartDecider.initialState();
  let produced = 0;
  for (let index = 0; produced < count; index += 1) {
    for (const event of cartDecider.decide(longLivedCartCommand(cartId, index, state), state)) {
      state = fold(cartDecider.evolve, [event], state);
      produced += 1;
      yield { event, state };
      if (produced === count) return;
    }
  }
}
