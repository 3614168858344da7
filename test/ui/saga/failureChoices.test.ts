import { describe, expect, it } from 'vitest';
import type { StockLevel } from '../../../src/sagas/types';
import { choiceOf, failureChoices, paymentModeFor, stockShortQuantities } from '../../../src/ui/saga/failureChoices';

/** The failure-injection control: what each option asks of the payment service, and the real stock shortage. */

const level = (product: string, available: number, unitPrice = 10): StockLevel => ({ product, onHand: available, reserved: 0, available, unitPrice });

describe('failure choices', () => {
  it('offers the five options, each explained in one line', () => {
    expect(failureChoices.map((option) => option.label)).toEqual([
      'Everything works',
      'Payment declined',
      'Payment service down',
      'Flaky payment service',
      'Stock short',
    ]);
    for (const option of failureChoices) expect(option.explains).not.toMatch(/\n/);
  });

  it('maps each payment option to the payment service mode and reads it back', () => {
    for (const { choice } of failureChoices) {
      expect(choiceOf({ paymentService: paymentModeFor(choice) }, choice === 'stockShort')).toBe(choice);
    }
  });

  it('keeps the payment service approving when the stock is short, so the shortage is what fails', () => {
    expect(paymentModeFor('stockShort')).toBe('approves');
    // Another tab switched the payment service to "declines": that wins over this page's "stock short".
    expect(choiceOf({ paymentService: 'declines' }, true)).toBe('paymentDeclined');
  });
});

describe('a real stock shortage', () => {
  it('orders one of the first product and one more than available of the second', () => {
    const quantities = stockShortQuantities([level('Laptop', 10), level('Mouse', 50), level('Keyboard', 5)]);
    expect([...quantities]).toEqual([
      ['Laptop', 1],
      ['Mouse', 51],
      ['Keyboard', 0],
    ]);
  });

  it('starts with the first product that has stock, so there is a reservation to release', () => {
    const quantities = stockShortQuantities([level('Laptop', 0), level('Mouse', 3), level('Keyboard', 2)]);
    expect(quantities.get('Laptop')).toBe(0);
    expect(quantities.get('Mouse')).toBe(1);
    expect(quantities.get('Keyboard')).toBe(3);
  });

  it('falls back to a shortage of the only product', () => {
    expect([...stockShortQuantities([level('Laptop', 4)])]).toEqual([['Laptop', 5]]);
    expect([...stockShortQuantities([])]).toEqual([]);
  });
});
