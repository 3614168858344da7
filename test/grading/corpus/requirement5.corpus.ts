import { fence } from './case';
import type { CorpusCase } from './case';

/**
 * Requirement 5 (events of the order lifecycle, and how order #1001's state is derived). A teacher expects four events
 * in chronological order that respect the order's state machine (placed → paid/confirmed → (processing) → shipped →
 * delivered; cancel only before shipping), a JSON payload for each that names the order, and prose that derives 1001's
 * state (shipped) by applying its events in order.
 */

type Shape = 'data' | 'payload' | 'body' | 'inline';
type NameKey = 'type' | 'eventType' | 'event' | 'name';
type Ev = { readonly type: string; readonly fields: Record<string, unknown> };

function envelope(e: Ev, shape: Shape, key: NameKey, extra: Record<string, unknown> = {}): Record<string, unknown> {
  if (shape === 'inline') return { [key]: e.type, ...extra, ...e.fields };
  return { [key]: e.type, ...extra, [shape]: e.fields };
}

function asArray(events: readonly Ev[], shape: Shape = 'data', key: NameKey = 'type', compact = true): string {
  const objects = events.map((e) => envelope(e, shape, key));
  const body = compact
    ? `[\n${objects.map((o) => `  ${JSON.stringify(o)}`).join(',\n')}\n]`
    : JSON.stringify(objects, null, 2);
  return fence(body, 'json');
}

function perBlock(events: readonly Ev[], shape: Shape = 'data', key: NameKey = 'type', labels = true): string {
  return events
    .map((e, i) => `${labels ? `${i + 1}. **${e.type}**\n\n` : ''}${fence(JSON.stringify(envelope(e, shape, key, { version: i + 1 }), null, 2), 'json')}`)
    .join('\n');
}

const placed = (type = 'OrderPlaced', id: unknown = '1001', key = 'orderId'): Ev => ({
  type,
  fields: { [key]: id, customerId: 'C-123', items: [{ sku: 'LAPTOP-15', quantity: 1, price: 1299 }], total: 1299, placedAt: '2024-05-01T09:12:00Z' },
});
const paid = (type = 'OrderPaid', id: unknown = '1001', key = 'orderId'): Ev => ({
  type,
  fields: { [key]: id, paymentId: 'PAY-88', amount: 1299, method: 'card', paidAt: '2024-05-01T09:15:00Z' },
});
const processing = (type = 'OrderProcessingStarted', id: unknown = '1001', key = 'orderId'): Ev => ({
  type,
  fields: { [key]: id, warehouse: 'BER-1', startedAt: '2024-05-01T13:00:00Z' },
});
const shipped = (type = 'OrderShipped', id: unknown = '1001', key = 'orderId'): Ev => ({
  type,
  fields: { [key]: id, carrier: 'DHL', trackingNumber: 'JD0142', shippedAt: '2024-05-02T08:00:00Z' },
});
const delivered = (type = 'OrderDelivered', id: unknown = '1001', key = 'orderId'): Ev => ({
  type,
  fields: { [key]: id, deliveredAt: '2024-05-04T15:30:00Z', signedBy: 'M. Rossi' },
});
const cancelled = (type = 'OrderCancelled', id: unknown = '1001', key = 'orderId'): Ev => ({
  type,
  fields: { [key]: id, reason: 'customer request', cancelledAt: '2024-05-01T10:00:00Z' },
});

const STANDARD = [placed(), paid(), shipped(), delivered()];

