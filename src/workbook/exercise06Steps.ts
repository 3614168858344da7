import type { RequirementNumber } from './exercise06Document';

/**
 * Exercise 06 as six guided steps (seed 003): each requirement's task in the seed's words, the editor that suits
 * its answer, and hints that go from a nudge to a near-answer. The grader (src/grading) judges the text; these only
 * help the student write it.
 */

export const exercise06Id = '06-cqrs-event-sourcing';

export type EditorKind = 'questions' | 'diagram' | 'table' | 'events' | 'scenarios';

export type Exercise06Step = {
  readonly number: RequirementNumber;
  readonly title: string;
  readonly editor: EditorKind;
  /** The requirement as the seed states it (markdown). */
  readonly task: string;
  /** Revealed one at a time: a nudge first, then closer hints. */
  readonly hints: readonly string[];
};

export const exercise06Objective =
  'Understand the Command Query Responsibility Segregation (CQRS) pattern and event sourcing, explain when they are appropriate, and design a simple CQRS model for the Order Service.';

export const exercise06Background = `In a traditional microservice, the same data model and the same database table are used for both writing (creating/updating orders) and reading (listing/searching orders). This works well at low scale, but as the e-commerce platform grows, the write and read workloads have very different characteristics: writes need strong consistency and ACID guarantees; reads need flexibility, high throughput, and query optimization (e.g., searching by product, customer, date range, status). **CQRS** separates these concerns into two explicit models: **Commands** (writes) and **Queries** (reads). **Event Sourcing** is a complementary pattern that, instead of storing current state, stores every change as an immutable sequence of events — the current state is derived by replaying events.`;

/** Seed 003's four hints, word for word: the overview quotes them, and each step's hints start from one of them. */
export const exercise06SeedHints: readonly string[] = [
  'Commands are **imperative** ("do this") and change state. Queries are **interrogative** ("give me data") and never change state. This separation is the core of CQRS.',
  'In event sourcing, the event store is **append-only** — events are never updated or deleted. This is what makes full audit trails and replay possible.',
  'The Read Model is eventually consistent: it is updated asynchronously after a command is processed and an event is published. There is a brief window where the Read Model is stale.',
  'Snapshots solve the "long event tail" problem: instead of replaying 10,000 events to get the current state of an order, you replay from the most recent snapshot + only the events after it.',
];

/** Seed 003's "Expected Output", word for word: what the whole hand-in looks like. */
export const exercise06ExpectedOutput = {
  intro: 'This is a design exercise. Your answers include written explanations, tables, ASCII diagram, JSON payloads, and scenario analysis.',
  outline: `Requirement 1 — CQRS concepts: [five written answers]

Requirement 2 — ASCII diagram:
  Client ──POST /orders──▶ Command Handler ──▶ Write DB (SQL)
  Command Handler ──publishes──▶ Event Bus (Kafka)
  Event Handler ──consumes──▶ Read DB (Elasticsearch)
  Client ──GET /orders?...──▶ Query Handler ──▶ Read DB

Requirement 3 — CQRS vs CRUD table: [filled in]

Requirement 4 — Event sourcing concepts: [four answers]

Requirement 5 — Event payloads + state derivation: [JSON events + explanation]

Requirement 6 — Scenario analysis: [three assessments]`,
} as const;

