/**
 * The lessons, in teaching order: from what CRUD forgets, through CQRS and event sourcing, to the production
 * patterns of seed 004. Each lesson's markdown is loaded only when it is opened (`?raw` keeps it a plain string in
 * the bundle, so it works offline once the app is cached).
 */
export type LessonEntry = {
  /** The lesson's address: `#/lessons/<id>`. */
  readonly id: string;
  readonly title: string;
  /** One line shown under the title in the lesson list. */
  readonly summary: string;
  readonly load: () => Promise<string>;
};

const text = (module: { default: string }): string => module.default;

export const lessons: readonly LessonEntry[] = [
  {
    id: 'crud-loses-history',
    title: 'CRUD loses history',
    summary: 'An overwrite destroys the status it replaces; events keep it.',
    load: () => import('./01-crud-loses-history.md?raw').then(text),
  },
  {
    id: 'commands-and-queries',
    title: 'Commands and queries: CQRS',
    summary: 'Separate the model that decides from the models that answer.',
    load: () => import('./02-commands-and-queries.md?raw').then(text),
  },
  {
    id: 'event-sourcing',
    title: 'Event sourcing',
    summary: 'The event store is append-only; state is a fold over events.',
    load: () => import('./03-event-sourcing.md?raw').then(text),
  },
  {
    id: 'projections',
    title: 'Projections and eventual consistency',
    summary: 'Read models follow the log with a checkpoint, and lag behind it.',
    load: () => import('./04-projections.md?raw').then(text),
  },
  {
    id: 'snapshots',
    title: 'Snapshots',
    summary: 'Start the fold from a saved state instead of event one.',
    load: () => import('./05-snapshots.md?raw').then(text),
  },
  {
    id: 'optimistic-concurrency',
    title: 'Optimistic concurrency',
    summary: 'An expected version turns a race into a clear conflict.',
    load: () => import('./06-optimistic-concurrency.md?raw').then(text),
  },
  {
    id: 'versioning-upcasting',
    title: 'Event versioning and upcasting',
    summary: 'Old events stay as written; readers upcast them.',
    load: () => import('./07-versioning-upcasting.md?raw').then(text),
  },
  {
    id: 'sagas',
    title: 'Sagas and compensation',
    summary: 'Order, payment and inventory agree through events, and undo with compensations.',
    load: () => import('./08-sagas.md?raw').then(text),
  },
  {
    id: 'dual-writes-outbox',
    title: 'Dual writes and the outbox',
    summary: 'Two writes without one transaction drift apart; an outbox or the log makes the second reliable.',
    load: () => import('./09-dual-writes-outbox.md?raw').then(text),
  },
  {
    id: 'at-least-once',
    title: 'At-least-once delivery and idempotent consumers',
    summary: 'Consumers see a message twice; a checkpoint in the same transaction, or an inbox, makes it harmless.',
    load: () => import('./10-at-least-once.md?raw').then(text),
  },
  {
    id: 'evolving-events',
    title: 'Evolving events',
    summary: 'Tolerant readers, upcasters, new event types and copy-and-transform, and when each is right.',
    load: () => import('./11-evolving-events.md?raw').then(text),
  },
  {
    id: 'aggregate-boundaries',
    title: 'Aggregate boundaries',
    summary: 'One transaction per stream: invariants across streams hold eventually, driven by a saga.',
    load: () => import('./12-aggregate-boundaries.md?raw').then(text),
  },
  {
    id: 'eventual-consistency-ux',
    title: 'Eventual consistency for the person at the screen',
    summary: 'Read your own writes from the command result, show pending, carry versions.',
    load: () => import('./13-eventual-consistency-ux.md?raw').then(text),
  },
  {
    id: 'forgetting-a-person',
    title: 'Forgetting a person in an append-only log',
    summary: 'Crypto-shredding: encrypt personal fields with the person\'s key, delete the key to forget them.',
    load: () => import('./14-forgetting-a-person.md?raw').then(text),
  },
];
