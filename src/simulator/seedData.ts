import { fold } from '../domain/core/decider';
import { orderDecider } from '../domain/order/decider';
import {
  orderEventSchemaVersions,
  orderStreamId,
  type OrderCommand,
  type OrderItem,
  type OrderState,
  type OrderStatus,
} from '../domain/order/types';
import type { NewEvent } from '../eventStore/types';
import type { BulkStep } from './bulkStorage';

/**
 * A realistic shop history, generated from a seed number: customers who come back, baskets of real products with
 * prices, and orders that go through varied lifecycles (most delivered, some cancelled with a reason at different
 * stages, some deleted, some still pending or under way). Every event is produced by the real order decider from a
 * command, exactly as `handleCommand` would record it; the steps are then merged into one chronological log.
 *
 * Order n's history depends only on (seed, n), never on how many orders are asked for: the first 100 orders of a
 * 1,000-order data set are the 100 orders of a 100-order one, so the event count of N orders is a running sum.
 */

export const maxSeedEvents = 100_000;
/** Enough orders to reach `maxSeedEvents` whatever the seed (an order records 1 to 5 events). */
export const maxSeedOrders = 100_000;

export type SeedOptions = {
  readonly seed: number;
  readonly orders: number;
};

/** Where each order ended up, for the sentence under the form. */
export type SeedOutcomes = Readonly<Record<OrderStatus | 'deleted', number>>;

export type SeedPlan = {
  readonly steps: readonly BulkStep[];
  readonly orders: number;
  readonly events: number;
  readonly outcomes: SeedOutcomes;
};

// ---------- deterministic randomness ----------

/** mulberry32: a tiny, fast PRNG; good enough for shop data and identical on every engine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream of randomness per (seed, thing, index), so order n never depends on order n − 1. */
function randomFor(seed: number, salt: number, index: number): () => number {
  const next = random(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ salt);
  next(); // the first output of mulberry32 is poorly mixed for close seeds
  return next;
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const between = (rand: () => number, low: number, high: number): number => low + rand() * (high - low);

// ---------- the shop ----------

const firstNames = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Radia', 'Tim', 'Frances', 'Edsger',
  'Hedy', 'John', 'Katherine', 'Donald', 'Sophie', 'Niklaus', 'Annie', 'Guido', 'Lin', 'Yukihiro', 'Anders', 'Bjarne',
  'Shafi', 'Leslie', 'Sanjay', 'Priya', 'Mei', 'Omar', 'Fatima', 'Lucas', 'Emma', 'Noah', 'Olivia', 'Mateo', 'Aiko',
  'Chidi', 'Ingrid', 'Pablo',
];
const lastNames = [
  'Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Perlman', 'Berners-Lee',
  'Allen', 'Dijkstra', 'Lamarr', 'Backus', 'Johnson', 'Knuth', 'Wilson', 'Wirth', 'Easley', 'van Rossum', 'Chen',
  'Matsumoto', 'Hejlsberg', 'Stroustrup', 'Goldwasser', 'Lamport', 'Ghemawat', 'Patel', 'Wong', 'Haddad', 'Okafor',
  'Silva', 'Schmidt', 'Nakamura', 'Larsen', 'García', 'Novak', 'Kowalski', 'Dubois', 'Rossi',
];
const mailDomains = ['example.com', 'mail.example.org', 'inbox.example.net', 'shop-customer.example', 'post.example.de'];

