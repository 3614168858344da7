import { describe, expect, it } from 'vitest';
import { foldOrder1001, parseRequirement5Events } from '../../src/grading';

describe('parseRequirement5Events', () => {
  it('reads one array, or one object per block, with the payload under data or inline', () => {
    const text = [
      '```json\n[{ "type": "OrderPlaced", "data": { "orderId": "1001" } }]\n```',
      '```json\n{ "eventType": "OrderPaid", "orderId": 1001, "amount": 5 }\n```',
      '```js\nconst notJson = 1;\n```',
    ].join('\n\n');
    const { events, problems } = parseRequirement5Events(text);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['OrderPlaced', { orderId: '1001' }],
      ['OrderPaid', { orderId: 1001, amount: 5 }],
    ]);
  });

  it('names the block that is not valid JSON and the item without an event name', () => {
    const { problems } = parseRequirement5Events('```json\n{ "type": \n```\n\n```json\n[{ "data": {} }]\n```');
    expect(problems[0]).toMatch(/^JSON block 1 is not valid JSON/);
    expect(problems[1]).toMatch(/^item 1 of JSON block 2 has no event name/);
  });
});

describe('foldOrder1001', () => {
  const event = (type: string, orderId: string) => ({ type, data: { orderId }, raw: { type, data: { orderId } } });

  it('applies order 1001’s events in order, state after each, and ends shipped', () => {
    const fold = foldOrder1001([event('OrderCreated', '1001'), event('OrderPaid', '1001'), event('OrderShipped', '1001')]);
    expect(fold.steps.map((s) => s.state.status)).toEqual(['placed', 'paid', 'shipped']);
    expect(fold.state).toMatchObject({ status: 'shipped', paid: true });
  });

  it('skips other orders and lifecycle events after shipping that 1001 has not been through', () => {
    const fold = foldOrder1001([event('OrderPlaced', '1001'), event('OrderPlaced', '1002'), event('OrderPaid', '#1001'), event('OrderShipped', 'ORD-1001'), event('OrderDelivered', '1001')]);
    expect(fold.steps.map((s) => s.applied)).toEqual([true, false, true, true, false]);
    expect(fold.state.status).toBe('shipped');
  });

  it('folds in the order written, so a shuffled list does not end shipped', () => {
    expect(foldOrder1001([event('OrderPlaced', '1001'), event('OrderShipped', '1001'), event('OrderPaid', '1001')]).state.status).toBe('paid');
  });
});
