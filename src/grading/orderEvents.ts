/**
 * Requirement 5's events: read from the student's fenced `json` blocks, and folded the way an event-sourced Order
 * Service derives order #1001's state. The fold is deliberately tolerant of names (OrderCreated / OrderPlaced,
 * PaymentReceived / OrderPaid...) because the seed lets students choose them; what it judges is the lifecycle.
 */

import { splitCodeBlocks } from './answersDocument';

export type AnswerEvent = {
  /** The event's name as the student wrote it (under `type`, `eventType`, `event`, `name`, `kind`... or as the only key). */
  readonly type: string;
  /** The payload: the `data` / `payload` / `body` / `attributes`... object, or the event's other fields when written inline. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The whole object as written (envelope included), for finding the order id outside `data`. */
  readonly raw: Readonly<Record<string, unknown>>;
};

export type ParsedEvents = {
  readonly events: readonly AnswerEvent[];
  readonly problems: readonly string[];
};

/** Where an event sits in an order's life; events of one kind share a stage. */
export type LifecycleStage = 'placed' | 'confirmed' | 'paid' | 'processing' | 'shipped' | 'delivered' | 'returned' | 'cancelled';

const STAGE_RANK: Record<LifecycleStage, number> = {
  placed: 0,
  confirmed: 1,
  paid: 1,
  processing: 2,
  shipped: 3,
  delivered: 4,
  returned: 5,
  // A cancellation can happen at any point before shipping: it has no place in the ascending order.
  cancelled: Number.NaN,
};

/** Order #1001's state as the fold derives it. */
export type Order1001State = {
  /** The status the last applied event put the order in; `none` before the first event. */
  readonly status: LifecycleStage | 'none';
  readonly paid: boolean;
  /** The payload fields seen so far, later events overriding earlier ones (items, total, tracking number...). */
  readonly fields: Readonly<Record<string, unknown>>;
};

export type FoldStep = {
  readonly event: AnswerEvent;
  /** False for an event of another order, or a lifecycle event after shipping that 1001 has not been through. */
  readonly applied: boolean;
  readonly state: Order1001State;
  readonly note: string;
};

export type Order1001Fold = { readonly state: Order1001State; readonly steps: readonly FoldStep[] };

/** Keys that may hold an event's name, compared without case or separators (`eventType`, `event_type`, `@type`). */
const TYPE_KEYS = ['type', 'eventtype', 'event', 'name', 'eventname', 'kind', 'eventkind', 'messagetype', 'typename', 'action'] as const;
/** Keys that may hold the payload, compared the same way (`data`, `event_data`, `Payload`...). */
const PAYLOAD_KEYS = ['data', 'payload', 'body', 'attributes', 'details', 'eventdata', 'eventpayload', 'content', 'fields', 'properties', 'params'] as const;
const keyWord = (key: string): string => key.toLowerCase().replace(/[^a-z]/g, '');

/** Reads every fenced `json` block (also unlabelled blocks that parse as JSON) into events. */
export function parseRequirement5Events(text: string): ParsedEvents {
  const events: AnswerEvent[] = [];
  const problems: string[] = [];
  let blockNumber = 0;
  const lines = text.split('\n').map((line, index) => ({ text: line, line: index + 1 }));
  for (const block of splitCodeBlocks(lines).codeBlocks) {
    const lang = block.lang;
    const body = block.text.trim();
    const looksJson = lang === 'json' || lang === 'jsonc' || lang === 'json5' || (lang === '' && /^[[{]/.test(body));
    if (!looksJson) continue;
    blockNumber += 1;
    if (body === '' || /^(\/\/\s*)?todo\b/i.test(body)) {
      problems.push(`JSON block ${blockNumber} is empty: write your events in it`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(withoutComments(body));
    } catch (error) {
      // Objects written one after another ({...}\n{...}) are a list without its brackets.
      const list = asList(withoutComments(body));
      if (list === undefined) {
        problems.push(`JSON block ${blockNumber} is not valid JSON (${(error as Error).message})`);
        continue;
      }
      value = list;
    }
    value = unwrapList(value);
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      const where = Array.isArray(value) ? `item ${index + 1} of JSON block ${blockNumber}` : `JSON block ${blockNumber}`;
      const event = toEvent(item);
      if (typeof event === 'string') problems.push(`${where} ${event}`);
      else events.push(event);
    });
  }
  if (blockNumber === 0) problems.push('no fenced ```json block with your events was found');
  return { events, problems };
}

function withoutComments(json: string): string {
  // Students annotate examples; line comments outside strings are harmless to drop.
  return json.replace(/^\s*\/\/.*$/gm, '').replace(/,\s*([\]}])/g, '$1');
}

