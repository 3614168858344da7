import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDexieCrudStore } from '../../src/crud/dexieCrudStore';
import { createMemoryCrudStore } from '../../src/crud/memoryCrudStore';
import type { CrudStore, NewCrudOrder } from '../../src/crud/types';
import { WorkbookDb } from '../../src/db/schema';
import { DomainError, NotFoundError, ValidationError } from '../../src/domain/core/errors';

let databases = 0;
const opened: WorkbookDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const implementations: [string, () => Promise<CrudStore>][] = [
  ['memory', async () => createMemoryCrudStore()],
  [
    'Dexie on fake-indexeddb',
    async () => {
      databases += 1;
      const db = new WorkbookDb(`crud-${databases}-${Date.now()}`);
      await db.open();
      opened.push(db);
      return createDexieCrudStore(db);
    },
  ],
];

/** Seed 000's example order: customer 123, two laptops, no price. */
const laptops: NewCrudOrder = {
  orderId: 'd136ca70',
  customerId: '123',
  customerEmail: null,
  items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }],
  at: '2026-01-01T09:00:00.000Z',
};

describe.each(implementations)('CRUD twin: %s', (_name, create) => {
  it('creates a pending row with seed 000 fields', async () => {
    const crud = await create();
    await crud.createOrder(laptops);
    expect(await crud.get('d136ca70')).toEqual({
      orderId: 'd136ca70',
      customerId: '123',
      customerEmail: null,
      product: 'Laptop',
      quantity: 2,
      items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }],
      total: 0,
      status: 'pending',
      updatedAt: '2026-01-01T09:00:00.000Z',
    });
  });

  it('shows several lines as one product and the summed quantity, with the total', async () => {
    const crud = await create();
    const row = await crud.createOrder({
      ...laptops,
      items: [
        { product: 'Laptop', quantity: 1, unitPrice: 999.99 },
        { product: 'Mouse', quantity: 2, unitPrice: 0.1 },
      ],
    });
    expect(row).toMatchObject({ product: 'Laptop, Mouse', quantity: 3, total: 1000.19 });
  });

  it('overwrites "processing" with "shipped" and records that it lost "processing"', async () => {
    const crud = await create();
    await crud.createOrder(laptops);
    await crud.updateStatus('d136ca70', 'processing', '2026-01-02T09:00:00.000Z');
    await crud.updateStatus('d136ca70', 'shipped', '2026-01-03T09:00:00.000Z');
    expect((await crud.get('d136ca70'))?.status).toBe('shipped');
    expect(await crud.lossesOf('d136ca70')).toEqual([
      expect.objectContaining({ field: 'status', oldValue: 'pending', newValue: 'processing', at: '2026-01-02T09:00:00.000Z' }),
      expect.objectContaining({ field: 'status', oldValue: 'processing', newValue: 'shipped', at: '2026-01-03T09:00:00.000Z' }),
    ]);
  });

  it('accepts any of the six statuses from any status: CRUD has no state machine', async () => {
    const crud = await create();
    await crud.createOrder(laptops);
    await crud.updateStatus('d136ca70', 'delivered', '2026-01-02T09:00:00.000Z');
    await crud.updateStatus('d136ca70', ' Pending ', '2026-01-03T09:00:00.000Z');
    expect((await crud.get('d136ca70'))?.status).toBe('pending');
  });

  it('refuses a status that is not one of the six, writing nothing', async () => {
    const crud = await create();
    await crud.createOrder(laptops);
    const attempt = crud.updateStatus('d136ca70', 'lost in the mail', '2026-01-02T09:00:00.000Z');
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(crud.updateStatus('d136ca70', 'lost', 'x')).rejects.toThrow(
      /"lost" is not a status\. Choose one of: pending, confirmed, processing, shipped, delivered, cancelled/,
    );
    expect((await crud.get('d136ca70'))?.status).toBe('pending');
    expect(await crud.lossesOf('d136ca70')).toEqual([]);
  });

  it('records nothing lost when a value is written over by the same value', async () => {
    const crud = await create();
    await crud.createOrder(laptops);
    await crud.updateStatus('d136ca70', 'pending', '2026-01-02T09:00:00.000Z');
    expect(await crud.lossesOf('d136ca70')).toEqual([]);
    expect((await crud.get('d136ca70'))?.updatedAt).toBe('2026-01-02T09:00:00.000Z');
  });

  it('loses the old email on an email update', async () => {
    const crud = await create();
    await crud.createOrder({ ...laptops, customerEmail: 'old@example.com' });
    await crud.updateEmail('d136ca70', 'new@example.com', '2026-01-02T09:00:00.000Z');
    expect((await crud.get('d136ca70'))?.customerEmail).toBe('new@example.com');
    expect(await crud.lossesOf('d136ca70')).toEqual([
      expect.objectContaining({ field: 'customerEmail', oldValue: 'old@example.com', newValue: 'new@example.com' }),
    ]);
  });

  it('deletes the row for good, keeping its last values only in the loss log', async () => {
    const crud = await create();
    await crud.createOrder(laptops);
    await crud.createOrder({ ...laptops, orderId: '55a6c635' });
    await crud.deleteOrder('d136ca70', '2026-01-02T09:00:00.000Z');
    expect(await crud.get('d136ca70')).toBeUndefined();
    expect((await crud.list()).map((row) => row.orderId)).toEqual(['55a6c635']);
    const [loss] = await crud.lossesOf('d136ca70');
    expect(loss).toMatchObject({ field: 'order', newValue: null, oldValue: { orderId: 'd136ca70', status: 'pending' } });
    await expect(crud.deleteOrder('d136ca70', 'x')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses updates to an order that does not exist', async () => {
    const crud = await create();
    await expect(crud.updateStatus('nope', 'shipped', 'x')).rejects.toBeInstanceOf(NotFoundError);
    await expect(crud.updateEmail('nope', 'a@b.c', 'x')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a second order with the same id, and an order without items', async () => {
    const crud = await create();
    await crud.createOrder(laptops);
    await expect(crud.createOrder(laptops)).rejects.toBeInstanceOf(DomainError);
    await expect(crud.createOrder({ ...laptops, orderId: 'empty', items: [] })).rejects.toBeInstanceOf(ValidationError);
    expect(await crud.get('empty')).toBeUndefined();
  });

  it('lists rows by order id, and lists every loss oldest first', async () => {
    const crud = await create();
    await crud.createOrder({ ...laptops, orderId: 'b' });
    await crud.createOrder({ ...laptops, orderId: 'a' });
    await crud.updateStatus('b', 'confirmed', 't1');
    await crud.updateStatus('a', 'confirmed', 't2');
    expect((await crud.list()).map((row) => row.orderId)).toEqual(['a', 'b']);
    expect((await crud.allLosses()).map((loss) => loss.orderId)).toEqual(['b', 'a']);
  });

  it('empties rows and losses on clear', async () => {
    const crud = await create();
    await crud.createOrder(laptops);
    await crud.updateStatus('d136ca70', 'confirmed', 't1');
    await crud.clear();
    expect(await crud.list()).toEqual([]);
    expect(await crud.allLosses()).toEqual([]);
  });
});
