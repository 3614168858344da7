import type { OrderEvent } from '../../../src/domain/order/types';
import { confirmed, laptop, mouse, placed } from './orderHistory';

/** n events: orders o1, o2, … placed, every other one confirmed right after. */
export function manyOrderEvents(n: number): OrderEvent[] {
  const events: OrderEvent[] = [];
  for (let i = 1; events.length < n; i += 1) {
    const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    events.push(placed(`o${i}`, [i % 2 === 0 ? laptop : mouse], at, { id: `c${i % 3}`, email: `c${i % 3}@example.com` }));
    if (events.length < n && i % 2 === 0) events.push(confirmed(`o${i}`, at));
  }
  return events;
}
