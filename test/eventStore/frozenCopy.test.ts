import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/core/errors';
import { frozenCopy } from '../../src/eventStore/frozenCopy';

/** `depth` objects nested under `next`, the innermost holding `leaf`. */
function nested(depth: number, leaf: unknown): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf };
  for (let level = 1; level < depth; level += 1) value = { next: value };
  return value;
}

function refusal(work: () => unknown): { field: string; message: string } {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues[0]!;
  }
  throw new Error('nothing was refused');
}

describe('frozenCopy', () => {
  it('copies and freezes data deeper than its quick walk goes (100 levels), equal to the original', () => {
    const data = nested(100, [1, 'two', null]);
    const copied = frozenCopy(data, 'data');
    expect(copied).toEqual(data);
    expect(copied).not.toBe(data);
    let inner: unknown = copied;
    for (let level = 1; level < 100; level += 1) {
      expect(Object.isFrozen(inner)).toBe(true);
      inner = (inner as { next: unknown }).next;
    }
    expect(Object.isFrozen((inner as { leaf: unknown }).leaf)).toBe(true);
  });

  it('names a cycle with the path to it, however deep the walk went before meeting it', () => {
    const ring: Record<string, unknown> = { name: 'ring' };
    ring.again = ring;
    const { field, message } = refusal(() => frozenCopy({ items: [{ ring }] }, 'events', 2, 'data'));
    expect(field).toBe('events[2].data.items[0].ring.again');
    expect(message).toMatch(/contains itself/);
  });

  it('names a value no file can hold below the quick walk’s depth', () => {
    const { field, message } = refusal(() => frozenCopy(nested(70, new Date(0)), 'data'));
    expect(field).toBe(`data${'.next'.repeat(69)}.leaf`);
    expect(message).toMatch(/Date object/);
  });

  it('copies an object that appears twice (not a cycle) as two copies', () => {
    const shared = { sku: 'A' };
    const copied = frozenCopy({ first: shared, second: shared }, 'data');
    expect(copied).toEqual({ first: { sku: 'A' }, second: { sku: 'A' } });
    expect(copied.first).not.toBe(shared);
  });
});
