import { describe, expect, it } from 'vitest';
import { checkRequirement, foldOrder1001, parseRequirement5Events } from '../../src/grading';

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

/** Requirement 5 of a whole answers.md: the events as one JSON array, and a derivation the prose check accepts. */
const PROSE = 'The state of order #1001 is derived by replaying its events in order, starting from an empty state: placed, then paid, then shipped, so it ends shipped.';
const gradeEvents = (events: readonly unknown[], prose = PROSE) =>
  checkRequirement(5, `## Requirement 5\n\n\`\`\`json\n${JSON.stringify(events, null, 2)}\n\`\`\`\n\n${prose}\n`);
const e = (type: string, orderId = '1001') => ({ type, data: { orderId } });

describe('requirement 5 checks every listed transition against the order state machine', () => {
  it('passes lifecycles the state machine allows, with steps of its own between them and other orders interleaved', () => {
    expect(gradeEvents([e('OrderPlaced'), e('OrderPaid'), e('OrderShipped'), e('OrderDelivered')]).status).toBe('pass');
    expect(gradeEvents([e('OrderCreated'), e('OrderConfirmed'), e('PaymentReceived'), e('OrderProcessing'), e('OrderShipped')]).status).toBe('pass');
    expect(gradeEvents([e('OrderPlaced'), e('OrderPlaced', '1002'), e('OrderPaid'), e('OrderCancelled', '1002'), e('OrderShipped'), e('OrderDelivered')]).status).toBe('pass');
  });

  it.each([
    [
      'shipped before it is paid',
      [e('OrderPlaced'), e('OrderShipped'), e('OrderPaid'), e('OrderDelivered')],
      'OrderShipped comes before OrderPaid: an order is shipped only after it is paid',
    ],
    [
      'paid before it is placed',
      [e('OrderPaid'), e('OrderPlaced'), e('OrderShipped'), e('OrderDelivered')],
      'OrderPaid comes before OrderPlaced: an order is paid only after it is placed',
    ],
    [
      'cancelled after it shipped',
      [e('OrderPlaced'), e('OrderPaid'), e('OrderShipped'), e('OrderCancelled')],
      'OrderCancelled comes after OrderShipped: an order that has been shipped can no longer be cancelled',
    ],
    [
      'shipped after it was cancelled',
      [e('OrderPlaced'), e('OrderPaid'), e('OrderCancelled'), e('OrderShipped')],
      'OrderShipped comes after OrderCancelled: a cancelled order can no longer be shipped',
    ],
    [
      'delivered without being shipped, before the shipment is listed',
      [e('OrderPlaced'), e('OrderPaid'), e('OrderDelivered'), e('OrderShipped')],
      'OrderDelivered comes before OrderShipped: an order is delivered only after it is shipped',
    ],
    [
      'placed twice',
      [e('OrderPlaced'), e('OrderPaid'), e('OrderPlaced'), e('OrderShipped')],
      'OrderPlaced comes after OrderPaid: an order is placed once, before anything else happens to it',
    ],
  ])('fails a lifecycle where the order is %s, naming the transition', (_name, events, message) => {
    const result = gradeEvents(events);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(message);
  });

  it('checks the transitions of every order, not only 1001', () => {
    const result = gradeEvents([e('OrderPlaced'), e('OrderPaid'), e('OrderShipped'), e('OrderPlaced', '1002'), e('OrderShipped', '1002'), e('OrderPaid', '1002')]);
    expect(result.message).toContain('OrderShipped comes before OrderPaid (order 1002): an order is shipped only after it is paid');
  });
});

describe('parseRequirement5Events reads the event name and payload under any sensible key', () => {
  const read = (value: unknown) => {
    const { events, problems } = parseRequirement5Events(`\`\`\`json\n${JSON.stringify(value)}\n\`\`\``);
    return { events: events.map((event) => [event.type, event.data]), problems };
  };

  it.each([
    [{ kind: 'OrderPlaced', data: { orderId: '1001' } }],
    [{ name: 'OrderPlaced', payload: { orderId: '1001' } }],
    [{ event: 'OrderPlaced', attributes: { orderId: '1001' } }],
    [{ EventType: 'OrderPlaced', Body: { orderId: '1001' } }],
    [{ event_name: 'OrderPlaced', event_data: { orderId: '1001' } }],
    [{ '@type': 'OrderPlaced', details: { orderId: '1001' } }],
    [{ event: { type: 'OrderPlaced', data: { orderId: '1001' } } }],
    [{ OrderPlaced: { orderId: '1001' } }],
  ])('%j', (value) => {
    expect(read(value)).toEqual({ events: [['OrderPlaced', { orderId: '1001' }]], problems: [] });
  });

  it('prefers the key whose value names an event over a customer called "name"', () => {
    expect(read({ name: 'Alice', kind: 'OrderPlaced', orderId: '1001' }).events).toEqual([['OrderPlaced', { name: 'Alice', orderId: '1001' }]]);
  });

  it('reads an object that wraps the list ({ "events": [...] }) and objects written one after another in one block', () => {
    expect(read({ events: [e('OrderPlaced'), e('OrderPaid')] }).events.map(([type]) => type)).toEqual(['OrderPlaced', 'OrderPaid']);
    const { events, problems } = parseRequirement5Events('```json\n{ "type": "OrderPlaced", "data": { "orderId": 1001 } }\n{ "type": "OrderPaid", "data": { "orderId": 1001 } }\n```');
    expect(problems).toEqual([]);
    expect(events.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderPaid']);
  });
});
