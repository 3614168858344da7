/**
 * Requirement 5's events: read from the student's fenced `json` blocks, and folded the way an event-sourced Order
 * Service derives order #1001's state. The fold is deliberately tolerant of names (OrderCreated / OrderPlaced,
 * PaymentReceived / OrderPaid...) because the seed lets students choose them; what it judges is the lifecycle.
 */

import { splitCodeBlocks } from './answersDocument';

export type AnswerEvent = {
  /** The event's name as the student wrote it (`type`, `eventType`, `event` or `name`). */
  readonly type: string;
  /** The payload: the `data` / `payload` object, or the event's other fields when written inline. */
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

const TYPE_KEYS = ['type', 'eventType', 'event_type', 'event', 'name', 'eventName'] as const;
const PAYLOAD_KEYS = ['data', 'payload', 'body'] as const;

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
      problems.push(`JSON block ${blockNumber} is not valid JSON (${(error as Error).message})`);
      continue;
    }
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

function toEvent(item: unknown): AnswerEvent | string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'is not an event object';
  const raw = item as Record<string, unknown>;
  const typeKey = TYPE_KEYS.find((key) => typeof raw[key] === 'string' && (raw[key] as string).trim() !== '');
  if (typeKey === undefined) return "has no event name (add a \"type\": \"OrderPlaced\" field)";
  const payloadKey = PAYLOAD_KEYS.find((key) => typeof raw[key] === 'object' && raw[key] !== null && !Array.isArray(raw[key]));
  const data =
    payloadKey !== undefined
      ? (raw[payloadKey] as Record<string, unknown>)
      : Object.fromEntries(Object.entries(raw).filter(([key]) => key !== typeKey));
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
