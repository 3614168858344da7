import { describe, expect, it } from 'vitest';
import type { StockLevel } from '../../../src/sagas/types';
import { draftTotal, fieldOfIssue, orderRequestOf } from '../../../src/ui/saga/orderDraft';

/** The saga order form: what it sends to the coordinator, and where each refusal is shown. */

const catalog: StockLevel[] = [
  { product: 'Laptop', onHand: 10, reserved: 0, available: 10, unitPrice: 999.99 },
  { product: 'Mouse', onHand: 50, reserved: 0, available: 50, unitPrice: 25 },
  { product: 'Keyboard', onHand: 20, reserved: 0, available: 20, unitPrice: 75.5 },
];

describe('the saga order draft', () => {
  it('sends the products with a quantity, in catalog order, at catalog prices', () => {
    const request = orderRequestOf({ customerId: 'c-1', quantities: new Map([['Keyboard', '1'], ['Laptop', '2'], ['Mouse', '0']]) }, catalog);
    expect(request.input).toEqual({
      customerId: 'c-1',
      items: [
        { product: 'Laptop', quantity: 2, unitPrice: 999.99 },
        { product: 'Keyboard', quantity: 1, unitPrice: 75.5 },
      ],
    });
    expect(request.productOfItem).toEqual(['Laptop', 'Keyboard']);
  });

  it('lets a bad quantity through as typed, so the coordinator refuses it with its own words', () => {
    const request = orderRequestOf({ customerId: 'c-1', quantities: new Map([['Mouse', 'abc'], ['Keyboard', '-1']]) }, catalog);
    expect(request.input.items.map((item) => item.quantity)).toEqual(['abc', -1]);
  });

  it('places an issue about an item next to that product, and others by the customer or over the list', () => {
    const productOfItem = ['Laptop', 'Keyboard'];
    expect(fieldOfIssue({ field: 'items[1].quantity', message: 'must be at least 1' }, productOfItem)).toEqual({ kind: 'quantity', product: 'Keyboard' });
    expect(fieldOfIssue({ field: 'items[7].quantity', message: 'x' }, productOfItem)).toEqual({ kind: 'items' });
    expect(fieldOfIssue({ field: 'customerId', message: 'is required' }, productOfItem)).toEqual({ kind: 'customer' });
    expect(fieldOfIssue({ field: 'items', message: 'must hold at least 1 item' }, productOfItem)).toEqual({ kind: 'items' });
  });

  it('totals whole positive quantities at catalog prices', () => {
    expect(draftTotal({ customerId: '', quantities: new Map([['Laptop', '2'], ['Mouse', '1.5'], ['Keyboard', '-3']]) }, catalog)).toBe(1999.98);
  });
});