/** Products with a price range (a shop's prices vary by model). */
const catalog: readonly { readonly product: string; readonly low: number; readonly high: number }[] = [
  { product: 'Laptop', low: 649, high: 2199 },
  { product: 'Monitor 27"', low: 179, high: 649 },
  { product: 'Mechanical keyboard', low: 59, high: 189 },
  { product: 'Wireless mouse', low: 19.99, high: 89 },
  { product: 'USB-C hub', low: 24.99, high: 79 },
  { product: 'Noise-cancelling headphones', low: 129, high: 399 },
  { product: 'Webcam', low: 39, high: 149 },
  { product: 'Desk lamp', low: 22.5, high: 95 },
  { product: 'Office chair', low: 149, high: 899 },
  { product: 'Standing desk', low: 299, high: 1190 },
  { product: 'External SSD 1 TB', low: 79, high: 169 },
  { product: 'Smartphone', low: 249, high: 1299 },
  { product: 'Phone case', low: 9.99, high: 39 },
  { product: 'Tablet', low: 199, high: 1099 },
  { product: 'E-reader', low: 99, high: 249 },
  { product: 'Bluetooth speaker', low: 29, high: 249 },
  { product: 'Coffee grinder', low: 34, high: 219 },
  { product: 'Espresso machine', low: 189, high: 1490 },
  { product: 'Backpack', low: 39, high: 169 },
  { product: 'Water bottle', low: 12.5, high: 45 },
  { product: 'Running shoes', low: 69, high: 199 },
  { product: 'Yoga mat', low: 19, high: 89 },
  { product: 'Notebook (A5, dotted)', low: 6.5, high: 24 },
  { product: 'Fountain pen', low: 18, high: 240 },
  { product: 'Board game', low: 24, high: 89 },
  { product: 'HDMI cable 2 m', low: 7.99, high: 24.99 },
  { product: 'Power bank', low: 19, high: 89 },
  { product: 'Smartwatch', low: 129, high: 799 },
];

const cancelReasons = [
  'Customer changed their mind',
  'Payment was declined',
  'Item out of stock',
  'Found a better price elsewhere',
  'Shipping address could not be verified',
  'Ordered by mistake',
  'Delivery would take too long',
  'Duplicate order',
];

/** How many distinct customers a seed's shop has; repeat buyers make "top customers" worth reading. */
const customerPool = 5000;

type Customer = { readonly customerId: string; readonly email: string };

