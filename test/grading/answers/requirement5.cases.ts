import type { GradedCase } from './case';

/** Requirement 5 (events of order #1001): JSON written in several layouts, and lifecycles that are wrong. */

const json = (value: unknown): string => `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\n`;

const EVENTS = [
  { type: 'OrderPlaced', data: { orderId: '1001', customerId: 'c-7', total: 59.9 } },
  { type: 'OrderPaid', data: { orderId: '1001', amount: 59.9 } },
  { type: 'OrderShipped', data: { orderId: '1001', trackingNumber: 'TRK-1' } },
  { type: 'OrderDelivered', data: { orderId: '1001' } },
];

const PROSE = 'The state of order #1001 is derived by replaying its events in order, starting from an empty state: placed, then paid, then shipped, so it ends shipped.';

export const REQUIREMENT_5_CASES: readonly GradedCase[] = [
  { name: 'one array, payload under data', section: `${json(EVENTS)}\n${PROSE}`, verdict: 'pass' },
  {
    name: 'one object per block, payload inline, envelope fields',
    section: `${['OrderCreated', 'PaymentReceived', 'OrderShipped', 'OrderDelivered']
      .map((type, i) => json({ eventType: type, order_id: 1001, version: i + 1, at: `2024-05-0${i + 1}` }))
      .join('\n')}\nWe load the events of order 1001 and fold them one by one, oldest first: created, payment received, shipped. The result is status shipped.`,
    verdict: 'pass',
  },
  {
    name: 'aggregate id in the envelope, payload under payload',
    section: `${json([
      { aggregateId: 'ORD-1001', type: 'order.created', payload: { items: 2 } },
      { aggregateId: 'ORD-1001', type: 'order.confirmed', payload: {} },
      { aggregateId: 'ORD-1001', type: 'order.paid', payload: { amount: 10 } },
      { aggregateId: 'ORD-1001', type: 'order.shipped', payload: { carrier: 'UPS' } },
    ])}\nApply each event in sequence to an empty order: created → confirmed → paid → shipped.`,
    verdict: 'pass',
  },
  {
    name: 'a reducer described as code',
    section: `${json(EVENTS)}\nstate = events.reduce(evolve, initialState): each event is applied to the state left by the previous one, so 1001 goes placed → paid → shipped.`,
    verdict: 'pass',
  },
  {
    name: 'events of two orders, prose as a list',
    section: `${json([...EVENTS.slice(0, 3), { type: 'OrderPlaced', data: { orderId: '1002' } }, EVENTS[3]])}\n- read all events of order 1001 from order_events\n- apply them in the order they were stored\n- the last applied, OrderShipped, leaves it shipped`,
    verdict: 'pass',
  },
  {
    name: 'a derivation that ends in delivered, though order 1001 was only shipped',
    section: `${json([
      { type: 'OrderCreated', data: { orderId: '1001' } },
      { type: 'PaymentReceived', data: { orderId: '1001' } },
      { type: 'OrderShipped', data: { orderId: '1001' } },
      { type: 'OrderDelivered', data: { orderId: '1001' } },
    ])}\nStart from an empty order and apply the four events in order; after the last one the order is delivered.`,
    verdict: 'fail',
    mentions: 'ends in shipped',
  },
  {
    name: 'events out of lifecycle order',
    section: `${json([EVENTS[0], EVENTS[2], EVENTS[1], EVENTS[3]])}\n${PROSE}`,
    verdict: 'fail',
    mentions: 'chronological order',
  },
  {
    name: 'only three events',
    section: `${json(EVENTS.slice(0, 3))}\n${PROSE}`,
    verdict: 'fail',
    mentions: 'four',
  },
  {
    name: 'payloads that do not name the order',
    section: `${json(EVENTS.map((e) => ({ type: e.type, data: { note: 'x' } })))}\n${PROSE}`,
    verdict: 'fail',
    mentions: 'which order',
  },
  {
    name: 'state read from a table instead of derived',
    section: `${json(EVENTS)}\nWe simply read the status column from the orders table.`,
    verdict: 'fail',
    mentions: 'stored row',
  },
  {
    name: 'invalid JSON',
    section: '```json\n[{ "type": "OrderPlaced", "data": { "orderId": 1001 } ]\n```\n' + PROSE,
    verdict: 'fail',
    mentions: 'not valid JSON',
  },
  {
    name: 'no shipped event',
    section: `${json([EVENTS[0], EVENTS[1], { type: 'OrderPacked', data: { orderId: '1001' } }, { type: 'OrderCancelled', data: { orderId: '1001' } }])}\n${PROSE}`,
    verdict: 'fail',
    mentions: 'shipped',
  },
];
