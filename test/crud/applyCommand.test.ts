import { describe, expect, it } from 'vitest';
import { applyToCrud } from '../../src/crud/applyCommand';
import { createMemoryCrudStore } from '../../src/crud/memoryCrudStore';

const at = (hour: number) => `2026-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe('driving the CRUD twin with order commands', () => {
  it('turns each status command into a status overwrite, dropping what CRUD has no column for', async () => {
    const crud = createMemoryCrudStore();
    await applyToCrud(
      {
        type: 'PlaceOrder',
        data: { orderId: '1', customerId: 'c', customerEmail: 'c@example.com', items: [{ product: 'Laptop', quantity: 1, unitPrice: 10 }], at: at(1) },
      },
      crud,
    );
    await applyToCrud({ type: 'ConfirmOrder', data: { orderId: '1', at: at(2) } }, crud);
    await applyToCrud({ type: 'StartProcessing', data: { orderId: '1', at: at(3) } }, crud);
    await applyToCrud({ type: 'ShipOrder', data: { orderId: '1', trackingNumber: 'TRACK-1', at: at(4) } }, crud);
    await applyToCrud({ type: 'DeliverOrder', data: { orderId: '1', at: at(5) } }, crud);
    const row = await crud.get('1');
    expect(row).toMatchObject({ status: 'delivered', total: 10, updatedAt: at(5) });
    expect(JSON.stringify(row)).not.toContain('TRACK-1');
  });

  it('cancels by status, losing the reason, and deletes the row', async () => {
    const crud = createMemoryCrudStore();
    await applyToCrud(
      { type: 'PlaceOrder', data: { orderId: '2', customerId: 'c', customerEmail: null, items: [{ product: 'Mouse', quantity: 1, unitPrice: 5 }], at: at(1) } },
      crud,
    );
    await applyToCrud({ type: 'CancelOrder', data: { orderId: '2', reason: 'too slow', at: at(2) } }, crud);
    expect((await crud.get('2'))?.status).toBe('cancelled');
    expect(JSON.stringify(await crud.get('2'))).not.toContain('too slow');
    await applyToCrud({ type: 'DeleteOrder', data: { orderId: '2', at: at(3) } }, crud);
    expect(await crud.get('2')).toBeUndefined();
  });
});
