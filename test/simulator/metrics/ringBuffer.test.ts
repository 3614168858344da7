import { describe, expect, it } from 'vitest';
import { createRingBuffer } from '../../../src/simulator/metrics/ringBuffer';

describe('ring buffer (the sliding window)', () => {
  it('keeps the last values, oldest first, dropping the oldest once full', () => {
    const buffer = createRingBuffer<number>(3);
    for (const value of [1, 2]) buffer.push(value);
    expect(buffer.values()).toEqual([1, 2]);
    for (const value of [3, 4, 5]) buffer.push(value);
    expect(buffer.values()).toEqual([3, 4, 5]);
    buffer.push(6);
    expect(buffer.values()).toEqual([4, 5, 6]);
    expect(buffer.size).toBe(3);
  });

  it('starts over when cleared', () => {
    const buffer = createRingBuffer<string>(2);
    for (const value of ['a', 'b', 'c']) buffer.push(value);
    buffer.clear();
    buffer.push('d');
    expect(buffer.values()).toEqual(['d']);
  });

  it('needs room for at least one value', () => {
    expect(() => createRingBuffer(0)).toThrow(RangeError);
  });
});
