import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/domain/core/errors';
import { upcasterSteps } from '../../../src/simulator/versioning/upcasterSteps';
import { seed000OrderPlaced } from '../../../src/simulator/versioning/versioningSandbox';

describe('the upcaster\'s path in words', () => {
  it('tells this event\'s own product and quantity becoming the only item at price 0, and the email as null', () => {
    const steps = upcasterSteps(seed000OrderPlaced, 3);
    expect(steps[0]).toContain('OrderPlaced at schemaVersion 1. Today OrderPlaced is written at version 2');
    expect(steps[2]).toBe(
      'product "Laptop" and quantity 2 become the only item: {"product":"Laptop","quantity":2,"unitPrice":0}. ' +
        'unitPrice is 0 because v1 never knew prices, so total is 0.',
    );
    expect(steps[3]).toMatch(/^customerEmail is null: v1 never knew/);
    expect(steps[4]).toBe('orderId, customerId and placedAt are copied as they are.');
    expect(steps[5]).toContain('Events 2–4 are already at their current version');
    expect(steps.at(-1)).toContain('the stored row is never written to');
  });

  it('mentions the number-to-text customer id when seed 000 stored a number', () => {
    expect(upcasterSteps({ ...seed000OrderPlaced, customerId: 123 }, 3)[4]).toBe(
      'customerId 123 (a number, as seed 000 once stored it) becomes the text "123"; orderId and placedAt are copied.',
    );
  });

  it('refuses data the upcaster refuses', () => {
    expect(() => upcasterSteps({ orderId: '1001' }, 3)).toThrow(ValidationError);
  });
});