function asList(json: string): unknown[] | undefined {
  if (!/^\s*\{/.test(json)) return undefined;
  try {
    const value: unknown = JSON.parse(`[${json.replace(/\}\s*,?\s*(?=\{)/g, '},')}]`);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `{ "events": [...] }` or `{ "order_events": [...] }`: the list inside an object that is not itself an event. */
function unwrapList(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value);
  if (entries.some(([key, inner]) => (TYPE_KEYS as readonly string[]).includes(keyWord(key)) && typeof inner === 'string')) return value;
  const lists = entries.filter(([, inner]) => Array.isArray(inner) && inner.length > 0 && inner.every((item) => typeof item === 'object' && item !== null));
  return lists.length === 1 ? lists[0]![1] : value;
}

/** Whether a string reads as an event's name ("OrderPlaced", "order.paid", "ORDER_SHIPPED"), not a person's. */
function looksLikeEventName(text: string): boolean {
  return lifecycleStageOf(text) !== undefined || /^[A-Za-z]+(?:[._:-][A-Za-z]+)+$|^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(text.trim());
}

function toEvent(item: unknown): AnswerEvent | string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'is not an event object';
  const raw = item as Record<string, unknown>;
  const entries = Object.entries(raw);
  // { "event": { "type": ..., "data": ... } }: an envelope around the event.
  const nested = entries.find(([key, inner]) => keyWord(key) === 'event' && typeof inner === 'object' && inner !== null && !Array.isArray(inner));
  if (nested !== undefined && entries.every(([key, inner]) => key === nested[0] || typeof inner !== 'string' || !(TYPE_KEYS as readonly string[]).includes(keyWord(key)))) {
    const inner = toEvent(nested[1]);
    if (typeof inner !== 'string') return { ...inner, raw: { ...raw, ...inner.raw } };
  }
  // { "OrderPlaced": { "orderId": "1001" } }: the name as the only key.
  if (entries.length === 1 && looksLikeEventName(entries[0]![0]) && typeof entries[0]![1] === 'object' && entries[0]![1] !== null && !Array.isArray(entries[0]![1])) {
    const data = entries[0]![1] as Record<string, unknown>;
    return { type: entries[0]![0], data, raw: { type: entries[0]![0], ...data } };
  }
  const named = entries
    .filter(([key, value]) => (TYPE_KEYS as readonly string[]).includes(keyWord(key)) && typeof value === 'string' && value.trim() !== '')
    .sort(([a, va], [b, vb]) => Number(looksLikeEventName(vb as string)) - Number(looksLikeEventName(va as string)) || TYPE_KEYS.indexOf(keyWord(a) as never) - TYPE_KEYS.indexOf(keyWord(b) as never));
  const typeKey = named[0]?.[0];
  if (typeKey === undefined) return "has no event name (add a \"type\": \"OrderPlaced\" field)";
  const payload = PAYLOAD_KEYS.map((word) => entries.find(([key, value]) => keyWord(key) === word && typeof value === 'object' && value !== null && !Array.isArray(value))).find(
    (entry) => entry !== undefined,
  );
  const data = payload !== undefined ? (payload[1] as Record<string, unknown>) : Object.fromEntries(entries.filter(([key]) => key !== typeKey));
  return { type: (raw[typeKey] as string).trim(), data, raw };
}

/** The stage an event name stands for, from the words in it (`OrderShipped`, `order.shipped`, `ShipmentDispatched`). */
export function lifecycleStageOf(type: string): LifecycleStage | undefined {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  if (/cancel/.test(words)) return 'cancelled';
  if (/refund|return/.test(words)) return 'returned';
  if (/deliver|complet|fulfil|receiv(?!.*payment)/.test(words) && !/payment/.test(words)) return 'delivered';
  if (/ship|dispatch|sent/.test(words)) return 'shipped';
  if (/pa(id|y)|payment|charg|settl/.test(words)) return 'paid';
  if (/process|pack|pick|prepar/.test(words)) return 'processing';
  if (/confirm|accept|approv|validat/.test(words)) return 'confirmed';
  if (/creat|plac|submit|open|start|initiat|new/.test(words)) return 'placed';
  return undefined;
}

export function stageRank(stage: LifecycleStage): number {
  return STAGE_RANK[stage];
}

const ORDER_ID_KEY = /^(order[\s_-]?(id|number|no|ref(erence)?)|id|aggregate[\s_-]?id|stream[\s_-]?id|order)$/i;

/** The order an event is about, from its payload or its envelope, as written (`1001`, `"#1001"`, `"order-1001"`). */
export function orderIdOf(event: AnswerEvent): string | undefined {
  for (const source of [event.data, event.raw]) {
    for (const [key, value] of Object.entries(source)) {
      if (ORDER_ID_KEY.test(key) && (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '') {
        return String(value).trim();
      }
    }
  }
  return undefined;
}

export function isOrder1001(event: AnswerEvent): boolean {
  const id = orderIdOf(event);
  return id !== undefined && /(^|\D)1001$/.test(id);
}

const INITIAL: Order1001State = { status: 'none', paid: false, fields: {} };

/**
 * Folds order #1001's events in the order written, the way an event-sourced service rebuilds state: start empty,
 * apply each event. Events of other orders are skipped, and so are lifecycle events later than shipping
 * (the seed's #1001 was placed, paid, then shipped: a `delivered` event may be listed without having happened).
 */
export function foldOrder1001(events: readonly AnswerEvent[]): Order1001Fold {
  let state = INITIAL;
  const steps: FoldStep[] = [];
  for (const event of events) {
    const stage = lifecycleStageOf(event.type);
    if (!isOrder1001(event)) {
      steps.push({ event, applied: false, state, note: `${event.type} is not about order 1001` });
      continue;
    }
    if (stage !== undefined && stage !== 'cancelled' && stageRank(stage) > stageRank('shipped')) {
      steps.push({ event, applied: false, state, note: `${event.type} is part of the lifecycle, but order 1001's story stops at shipped: not applied` });
      continue;
    }
    state = evolve(state, event, stage);
    steps.push({ event, applied: true, state, note: `${event.type} → ${state.status}` });
  }
  return { state, steps };
}

function evolve(state: Order1001State, event: AnswerEvent, stage: LifecycleStage | undefined): Order1001State {
  const fields = { ...state.fields, ...event.data };
  if (stage === undefined) return { ...state, fields };
  return { status: stage, paid: state.paid || stage === 'paid', fields };
}