const PROSE = {
  textbook:
    'To get the current state of order #1001 we load its events from `order_events` in the order they were stored and apply them one by one to an empty order: `OrderPlaced` creates it with its items and total (status placed), `OrderPaid` records the payment (status paid), `OrderShipped` adds the tracking number (status shipped). Order 1001 has not been delivered, so its stream has no `OrderDelivered` event and the derived state is **shipped**.',
  pronouns:
    'For #1001 we read its three events (placed, paid, shipped) and apply them in order, starting from nothing. Each one changes the state a little: the first one creates the order, the second one marks it paid, the third one marks it shipped. It has not been delivered yet, so the result is shipped.',
  terse: 'State of #1001 = fold(apply, empty, [OrderPlaced, OrderPaid, OrderShipped]) → status `shipped`. No delivery event yet.',
  sql:
    "```sql\nSELECT * FROM order_events WHERE order_id = '1001' ORDER BY version;\n```\n\nThe three rows that come back (placed, paid, shipped) are applied in that order to an empty order; after the last one the status is `shipped`. The delivered event is part of the lifecycle but has not happened to 1001.",
  nonNative:
    'For know the state of order 1001 we take all his events from the table, sorted by the time, and we apply each event one after other on a empty order. After OrderCreated it is created, after OrderPaid it is paid, after OrderShipped it is shipped. Delivered is not happen yet, so current state is shipped.',
  hedged:
    'I think the state of #1001 would be rebuilt by replaying its events in sequence — probably placed, then paid, then shipped — applying each to the state built so far. Since, as far as we know, no delivered event exists for it yet, it should end up as shipped.',
  british:
    "Order #1001's state is rehydrated by reading its stream in sequence and applying each event in turn to a blank aggregate: placed, then paid, then shipped. There is no delivery event in its stream, so the resulting status is shipped.",
  code:
    'The state of 1001 is the left fold of its events:\n\n```ts\nconst state = events1001.reduce(evolve, initialState); // OrderPlaced, OrderPaid, OrderShipped, in stored order\n```\n\n`evolve` sets status `placed`, then `paid`, then `shipped`; there is no `OrderDelivered` for 1001, so the state is shipped.',
  bullets:
    '- load every event with order id 1001, ordered by version\n- start from an empty order\n- apply OrderPlaced → placed\n- apply OrderPaid → paid\n- apply OrderShipped → shipped\n- OrderDelivered has not happened to 1001, so the current state is shipped',
};

type Prose = keyof typeof PROSE;

const pass = (name: string, json: string, prose: Prose | string, why = 'four events in lifecycle order, each naming the order; state derived by applying them in order'): CorpusCase => ({
  name,
  verdict: 'pass',
  why,
  section: `${json}\n${prose in PROSE ? PROSE[prose as Prose] : prose}\n`,
});
const fail = (name: string, why: string, json: string, prose: Prose | string, mentions?: string): CorpusCase => ({
  name,
  verdict: 'fail',
  why,
  section: `${json}\n${prose in PROSE ? PROSE[prose as Prose] : prose}\n`,
  ...(mentions ? { mentions } : {}),
});

