import type { Message } from '../core/message';

/**
 * A shopping cart: the teaching aggregate of the snapshot demo. An order's lifecycle has at most six events, so it
 * can never show seed 003's "long event tail" of 10,000 events; a cart that a customer keeps filling and emptying
 * for months can, with every event still one that `decide` allowed.
 */

export type AddItem = Message<
  'AddItem',
  { readonly cartId: string; readonly product: string; readonly quantity: number; readonly unitPrice: number }
>;
export type RemoveItem = Message<'RemoveItem', { readonly cartId: string; readonly product: string; readonly quantity: number }>;
export type CheckOut = Message<'CheckOut', { readonly cartId: string }>;

export type CartCommand = AddItem | RemoveItem | CheckOut;

export type ItemAdded = Message<
  'ItemAdded',
  { readonly cartId: string; readonly product: string; readonly quantity: number; readonly unitPrice: number }
>;
export type ItemRemoved = Message<
  'ItemRemoved',
  { readonly cartId: string; readonly product: string; readonly quantity: number; readonly unitPrice: number }
>;
export type CartCheckedOut = Message<'CartCheckedOut', { readonly cartId: string; readonly total: number }>;

export type CartEvent = ItemAdded | ItemRemoved | CartCheckedOut;

/** One product in the cart: how many, at the price it was added at. */
export type CartLine = { readonly quantity: number; readonly unitPrice: number };

export type CartState = {
  readonly status: 'empty' | 'open' | 'checkedOut';
  /** Product → line. Small however long the history: a snapshot of it is cheap to store and load. */
  readonly lines: Readonly<Record<string, CartLine>>;
  /** Sum of quantity × unitPrice, in whole currency units with cents. */
  readonly total: number;
  /** Events folded so far: the length of the history this state stands for. */
  readonly changes: number;
};

/** Stream id of one cart: `cart-<cartId>`. */
export const cartStreamId = (cartId: string): string => `cart-${cartId}`;
