import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryCrudStore } from '../../src/crud/memoryCrudStore';

/**
 * Lesson 1 says the row "no longer says that the order was ever `processing`": the requests it shows must set
 * `processing` before overwriting it. They are replayed here on the CRUD twin, seed 000's row-per-order store.
 */

const lesson = resolve(import.meta.dirname, '../../content/01-crud-loses-history.md');

describe("lesson 1's seed 000 example", () => {
  it('creates an order, sets processing, then shipped: the row says shipped and the overwrite lost processing', async () => {
    const markdown = await readFile(lesson, 'utf8');
    const requests = /```bash\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
    const statuses = [...requests.matchAll(/"new_status":\s*"(\w+)"/g)].map((match) => match[1]!);
    expect(statuses).toEqual(['processing', 'shipped']);

    const crud = createMemoryCrudStore();
    const orderId = 'd136ca70';
    await crud.createOrder({ orderId, customerId: '123', customerEmail: null, items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }], at: '2025-03-01T09:00:00Z' });
    for (const [index, status] of statuses.entries()) await crud.updateStatus(orderId, status, `2025-03-0${index + 2}T09:00:00Z`);

    // The row the lesson prints, and what the last overwrite destroyed.
    const row = /"status": "(\w+)" }\n```/.exec(markdown)?.[1];
    expect((await crud.get(orderId))?.status).toBe(row);
    const losses = await crud.lossesOf(orderId);
    expect(losses.at(-1)).toMatchObject({ field: 'status', oldValue: 'processing', newValue: 'shipped' });
  });
});
