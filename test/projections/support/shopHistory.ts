import type { OrderEvent } from '../../../src/domain/order/types';
import {
  cable,
  cancelled,
  confirmed,
  deleted,
  delivered,
  laptop,
  mouse,
  placed,
  processing,
  shipped,
} from './orderHistory';

const ada = { id: 'c1', email: 'ada@example.com' };
const bob = { id: 'c2', email: 'Bob@Example.com' };
const cy = { id: 'c3', email: 'cy@example.com' };

/**
 * A small shop, with the figures worked out by hand:
 *
 * | order | customer | items          | total   | ends        |
 * |-------|----------|----------------|---------|-------------|
 * | A     | ada (c1) | laptop         | 1000.00 | shipped     |
 * | B     | bob (c2) | 2 mice         |   51.00 | pending     |
 * | C     | ada (c1) | 3 cables       |   29.97 | cancelled   |
 * | D     | cy (c3)  | laptop, cables | 1029.97 | delivered   |
 * | E     | bob (c2) | laptop         | 1000.00 | deleted     |
 * | F     | bob (c2) | 2 mice         |   51.00 | confirmed   |
 *
 * Summary: 5 orders (E is gone); revenue without the cancelled C = 1000 + 51 + 1029.97 + 51 = 2131.97;
 * average over the 4 not cancelled = 532.9925 → 532.99.
 * Top customers: cy 1029.97 (1 order), ada 1000 (1; C cancelled), bob 102 (2; E deleted).
 */
export const shopHistory: readonly OrderEvent[] = Object.freeze([
  placed('A', [laptop], '2026-01-01T09:00:00.000Z', ada),
  placed('B', [mouse], '2026-01-02T09:00:00.000Z', bob),
  confirmed('A', '2026-01-02T10:00:00.000Z'),
  placed('C', [cable], '2026-01-03T09:00:00.000Z', ada),
  placed('D', [laptop, cable], '2026-01-03T12:00:00.000Z', cy),
  processing('A', '2026-01-03T13:00:00.000Z'),
  cancelled('C', '2026-01-04T09:00:00.000Z', 'pending', 'ordered by mistake', ada.id),
  confirmed('D', '2026-01-04T10:00:00.000Z'),
  processing('D', '2026-01-04T11:00:00.000Z'),
  shipped('A', '2026-01-05T09:00:00.000Z', 'TRACK-A'),
  placed('E', [laptop], '2026-01-05T10:00:00.000Z', bob),
  shipped('D', '2026-01-05T11:00:00.000Z', 'TRACK-D'),
  deleted('E', '2026-01-06T09:00:00.000Z', 'pending', bob.id),
  delivered('D', '2026-01-07T09:00:00.000Z'),
  placed('F', [mouse], '2026-01-31T18:00:00.000Z', bob),
  confirmed('F', '2026-02-01T08:00:00.000Z'),
]);