const RIGHT: readonly CorpusCase[] = [
  pass('one array, payload under data, textbook prose', asArray(STANDARD), 'textbook'),
  pass('one array, payload under payload, pronouns in the prose', asArray(STANDARD, 'payload'), 'pronouns'),
  pass('one array, payload under body, terse fold', asArray(STANDARD, 'body'), 'terse'),
  pass('one array, fields inline, SQL then prose', asArray(STANDARD, 'inline'), 'sql'),
  pass('one object per block, data, numbered headings', perBlock(STANDARD), 'textbook'),
  pass('one object per block, payload, no labels', perBlock(STANDARD, 'payload', 'type', false), 'british'),
  pass('one object per block, inline fields, eventType key', perBlock(STANDARD, 'inline', 'eventType'), 'bullets'),
  pass('event key instead of type', asArray(STANDARD, 'data', 'event'), 'code'),
  pass('name key instead of type', asArray(STANDARD, 'payload', 'name'), 'hedged'),
  pass('pretty-printed array', asArray(STANDARD, 'data', 'type', false), 'pronouns'),
  pass(
    'OrderCreated / PaymentReceived / OrderShipped / OrderDelivered',
    asArray([placed('OrderCreated'), paid('PaymentReceived'), shipped(), delivered()]),
    'For 1001: take the events with its id in their stored order and apply them: OrderCreated (created), PaymentReceived (paid), OrderShipped (shipped). No delivery event exists for it, so its current state is shipped.',
  ),
  pass(
    'OrderCreated / OrderPaid / OrderShipped / OrderDelivered, non-native prose',
    perBlock([placed('OrderCreated'), paid(), shipped(), delivered()], 'data', 'type', false),
    'nonNative',
  ),
  pass(
    'OrderPlaced / OrderConfirmed (payment) / OrderShipped / OrderDelivered',
    asArray([placed(), paid('OrderConfirmed'), shipped(), delivered()]),
    'Order 1001 is rebuilt by applying its events in sequence: OrderPlaced sets it up as pending, OrderConfirmed (the payment went through) moves it to confirmed/paid, OrderShipped moves it to shipped. Delivery has not happened, so it is shipped.',
  ),
  pass(
    'four events that all happened to 1001, with processing',
    asArray([placed(), paid(), processing(), shipped()]),
    'Apply the four events of #1001 in the order they were stored: OrderPlaced → placed, OrderPaid → paid, OrderProcessingStarted → processing, OrderShipped → shipped. The last one applied leaves it shipped.',
    'four events in lifecycle order, all of 1001; folding them in order ends shipped',
  ),
  pass(
    'snake_case order_id as a number',
    asArray([placed('OrderPlaced', 1001, 'order_id'), paid('OrderPaid', 1001, 'order_id'), shipped('OrderShipped', 1001, 'order_id'), delivered('OrderDelivered', 1001, 'order_id')]),
    'textbook',
  ),
  pass(
    'orderNumber key with #1001',
    asArray([placed('OrderPlaced', '#1001', 'orderNumber'), paid('OrderPaid', '#1001', 'orderNumber'), shipped('OrderShipped', '#1001', 'orderNumber'), delivered('OrderDelivered', '#1001', 'orderNumber')], 'payload'),
    'bullets',
  ),
  pass(
    'snake_case event names',
    asArray([placed('order_placed'), paid('order_paid'), shipped('order_shipped'), delivered('order_delivered')]),
    'We select the rows of order 1001 ordered by sequence number and apply each one to the state so far: order_placed, order_paid, order_shipped. The order has no order_delivered row yet, so it is shipped.',
  ),
  pass(
    'past-tense names without the Order prefix',
    asArray([placed('Placed'), paid('Paid'), shipped('Shipped'), delivered('Delivered')], 'data', 'type'),
    'Replaying the stream `order-1001` from the start — Placed, then Paid, then Shipped — applying each event to the result of the previous ones gives status shipped; Delivered is only listed as the next step of the lifecycle.',
  ),
  pass(
    'events with metadata (version, timestamp) beside data',
    fence(
      JSON.stringify(
        STANDARD.map((e, i) => ({ eventId: `evt-${i + 1}`, type: e.type, version: i + 1, occurredAt: `2024-05-0${i + 1}T10:00:00Z`, data: e.fields })),
        null,
        2,
      ),
      'json',
    ),
    'textbook',
  ),
  pass(
    'one block per event, hedged prose',
    perBlock([placed('OrderCreated'), paid('OrderPaid'), shipped(), delivered()], 'body', 'type', true),
    'hedged',
  ),
  pass(
    'British prose, data, compact',
    asArray([placed(), paid('PaymentCaptured'), shipped('OrderDispatched'), delivered()]),
    "Order #1001's state is rehydrated by applying its events in the sequence they were recorded: OrderPlaced, PaymentCaptured, OrderDispatched. There is no OrderDelivered in its stream, so it ends up dispatched, i.e. shipped.",
  ),
  pass(
    'prose before the events, explanation after too',
    `The lifecycle of an order has four events:\n\n${asArray(STANDARD, 'data')}`,
    'These are appended to `order_events`. Order 1001 went through the first three. Its current state comes from reading them back in order and applying them one after another to an empty order: after the last of them it is shipped.',
  ),
  pass(
    'a long explanation with the intermediate states',
    asArray(STANDARD),
    'The `order_events` table holds one row per event, with the order id, a sequence number and the JSON payload. Nothing is updated in place. To answer "what is the state of #1001 now?", the service selects all rows for 1001 ordered by sequence number and folds them:\n\n1. start: no order\n2. `OrderPlaced` → status placed, customer C-123, total 1299\n3. `OrderPaid` → status paid, payment PAY-88\n4. `OrderShipped` → status shipped, tracking JD0142\n\nThere is no `OrderDelivered` row for 1001, so after the fold its status is shipped.',
  ),
  pass(
    'events written with order id in the event name envelope as well',
    asArray(STANDARD.map((e) => ({ type: e.type, fields: { ...e.fields, streamId: 'order-1001' } }))),
    'code',
  ),
  pass('inline fields, pronoun prose', asArray(STANDARD, 'inline', 'eventType', false), 'pronouns'),
  pass('payload blocks, terse prose', perBlock(STANDARD, 'payload'), 'terse'),
  pass(
    'a status field in every payload',
    asArray(
      [placed(), paid(), shipped(), delivered()].map((e, i) => ({
        type: e.type,
        fields: { ...e.fields, status: ['placed', 'paid', 'shipped', 'delivered'][i] },
      })),
    ),
    'For #1001 its events are applied in the order they were stored, each one setting the status it carries: placed, paid, shipped. No delivered event has been stored for it, so its current state is shipped.',
  ),
  pass(
    'derivation with "replay" and "in sequence"',
    asArray([placed('OrderCreated'), paid('OrderPaid'), shipped(), delivered()], 'payload'),
    'The current state of #1001 is obtained by replaying its events in sequence: start from an empty aggregate and apply OrderCreated, then OrderPaid, then OrderShipped. Its stream holds no OrderDelivered yet, so the result is shipped.',
  ),
  pass(
    'derivation as an arrow chain',
    asArray(STANDARD, 'data', 'type'),
    'empty → (OrderPlaced) → placed → (OrderPaid) → paid → (OrderShipped) → shipped. Applying the events of #1001 in their stored order gives shipped; OrderDelivered has not occurred for it.',
  ),
  pass(
    'events of 1001 only, four including processing, pronouns',
    perBlock([placed('OrderCreated'), paid('OrderPaid'), processing('OrderPacked'), shipped()], 'data', 'type', false),
    'All four of these belong to #1001. They are read back in the order they were appended and applied one after another; the last of them, OrderShipped, leaves the order shipped.',
    'four events of 1001 in lifecycle order; applying them in order gives shipped',
  ),
];

