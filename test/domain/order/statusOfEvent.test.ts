import { describe, expect, it } from 'vitest';
import { statusOfEvent } from '../../../src/domain/order/statusOfEvent';

describe('statusOfEvent', () => {
  it('names the status each lifecycle event moves an order to', () => {
    expect(['OrderPlaced', 'OrderConfirmed', 'OrderProcessingStarted', 'OrderShipped', 'OrderDelivered', 'OrderCancelled'].map(statusOfEvent)).toEqual([
      'pending',
      'confirmed',
      'processing',
      'shipped',
      'delivered',
      'cancelled',
    ]);
  });

  it('has no status for a deleted order, another aggregate’s event or an inherited property name', () => {
    expect(statusOfEvent('OrderDeleted')).toBeUndefined();
    expect(statusOfEvent('UserCreated')).toBeUndefined();
    expect(statusOfEvent('toString')).toBeUndefined();
  });
});