export const exercise06Steps: readonly Exercise06Step[] = [
  {
    number: 1,
    title: 'CQRS concepts',
    editor: 'questions',
    task: `Answer the following:

- What does CQRS stand for? In one sentence, state the core idea.
- What is a **Command**? Give two examples from the Order Service (e.g., \`PlaceOrder\`, \`CancelOrder\`).
- What is a **Query**? Give two examples from the Order Service.
- What is the **Read Model (projection)**? How does it differ from the **Write Model**?
- In a CQRS system, what triggers an update to the Read Model?`,
    hints: [
      'Commands are **imperative** ("do this") and change state. Queries are **interrogative** ("give me data") and never change state. This separation is the core of CQRS.',
      'Name real operations of the Order Service: commands such as `PlaceOrder`, `ShipOrder`, `CancelOrder`; queries such as `GetOrderById`, `ListOrdersByStatus`, `SearchOrders`.',
      'The Read Model is shaped for queries (denormalized, maybe another database) and holds no business rules; the Write Model enforces the rules. The Read Model is updated by **events** published after a command succeeds, not by the query.',
    ],
  },
  {
    number: 2,
    title: 'CQRS architecture diagram',
    editor: 'diagram',
    task: `Draw an ASCII diagram of the Order Service using CQRS with a separate command side and query side. Show:

- Client issuing a command → Command Handler → Write Model DB (SQL)
- Command Handler publishing an event → Event Bus
- Event Handler consuming the event → Read Model DB (read-optimized, e.g., Elasticsearch or denormalized SQL view)
- Client issuing a query → Query Handler → Read Model DB`,
    hints: [
      'One line per arrow is enough: `Client --POST /orders--> Command Handler`. Arrows may be `->`, `-->`, `──▶`, `→` or `=>`.',
      'Seven components: Client, Command Handler, Write DB, Event Bus, Event Handler, Read DB, Query Handler. The graph under the editor shows which arrows are still missing.',
      'The query side never touches the Write DB: `Client --GET /orders--> Query Handler --> Read DB`. The Event Bus connects the sides: `Command Handler --publishes--> Event Bus --> Event Handler --> Read DB`.',
    ],
  },
  {
    number: 3,
    title: 'Benefits and trade-offs',
    editor: 'table',
    task: 'Complete the table: one row per dimension, what Standard CRUD gives and what CQRS gives.',
    hints: [
      'Think of each column as a design that has to live with its choice: CRUD has one model and one database; CQRS has two models joined by events.',
      // Seed 003's third hint, as the seed words it: the consistency row in one sentence.
      'The Read Model is eventually consistent: it is updated asynchronously after a command is processed and an event is published. There is a brief window where the Read Model is stale.',
      'Scalability: CQRS scales reads and writes independently. Query flexibility: read models are shaped per query. Consistency: CRUD reads its own writes (strong); CQRS read models are eventually consistent.',
      'Complexity: CRUD is simple; CQRS adds an event bus, projections and lag to handle. Best suited for: CRUD for simple domains with balanced load; CQRS for read-heavy, complex domains with very different read and write needs.',
    ],
  },
  {
    number: 4,
    title: 'Event sourcing concepts',
    editor: 'questions',
    task: `Answer the following:

- What is the key difference between traditional **state-based persistence** and **event sourcing**?
- What is an **event store**? What are the requirements for events stored in it?
- What does it mean to **replay events**? Give one use case where replaying events is valuable.
- What is a **snapshot** in event sourcing and why is it used?`,
    hints: [
      'In event sourcing, the event store is **append-only**: events are never updated or deleted. This is what makes full audit trails and replay possible.',
      'Replaying = reading a stream (or the whole log) from the start and applying each event in order to rebuild state: rebuilding a read model after a bug, adding a new projection over old data, auditing, debugging, time travel.',
      'Snapshots solve the "long event tail" problem: instead of replaying 10,000 events to get the current state of an order, you replay from the most recent snapshot + only the events after it.',
    ],
  },
  {
    number: 5,
    title: 'Event sourcing for the Order Service',
    editor: 'events',
    task: `Instead of storing the current order state in a \`orders\` table, events are stored in an \`order_events\` table. Design the events for an order lifecycle:

- List **four domain events** in chronological order (e.g., \`OrderCreated\`, \`OrderPaid\`, ...)
- For each event, write a JSON payload example
- Explain how the current state of order \`#1001\` (which was placed, paid, then shipped) is derived from these events`,
    hints: [
      'Events are facts in the past tense, in the order they happen: created/placed, paid, shipped, delivered.',
      'Each payload names the order it is about: `{ "type": "OrderPaid", "data": { "orderId": "1001", "amount": 59.98 } }`. The fold under the editor shows the state of order 1001 after each event.',
      'The derivation: start from an empty state, read order 1001\'s events from `order_events` in sequence, and apply each one (placed → pending, paid → paid, shipped → shipped). The last applied event gives the current status: shipped. Nothing is stored as "current state"; it is computed.',
    ],
  },
  {
    number: 6,
    title: 'When to use CQRS + Event Sourcing',
    editor: 'scenarios',
    task: `For each scenario, state whether CQRS/ES is a good fit and explain why:

- A simple HR leave-request system used by 50 employees
- A financial trading platform where every trade must be auditable and replayable
- The Order Service of a high-traffic e-commerce platform with complex order reporting needs`,
    hints: [
      'Weigh what the patterns buy (audit trail, replay, independent read scaling, query-shaped read models) against what they cost (complexity, eventual consistency).',
      'Ask for each scenario: is there load to scale? Is history a requirement, not a nice-to-have? Are reads very different from writes?',
      'HR leave requests: small, simple, CRUD is enough (not a good fit). Trading: audit and replay are requirements (good fit). E-commerce orders: high read traffic and complex reporting (good fit).',
    ],
  },
];

export function stepFor(n: number): Exercise06Step | undefined {
  return exercise06Steps.find((step) => step.number === n);
}