function customerOf(seed: number, index: number): Customer {
  const rand = randomFor(seed, 0x0c0570, index);
  const first = pick(rand, firstNames);
  const last = pick(rand, lastNames);
  const local = `${first}.${last}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z.-]/g, '')
    .toLowerCase();
  return {
    customerId: `cust-${String(index + 1).padStart(5, '0')}`,
    email: `${local}${index % 7 === 0 ? '' : index + 1}@${pick(rand, mailDomains)}`,
  };
}

const cents = (value: number): number => Math.round(value * 100) / 100;

function basketOf(rand: () => number): OrderItem[] {
  const lines = rand() < 0.6 ? 1 : rand() < 0.75 ? 2 : rand() < 0.85 ? 3 : 4;
  const products = new Set<number>();
  while (products.size < lines) products.add(Math.floor(rand() * catalog.length));
  return [...products].map((index) => {
    const { product, low, high } = catalog[index]!;
    // Cheap things are bought by the handful, expensive ones one at a time.
    const quantity = high < 50 && rand() < 0.4 ? 2 + Math.floor(rand() * 4) : rand() < 0.85 ? 1 : 2;
    // Prices end the way shops like them: .99, .50 or .00.
    const whole = Math.floor(between(rand, low, high));
    const unitPrice = cents(whole + pick(rand, [0.99, 0.99, 0.5, 0]));
    return { product, quantity, unitPrice };
  });
}

// ---------- lifecycles ----------

/** Where an order's story stops. */
type Lifecycle =
  | { readonly kind: 'stopsAt'; readonly status: Exclude<OrderStatus, 'cancelled'> }
  | { readonly kind: 'cancelledWhen'; readonly status: 'pending' | 'confirmed' | 'processing' }
  | { readonly kind: 'deletedWhen'; readonly status: Exclude<OrderStatus, 'cancelled'> };

function lifecycleOf(rand: () => number): Lifecycle {
  const roll = rand();
  if (roll < 0.56) return { kind: 'stopsAt', status: 'delivered' };
  if (roll < 0.64) return { kind: 'stopsAt', status: 'shipped' };
  if (roll < 0.69) return { kind: 'stopsAt', status: 'processing' };
  if (roll < 0.75) return { kind: 'stopsAt', status: 'confirmed' };
  if (roll < 0.82) return { kind: 'stopsAt', status: 'pending' };
  if (roll < 0.88) return { kind: 'cancelledWhen', status: 'pending' };
  if (roll < 0.92) return { kind: 'cancelledWhen', status: 'confirmed' };
  if (roll < 0.96) return { kind: 'cancelledWhen', status: 'processing' };
  return { kind: 'deletedWhen', status: pick(rand, ['pending', 'confirmed', 'delivered'] as const) };
}

const forward: readonly Exclude<OrderStatus, 'cancelled'>[] = ['pending', 'confirmed', 'processing', 'shipped', 'delivered'];

/** The first order is placed here; one arrives every ~7 minutes after it, so 25,000 orders span about four months. */
const shopOpens = Date.parse('2025-03-03T08:00:00.000Z');
const minute = 60_000;

type TimedCommand = { readonly at: number; readonly command: OrderCommand };

function commandsOf(seed: number, index: number): { commands: TimedCommand[]; outcome: OrderStatus | 'deleted' } {
  const rand = randomFor(seed, 0x0bde55, index);
  const orderId = orderIdOf(seed, index);
  // Customer 1 buys far more often than customer 5000: squaring a uniform number favours the low indices.
  const customer = customerOf(seed, Math.floor(rand() * rand() * customerPool));
  const lifecycle = lifecycleOf(rand);
  const items = basketOf(rand);
  let at = shopOpens + index * 7 * minute + Math.floor(rand() * 6) * minute;
  const commands: TimedCommand[] = [];
  const push = (command: (iso: string) => OrderCommand, after: number) => {
    at += Math.max(1, Math.round(after)) * minute;
    commands.push({ at, command: command(new Date(at).toISOString()) });
  };
  commands.push({
    at,
    command: {
      type: 'PlaceOrder',
      data: { orderId, customerId: customer.customerId, customerEmail: customer.email, items, at: new Date(at).toISOString() },
    },
  });
  const until = forward.indexOf(lifecycle.status);
  // Minutes between steps: confirmed within the hour, packed within a day, shipped in 1–2 days, delivered in 2–5.
  const delays = [0, between(rand, 2, 60), between(rand, 60, 1440), between(rand, 1440, 2880), between(rand, 2880, 7200)];
  for (let step = 1; step <= until; step += 1) {
    const delay = delays[step]!;
    switch (forward[step]) {
      case 'confirmed':
        push((iso) => ({ type: 'ConfirmOrder', data: { orderId, at: iso } }), delay);
        break;
      case 'processing':
        push((iso) => ({ type: 'StartProcessing', data: { orderId, at: iso } }), delay);
        break;
      case 'shipped': {
        // A few carriers give no tracking number: the event says so (null) rather than inventing one.
        const trackingNumber =
          rand() < 0.9 ? `1Z${Math.floor(rand() * 1e8).toString(36).toUpperCase().padStart(6, '0')}${String(index).padStart(6, '0')}` : null;
        push((iso) => ({ type: 'ShipOrder', data: { orderId, trackingNumber, at: iso } }), delay);
        break;
      }
      case 'delivered':
        push((iso) => ({ type: 'DeliverOrder', data: { orderId, at: iso } }), delay);
        break;
    }
  }
  if (lifecycle.kind === 'cancelledWhen') {
    const reason = pick(rand, cancelReasons);
    push((iso) => ({ type: 'CancelOrder', data: { orderId, reason, at: iso } }), between(rand, 5, 2000));
    return { commands, outcome: 'cancelled' };
  }
  if (lifecycle.kind === 'deletedWhen') {
    push((iso) => ({ type: 'DeleteOrder', data: { orderId, at: iso } }), between(rand, 60, 20000));
    return { commands, outcome: 'deleted' };
  }
  return { commands, outcome: lifecycle.status };
}

/** `s42-000017`: the seed is in the id, so two data sets of different seeds never collide. */
export function orderIdOf(seed: number, index: number): string {
  return `s${seed}-${String(index + 1).padStart(6, '0')}`;
}

/** Events order n records (1 to 5), without deciding anything: for the count shown under the form. */
function eventCountOf(seed: number, index: number): number {
  // The same first draws as `commandsOf` (customer, then lifecycle), without building the order.
  const rand = randomFor(seed, 0x0bde55, index);
  rand();
  rand();
  const lifecycle = lifecycleOf(rand);
  return 1 + forward.indexOf(lifecycle.status) + (lifecycle.kind === 'stopsAt' ? 0 : 1);
}

/** Events that the first `orders` orders of a seed record. */
export function seedEventCount(seed: number, orders: number): number {
  let events = 0;
  for (let index = 0; index < orders; index += 1) events += eventCountOf(seed, index);
  return events;
}

/** The most orders whose events fit in `maxEvents`. */
export function maxOrdersWithin(seed: number, maxEvents: number = maxSeedEvents): number {
  let events = 0;
  for (let index = 0; index < maxSeedOrders; index += 1) {
    events += eventCountOf(seed, index);
    if (events > maxEvents) return index;
  }
  return maxSeedOrders;
}

/** A seed number as the form accepts it: a whole number 0 … 2³¹−1. */
export function isSeedNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 0x7fffffff;
}

/** What is wrong with each of the Data screen's two fields; a field that is fine has no entry. */
export type SeedFormProblems = { readonly orders?: string; readonly seed?: string };

/**
 * Checks the Data screen's fields as typed, not as numbers: an empty field is a field to fill in, not the seed 0
 * that `Number('')` would make of it.
 */
export function seedFormProblems(ordersText: string, seedText: string): SeedFormProblems {
  const orders = ordersText.trim() === '' ? Number.NaN : Number(ordersText);
  const seed = seedText.trim() === '' ? Number.NaN : Number(seedText);
  return {
    ...(Number.isInteger(orders) && orders >= 1 ? {} : { orders: 'Orders must be a whole number of at least 1.' }),
    ...(isSeedNumber(seed) ? {} : { seed: 'The seed number must be a whole number from 0 to 2,147,483,647.' }),
  };
}

/**
 * The whole history: each order's commands decided by the real order decider on the state its earlier events
 * build, then every step of every order merged by time into one log.
 */
export function planSeed({ seed, orders }: SeedOptions): SeedPlan {
  if (!isSeedNumber(seed)) throw new RangeError(`The seed must be a whole number from 0 to 2147483647, got ${seed}.`);
  if (!(Number.isInteger(orders) && orders >= 0 && orders <= maxSeedOrders))
    throw new RangeError(`The number of orders must be a whole number from 0 to ${maxSeedOrders}, got ${orders}.`);
  const timed: { at: number; order: number; step: BulkStep }[] = [];
  const outcomes: Record<OrderStatus | 'deleted', number> = {
    pending: 0,
    confirmed: 0,
    processing: 0,
    shipped: 0,
    delivered: 0,
    cancelled: 0,
    deleted: 0,
  };
  for (let index = 0; index < orders; index += 1) {
    const { commands, outcome } = commandsOf(seed, index);
    outcomes[outcome] += 1;
    const streamId = orderStreamId(orderIdOf(seed, index));
    let state: OrderState = orderDecider.initialState();
    let version = 0;
    commands.forEach(({ at, command }, position) => {
      const decided = orderDecider.decide(command, state);
      const commandId = `seed${seed}:${String(index + 1).padStart(6, '0')}:${position + 1}`;
      const events: NewEvent[] = decided.map((event, eventIndex) => ({
        // The ids handleCommand gives: `${commandId}:${index}`.
        eventId: `${commandId}:${eventIndex}`,
        type: event.type,
        schemaVersion: orderEventSchemaVersions[event.type],
        data: event.data,
        metadata: { commandId, correlationId: commandId, causationId: commandId },
      }));
      timed.push({ at, order: index, step: { streamId, expectedVersion: version, events, twin: { aggregate: 'order', command } } });
      state = fold(orderDecider.evolve, decided, state);
      version += events.length;
    });
  }
  // Within one order the times strictly increase, so sorting by time keeps each stream's steps in order.
  timed.sort((a, b) => a.at - b.at || a.order - b.order);
  const steps = timed.map((entry) => entry.step);
  return { steps, orders, events: steps.reduce((sum, step) => sum + step.events.length, 0), outcomes };
}
