import { describe, expect, it } from 'vitest';
import { DomainError, ValidationError } from '../../../src/domain/core/errors';
import { orderDecider } from '../../../src/domain/order/decider';
import { commandForStatusUpdate } from '../../../src/domain/order/statusUpdate';
import { spec } from '../../support/givenWhenThen';
import { at, historyTo, orderId } from './fixtures';

describe('seed 000 "update status to X"', () => {
  it('maps each status to the command that makes it happen', () => {
    expect(commandForStatusUpdate(orderId, 'confirmed', at)).toEqual({ type: 'ConfirmOrder', data: { orderId, at } });
    expect(commandForStatusUpdate(orderId, 'processing', at)).toEqual({
      type: 'StartProcessing',
      data: { orderId, at },
    });
    expect(commandForStatusUpdate(orderId, 'shipped', at)).toEqual({
      type: 'ShipOrder',
      data: { orderId, trackingNumber: null, at },
    });
    expect(commandForStatusUpdate(orderId, 'delivered', at)).toEqual({ type: 'DeliverOrder', data: { orderId, at } });
  });

  it('cancels with a default reason, or the one given', () => {
    expect(commandForStatusUpdate(orderId, 'cancelled', at)).toEqual({
      type: 'CancelOrder',
      data: { orderId, reason: 'Status set to cancelled', at },
    });
    expect(commandForStatusUpdate(orderId, 'cancelled', at, 'Customer called')).toEqual({
      type: 'CancelOrder',
      data: { orderId, reason: 'Customer called', at },
    });
  });

  it('forgives case and surrounding spaces', () => {
    expect(commandForStatusUpdate(orderId, ' Shipped ', at).type).toBe('ShipOrder');
  });

  it('refuses pending, explaining that only placing makes an order pending', () => {
    const error = catchError(() => commandForStatusUpdate(orderId, 'pending', at));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      {
        field: 'newStatus',
        message:
          'cannot be "pending": an order is pending only when it is placed. Choose one of: confirmed, processing, shipped, delivered, cancelled',
      },
    ]);
  });

  it('refuses an unknown status, naming the valid ones and quoting only the start of what was typed', () => {
    const error = catchError(() => commandForStatusUpdate(orderId, 'sent', at)) as ValidationError;
    expect(error.message).toBe(
      'newStatus: "sent" is not a status. Choose one of: confirmed, processing, shipped, delivered, cancelled',
    );
    const huge = catchError(() => commandForStatusUpdate(orderId, 'x'.repeat(100_000), at)) as ValidationError;
    expect(huge.message.length).toBeLessThan(200);
  });

  it('refuses an empty status as missing', () => {
    const error = catchError(() => commandForStatusUpdate(orderId, '  ', at)) as ValidationError;
    expect(error.issues[0]?.message).toMatch(/^is required\. Choose one of/);
  });

  it('leaves legality to the decider: shipping a pending order is refused there', () => {
    spec(orderDecider)
      .given(historyTo.pending)
      .when(commandForStatusUpdate(orderId, 'shipped', at))
      .thenThrows(DomainError, /it is "pending"\. From "pending" it can go to: confirmed, cancelled/);
  });

  it('setting a processing order to shipped records OrderShipped (processing stays in the history)', () => {
    const ship = commandForStatusUpdate(orderId, 'shipped', at);
    spec(orderDecider)
      .given(historyTo.processing)
      .when(ship)
      .then([{ type: 'OrderShipped', data: { orderId, trackingNumber: null, shippedAt: at } }]);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
