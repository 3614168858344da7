import { describe, expect, it } from 'vitest';
import { statusOfEvent } from '../../../src/domain/order/statusOfEvent';

describe('statusOfEvent', () => {
  it('names the status each lifecycle event moves an order to', () => {
    expect(['OrderPlaced', 'OrderConfirmed', 'OrderProcessingStarted', 'OrderShipped', 'OrderDelivered', 'OrderCancelled'].map((type) => statusOfEvent({ type }))).toEqual([
      'pending',
      'confirmed',
      'processing',
      'shipped',
      'delivered',
      'cancelled',
    ]);
  });

  it('has no status for a deleted order, another aggregate’s event or an inherited property name', () => {
    expect(statusOfEvent({ type: 'OrderDeleted' })).toBeUndefined();
    expect(statusOfEvent({ type: 'UserCreated' })).toBeUndefined();
    expect(statusOfEvent({ type: 'toString' })).toBeUndefined();
  });

  it('reads the status of seed 000’s OrderStatusSet from its data: any status can follow any other there', () => {
    expect(statusOfEvent({ type: 'OrderStatusSet', data: { status: 'pending', previousStatus: 'shipped' } })).toBe('pending');
  });
});
