/**
 * The last `capacity` values, oldest dropped first: the sliding window latency percentiles and the charts' 60
 * seconds are taken over, in constant memory however long the tab stays open.
 */
export type RingBuffer<T> = {
  push(value: T): void;
  /** Oldest first. */
  values(): T[];
  readonly size: number;
  readonly capacity: number;
  clear(): void;
};

export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`A ring buffer needs a capacity of 1 or more, not ${capacity}.`);
  const slots: T[] = [];
  // Where the next value goes once the buffer is full (and so where the oldest value is).
  let next = 0;
  return {
    push(value) {
      if (slots.length < capacity) {
        slots.push(value);
        return;
      }
      slots[next] = value;
      next = (next + 1) % capacity;
    },
    values: () => [...slots.slice(next), ...slots.slice(0, next)],
    get size() {
      return slots.length;
    },
    capacity,
    clear() {
      slots.length = 0;
      next = 0;
    },
  };
}
