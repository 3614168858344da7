import { describe, expect, it } from 'vitest';
import { upcastOrderPlacedV1 } from '../../../src/domain/order/upcasters';
import { shapeChanges } from '../../../src/simulator/versioning/shapeDiff';
import { markedJsonLines, storedMarks, upcastMarks } from '../../../src/simulator/versioning/markedJson';

const v1 = Object.freeze({ orderId: '1001', customerId: 123, product: 'Laptop', quantity: 2, placedAt: '2025-03-01T09:00:00.000Z' });
const before = { schemaVersion: 1, data: v1 };
const after = { schemaVersion: 2, data: upcastOrderPlacedV1(v1) };

describe('what the upcaster changed in OrderPlaced v1 → v2', () => {
  it('names the new fields, the dropped ones and the rewritten ones, with their values', () => {
    expect(shapeChanges(before, after)).toEqual([
      { kind: 'changed', path: 'schemaVersion', before: 1, after: 2 },
      { kind: 'changed', path: 'data.customerId', before: 123, after: '123' },
      { kind: 'added', path: 'data.customerEmail', after: null },
      { kind: 'added', path: 'data.items', after: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }] },
      { kind: 'added', path: 'data.total', after: 0 },
      { kind: 'removed', path: 'data.product', before: 'Laptop' },
      { kind: 'removed', path: 'data.quantity', before: 2 },
    ]);
  });

  it('finds nothing to mark between equal events, whatever their key order', () => {
    expect(shapeChanges({ a: 1, b: { c: [1, { d: 2 }] } }, { b: { c: [1, { d: 2 }] }, a: 1 })).toEqual([]);
  });

  it('treats a list as one value: a changed entry marks the whole list', () => {
    expect(shapeChanges({ items: [1, 2] }, { items: [1, 3] })).toEqual([
      { kind: 'changed', path: 'items', before: [1, 2], after: [1, 3] },
    ]);
  });
});

describe('the marked JSON of each side', () => {
  const changes = shapeChanges(before, after);

  it('marks on the stored event the lines the upcaster drops or rewrites', () => {
    const lines = markedJsonLines(before, storedMarks(changes));
    expect(lines.filter((line) => line.mark).map((line) => [line.mark, line.text])).toEqual([
      ['changed', '"schemaVersion": 1,'],
      ['changed', '"customerId": 123,'],
      ['removed', '"product": "Laptop",'],
      ['removed', '"quantity": 2,'],
    ]);
  });

  it('marks on the upcast event the lines it added or rewrote, and writes valid JSON', () => {
    const lines = markedJsonLines(after, upcastMarks(changes));
    expect(lines.filter((line) => line.mark).map((line) => line.text)).toEqual([
      '"schemaVersion": 2,',
      '"customerId": "123",',
      '"customerEmail": null,',
      '"items": [{"product":"Laptop","quantity":2,"unitPrice":0}],',
      '"total": 0,',
    ]);
    expect(JSON.parse(lines.map((line) => line.text).join('\n'))).toEqual(after);
    expect(lines.find((line) => line.text.startsWith('"total"'))?.depth).toBe(2);
  });
});