const WRONG: readonly CorpusCase[] = [
  fail(
    'shipped before paid',
    'the lifecycle ships an order that is not paid',
    asArray([placed(), shipped(), paid(), delivered()]),
    'Order 1001 is derived by applying its events in order: OrderPlaced, OrderShipped, OrderPaid. After the last one it is paid and shipped, so its state is shipped.',
    'OrderShipped',
  ),
  fail(
    'delivered before shipped',
    'delivered comes before shipped',
    asArray([placed(), paid(), delivered(), shipped()]),
    'Apply the events of 1001 in order: placed, paid, delivered, shipped. The last one is OrderShipped, so the state is shipped.',
    'OrderDelivered',
  ),
  fail(
    'cancelled, then shipped anyway',
    'a cancelled order cannot be shipped',
    asArray([placed(), paid(), cancelled(), shipped()]),
    'We apply the four events of #1001 one by one in order; OrderShipped is the last, so the order ends shipped.',
    'OrderCancelled',
  ),
  fail(
    'shipped straight after placed, paid last',
    'an unpaid order is shipped; paid after shipped',
    perBlock([placed('OrderCreated'), shipped(), paid(), shipped('OrderShipped')]),
    'Applying them in order: created, shipped, paid, shipped again. It ends shipped.',
  ),
  fail(
    'payloads that do not name the order',
    'the events do not say which order they belong to',
    fence(JSON.stringify(STANDARD.map((e) => ({ type: e.type, data: Object.fromEntries(Object.entries(e.fields).filter(([k]) => k !== 'orderId')) })), null, 2), 'json'),
    'textbook',
    'order',
  ),
  fail(
    'one payload without the order id',
    'OrderShipped does not name the order',
    asArray([placed(), paid(), { type: 'OrderShipped', fields: { carrier: 'DHL', trackingNumber: 'JD0142' } }, delivered()]),
    'textbook',
    'OrderShipped',
  ),
  fail(
    'only the latest event is read',
    'derives state from the last event only, not by applying all in order',
    asArray(STANDARD),
    'To know the state of #1001 we just read its latest event: it is OrderShipped, so the order is shipped. The earlier events are not needed.',
  ),
  fail(
    'state read from the current row',
    'reads a current-state row instead of deriving from events',
    asArray(STANDARD),
    "The current state of order 1001 is read with `SELECT status FROM orders WHERE id = 1001`, which returns 'shipped'.",
  ),
  fail(
    'only three events',
    'four events asked, three given',
    asArray([placed(), paid(), shipped()]),
    'textbook',
  ),
  fail(
    'derived state said to be delivered',
    'order 1001 was not delivered; its state is shipped',
    asArray(STANDARD),
    'Apply all four events of order 1001 in order: placed, paid, shipped, delivered. Its current state is delivered.',
  ),
  fail(
    'events not in chronological order',
    'paid listed before placed',
    asArray([paid(), placed(), shipped(), delivered()]),
    'textbook',
  ),
  fail('no derivation at all', 'the state of #1001 is not explained', asArray(STANDARD), 'TODO'),
  fail(
    'events described in prose, no JSON',
    'no JSON payloads',
    '1. OrderPlaced — order 1001, customer 123, one laptop\n2. OrderPaid — order 1001, 1299 EUR\n3. OrderShipped — order 1001, DHL JD0142\n4. OrderDelivered — order 1001\n',
    'textbook',
  ),
  fail(
    'the first event is updated as the order changes',
    'events are edited in place instead of appended',
    asArray(STANDARD),
    'When order 1001 changes, we update the status field inside its OrderPlaced event, so reading that one event gives the current state: shipped.',
  ),
  fail(
    'state derived by re-running the commands',
    'replays commands, not events',
    asArray(STANDARD),
    'To get the state of #1001 we send the commands PlaceOrder, PayOrder and ShipOrder to the command handler again; after the last command the order is shipped.',
  ),
  fail(
    'events named as commands',
    'these are commands (imperative), not events',
    asArray([placed('PlaceOrder'), paid('PayOrder'), shipped('ShipOrder'), delivered('DeliverOrder')]),
    'Apply them in order to an empty order: PlaceOrder, PayOrder, ShipOrder. 1001 has not been delivered, so it is shipped.',
  ),
  fail(
    'newest event first, stop at the first one met',
    'reads backwards and stops at the latest event',
    asArray(STANDARD),
    'Start from the newest event of #1001 and go backwards; the first event you meet tells you the state, here OrderShipped, so the order is shipped.',
  ),
  fail(
    'prose as a list of terms',
    'terms listed, no derivation asserted',
    asArray(STANDARD),
    'Events, replay, fold, order 1001, state, shipped.',
  ),
  fail(
    'no need to apply the events',
    'denies applying the events',
    asArray(STANDARD),
    'There is no need to apply the events one by one: the status field of the last event stored for #1001 already says shipped.',
  ),
  fail(
    'delivered then cancelled',
    'a delivered order cannot be cancelled',
    asArray([placed(), paid(), delivered(), cancelled()]),
    'pronouns',
  ),
  fail(
    'long derivation with one wrong sentence in the middle',
    'says the stored events are overwritten with the latest status',
    asArray(STANDARD),
    'The `order_events` table holds one row per event. To get the state of #1001, the service reads its rows in order. Each time a new event arrives, the older rows of 1001 are overwritten with the latest status so that the table stays small. Applying OrderPlaced, OrderPaid and OrderShipped gives shipped.',
  ),
  fail(
    'two events in one block, the rest missing',
    'only two events',
    asArray([placed(), paid()]),
    'Apply them in order; then the order is shipped.',
  ),
];

export const REQUIREMENT_5_CORPUS: readonly CorpusCase[] = [...RIGHT, ...WRONG];
