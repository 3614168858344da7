import { headed } from './case';
import type { CorpusCase } from './case';

/**
 * Requirement 1 (CQRS concepts), five questions. Every case holds the whole section; a wrong case varies one question
 * and keeps the others right (in rotating correct wordings). Headings vary: the starter's, numbered, short, reordered.
 */

type Q = 'acronym' | 'command' | 'query' | 'readModel' | 'trigger';
const ORDER: readonly Q[] = ['acronym', 'command', 'query', 'readModel', 'trigger'];

const HEADINGS: readonly Record<Q, string>[] = [
  {
    acronym: 'What does CQRS stand for? In one sentence, state the core idea.',
    command: 'What is a Command? Give two examples from the Order Service.',
    query: 'What is a Query? Give two examples from the Order Service.',
    readModel: 'What is the Read Model (projection)? How does it differ from the Write Model?',
    trigger: 'In a CQRS system, what triggers an update to the Read Model?',
  },
  {
    acronym: '1. What CQRS stands for, and the core idea',
    command: '2. Commands (with two examples)',
    query: '3. Queries (with two examples)',
    readModel: '4. Read model (projection) vs write model',
    trigger: '5. What triggers a read model update',
  },
  {
    acronym: 'Q1 – CQRS meaning',
    command: 'Q2 – Command',
    query: 'Q3 – Query',
    readModel: 'Q4 – Read Model / Write Model',
    trigger: 'Q5 – Read model update trigger',
  },
  {
    acronym: '1.1 CQRS: acronym and core idea',
    command: '1.2 What is a command?',
    query: '1.3 What is a query?',
    readModel: '1.4 What is the read model and how does it differ from the write model?',
    trigger: '1.5 What triggers an update of the read model?',
  },
];

const RIGHT: Record<Q, readonly string[]> = {
  acronym: [
    'CQRS stands for Command Query Responsibility Segregation. The core idea is to use one model to change data (commands) and a separate model to read it (queries).',
    'Command Query Responsibility Segregation — writes and reads are handled by separate models.',
    '- **C**ommand **Q**uery **R**esponsibility **S**egregation\n- core idea: the write side and the read side are split into two models, each optimised for its own job',
    'It mean Command Query Responsibility Segregation. The idea is that we are separating the part which write the data from the part which read the data, each one have own model.',
    'Command Query Responsibility Segregation. It splits the application into two halves, one that changes data and one that reads it, and they each get their own model.',
    'I believe it stands for Command Query Responsibility Segregation; the main idea, as far as I understand, is that the operations that modify data and the operations that read data should be served by separate models.',
    'Command Query Responsibility Segregation: the model that handles writes is separated from the model optimised for reads, so each can be organised and scaled on its own.',
    'The letters stand for Command Query Responsibility Segregation. Rather than having a single model that is used both to update orders and to display them, CQRS divides the responsibility: commands go to a write model that enforces the rules, and queries are answered by a read model designed for fast retrieval.',
    'Command-Query Responsibility Segregation, i.e. the code that handles state changes and the code that answers questions about the state are kept apart, each with a model of its own.',
  ],
  command: [
    'A command is a request to change the state of the system, phrased in the imperative. Examples: `PlaceOrder`, `CancelOrder`.',
    'Intent to change state. `ShipOrder`, `ConfirmOrder`.',
    'A message that asks the system to do something that changes data; it can be rejected if the business rules say no.\n- `PlaceOrder`\n- `UpdateOrderStatus`',
    'Command is a order to the system for do some change in the data. For example `CreateOrder` and `CancelOrder`.',
    'It is an imperative message asking the write side to change something; it is validated and then either accepted or rejected. Two of them in our service: `PlaceOrder` and `ShipOrder`.',
    'Roughly, a command is an instruction that modifies state, something like "do this". Examples might be `CancelOrder` and `MarkOrderAsPaid`.',
    'A command is a write request that alters state, worded as an instruction. E.g. `CancelOrder`, `AuthoriseOrderPayment`.',
    'A command tells the system to change something about an order. Examples: `UpdateOrderStatus` (e.g. to confirmed) and `UpdateOrderShippingAddress`.',
    'Something the client sends when it wants an order to be different afterwards: for example placing a new order, or cancelling an order that has not shipped yet.',
  ],
  query: [
    'A query asks for data and returns it without changing any state. Examples: `GetOrderById`, `ListOrdersByCustomer`.',
    'Read-only request, no side effects: `GetOrder`, `SearchOrders`.',
    'Returns data and changes nothing.\n- `GetOrderStatus`\n- `ListOrdersByStatus`',
    'Query is asking the system to give back data, it not modify anything. Example: `GetOrderById` and `GetOrdersOfCustomer`.',
    'It only reads: it returns information and leaves the state as it was. For instance `GetOrderSummary` and `FindOrdersByDateRange`.',
    'I would say a query is a request for information that should not have side effects, e.g. `GetOrderById` or `ListShippedOrders`.',
    'A query retrieves data without altering it — behaviour with no side effects. E.g. `ListOrdersByStatus`, `GetTopCustomers`.',
    'A query reads data and has no side effects, e.g. `GetOrderById` and `GetOrdersByCustomer`.',
    'The question side: the client asks "what are the orders of customer 123?" or "what is the status of order 1001?" and gets an answer; nothing is modified.',
  ],
  readModel: [
    'The read model is a projection of the data, denormalized and shaped for the queries. The write model validates commands and enforces the business rules; the read model is derived from it through events and only serves reads.',
    'Read model: denormalized, query-optimized view built from events. Write model: normalized, enforces invariants, source of truth.',
    '- Read model (projection): a view of the orders precomputed for the screens, e.g. orders by customer\n- Write model: where commands are validated and changes are recorded\n- Difference: the read model is derived and eventually consistent and can be rebuilt; the write model is the source of truth',
    'Read model is a copy of data which is prepared for reading fast, it is build from the events. Write model is different because it is where the commands are checked with business rules and data is really saved.',
    'It is a denormalized view built from the events, shaped for what the screens need. Unlike the write model, it holds no business rules and can be thrown away and rebuilt; the write model is what decides whether a command is accepted.',
    'As far as I can tell, the read model is a projection that is tuned for queries and is probably a little behind the write model; the write model, on the other hand, is where the rules are checked when a command arrives.',
    'A projection is a denormalised, read-optimised representation of the data. It differs from the write model, which is normalised and optimised for consistency and for validating commands; the read model lags slightly behind (eventual consistency).',
    'The read model is a set of tables or an index built purely for reading, for example orders grouped by customer. The write model is the part that processes commands and guards the invariants; the read model is updated from its events and is eventually consistent.',
    'A table kept just for answering questions fast (for example a list of orders per customer with totals), filled in from what the write side publishes. The write side is the part that checks the rules before anything changes.',
  ],
  trigger: [
    'An event: when a command succeeds, the write side publishes a domain event, and an event handler that consumes it updates the read model.',
    'Domain events published by the write side.',
    '- a command is accepted\n- the write side publishes an event (e.g. `OrderPaid`)\n- an event handler consumes the event and updates the read model',
    'The event which is published after the command is done. Event handler listen to it and update the read DB.',
    'The events. After the command handler stores them they are published to the bus, and a projector picks them up and applies them to the read model.',
    'Generally it is the publication of an event (e.g. `OrderPaid`) by the write side that causes the projection to be updated, asynchronously.',
    'Queries never trigger updates; the event handlers update the read models when an event arrives from the write side.',
    'Events emitted by the write side. They are consumed asynchronously, which is why the read model is eventually consistent.',
    'A fact such as `OrderShipped` being published once the command has been accepted; the component listening on the bus turns it into a change of the read tables.',
  ],
};

const STYLES = [
  'textbook',
  'terse',
  'bullet lists',
  'non-native English',
  'pronouns',
  'hedged',
  'British spelling',
  'verbose',
  'paraphrase',
] as const;

function section(pick: Record<Q, string>, headings = 0, order: readonly Q[] = ORDER): string {
  return headed(order.map((q) => [HEADINGS[headings]![q], pick[q]] as const));
}

/** A correct set, rotated: variant `i` of the first question, `i+1` of the second... */
function rightSet(i: number, stride = 1): Record<Q, string> {
  const pick = {} as Record<Q, string>;
  ORDER.forEach((q, k) => {
    const variants = RIGHT[q];
    pick[q] = variants[(i + stride * k) % variants.length]!;
  });
  return pick;
}

function sameStyle(i: number): Record<Q, string> {
  const pick = {} as Record<Q, string>;
  for (const q of ORDER) pick[q] = RIGHT[q][i]!;
  return pick;
}

const REORDERED: readonly Q[] = ['readModel', 'acronym', 'trigger', 'command', 'query'];
const REVERSED: readonly Q[] = [...ORDER].reverse();

const passes: CorpusCase[] = [
  ...STYLES.map((style, i) => ({
    name: `all five right, ${style}`,
    verdict: 'pass' as const,
    why: `every question answered correctly (${style})`,
    section: section(sameStyle(i), i % HEADINGS.length),
  })),
  ...Array.from({ length: 9 }, (_, i) => ({
    name: `all five right, mixed wordings ${i + 1}`,
    verdict: 'pass' as const,
    why: 'every question answered correctly, wordings mixed',
    section: section(rightSet(i + 1), (i + 1) % HEADINGS.length),
  })),
  ...Array.from({ length: 7 }, (_, i) => ({
    name: `all five right, mixed wordings ${i + 10}`,
    verdict: 'pass' as const,
    why: 'every question answered correctly, wordings mixed',
    section: section(rightSet(i, 2), (i + 2) % HEADINGS.length),
  })),
  ...Array.from({ length: 6 }, (_, i) => ({
    name: `all five right, questions in another order ${i + 1}`,
    verdict: 'pass' as const,
    why: 'right answers under their own headings, in another order',
    section: section(rightSet(i + 3, 4), i % HEADINGS.length, i % 2 === 0 ? REORDERED : REVERSED),
  })),
  {
    name: 'long answers, each one several sentences',
    verdict: 'pass',
    why: 'correct and complete, just long',
    section: section({
      acronym:
        'CQRS is short for Command Query Responsibility Segregation. In a plain CRUD service the same table and the same classes serve the order form and the order list. CQRS instead gives the writes a model of their own and the reads a model of their own, so the two can be stored, shaped and scaled differently.',
      command:
        'A command is a request, addressed to the write side, to do something that changes state. It carries the intent of the user and is validated against the current state of the aggregate: if the rules allow it, it produces events; if not, it is rejected. In the Order Service, `PlaceOrder` creates an order and `CancelOrder` cancels one that has not shipped.',
      query:
        'A query is a request for information. It is answered from the read side and must not have side effects: asking twice gives the same answer and changes nothing. Two examples: `GetOrderById` returns one order with its lines, and `ListOrdersByStatus` returns all shipped orders for the warehouse screen.',
      readModel:
        'The read model, also called a projection, is a denormalized copy of the data prepared for specific queries, e.g. a document per order with the customer name already joined in. The write model is the authoritative model where commands are checked and events are produced. The read model is derived from those events, is eventually consistent, and can be dropped and rebuilt at any time, which is not true of the write model.',
      trigger:
        'An event. When the command handler has accepted a command and stored the result, it publishes an event such as `OrderPlaced` on the event bus. An event handler subscribed to that event receives it and updates the read model accordingly. This happens asynchronously, so there is a short window where the read model is stale.',
    }, 0),
  },
  {
    name: 'answers with synonyms (modify, alter, retrieve, fetch)',
    verdict: 'pass',
    why: 'correct in other words',
    section: section({
      acronym: 'Command Query Responsibility Segregation: modifying data and fetching data are given separate models.',
      command: 'A command is an instruction to modify the system. `AddItemToOrder`, `CancelOrder`.',
      query: 'A query fetches data and alters nothing. `FetchOrder`, `ListCustomerOrders`.',
      readModel: 'The read model is a projection built for fetching, denormalised; the write model is where modifications are validated against the rules.',
      trigger: 'An event emitted by the write side after a modification is accepted, consumed by a projector.',
    }, 1),
  },
  {
    name: 'contrastive answers that deny the wrong idea',
    verdict: 'pass',
    why: 'negations deny the misconceptions, claims are right',
    section: section({
      acronym: 'Command Query Responsibility Segregation. Instead of one model for both reads and writes, there are two separate ones.',
      command: 'Unlike a query, a command changes state: `PlaceOrder`, `RefundOrder`.',
      query: "A query doesn't change anything; it only returns data: `GetOrderById`, `CountOrdersByStatus`.",
      readModel: 'It is not the write model: the read model is a denormalized view for queries, while the write model enforces the business rules.',
      trigger: 'Not the queries and not a timer: the events published after a command are what update it.',
    }, 2),
  },
  {
    name: 'tiny answers, one line each',
    verdict: 'pass',
    why: 'minimal but each asserts the right idea',
    section: section({
      acronym: 'Command Query Responsibility Segregation; separate write and read models.',
      command: 'Changes state: `PlaceOrder`, `CancelOrder`.',
      query: 'Reads state without changing it: `GetOrder`, `ListOrders`.',
      readModel: 'Read model = denormalized view for queries; write model = validates commands.',
      trigger: 'Events from the write side.',
    }, 3),
  },
];

type Wrong = { readonly q: Q; readonly name: string; readonly why: string; readonly answer: string; readonly mentions?: string };

const WRONG: readonly Wrong[] = [
  // acronym
  { q: 'acronym', name: 'wrong expansion of the acronym', why: 'CQRS is not "Create Query Read Save"', answer: 'CQRS stands for Create, Query, Read, Save. The idea is that reads and writes use separate models.' },
  { q: 'acronym', name: 'acronym only, no core idea', why: 'the core idea is not stated', answer: 'Command Query Responsibility Segregation.' },
  { q: 'acronym', name: 'core idea as a list of terms', why: 'terms listed, no idea asserted', answer: 'Command Query Responsibility Segregation — commands, queries, models, reads, writes, separation, scaling.' },
  { q: 'acronym', name: 'core idea: one shared model', why: 'says reads and writes share one model', answer: 'Command Query Responsibility Segregation: the reads and the writes go through one single shared model and table, only the API methods are named differently.' },
  { q: 'acronym', name: 'CQRS said to require event sourcing', why: 'CQRS does not require event sourcing', answer: 'Command Query Responsibility Segregation. The core idea is storing events instead of rows: CQRS cannot work without event sourcing.' },
  { q: 'acronym', name: 'no need to separate reads and writes', why: 'denies the separation that is the core idea', answer: 'Command Query Responsibility Segregation. There is no need to separate the read model from the write model; the idea is just to name methods as commands or queries.' },
  // command
  { q: 'command', name: 'command with only one example', why: 'two command examples asked, one given', answer: 'A command is a request to change the state of an order, for example `PlaceOrder`.' },
  { q: 'command', name: 'command described as a read', why: 'a command changes state, it does not read', answer: 'A command is a request that reads an order from the database, e.g. `PlaceOrder` and `CancelOrder`.' },
  { q: 'command', name: 'command examples that are queries', why: 'the examples are queries, not commands', answer: 'A command changes the state of the system, e.g. `GetOrderById` and `ListOrdersByStatus`.' },
  { q: 'command', name: 'command said never to change state', why: 'negated: commands do change state', answer: 'A command never changes anything; it just asks the system for information, e.g. `PlaceOrder`, `CancelOrder`.' },
  { q: 'command', name: 'command: examples only, no definition', why: 'what a command is is not said', answer: '`PlaceOrder`, `CancelOrder`.' },
  // query
  { q: 'query', name: 'query said to update data', why: 'queries must not change state', answer: 'A query fetches an order and updates its status to "viewed" at the same time, e.g. `GetOrderById`, `ListOrders`.' },
  { q: 'query', name: 'query with only one example', why: 'two query examples asked, one given', answer: 'A query returns data without changing any state, e.g. `GetOrderById`.' },
  { q: 'query', name: 'query examples that are commands', why: 'the examples change state', answer: 'A query asks for data and changes nothing, e.g. `PlaceOrder` and `CancelOrder`.' },
  { q: 'query', name: 'nothing stops a query from changing state', why: 'allows queries to have side effects', answer: 'A query returns data; nothing stops it from also changing state when convenient. E.g. `GetOrder`, `ListOrders`.' },
  { q: 'query', name: 'query as a list of terms', why: 'terms listed, no definition asserted', answer: 'Query, state, change, read model, `GetOrder`, `ListOrders`.' },
  // read model
  { q: 'readModel', name: 'read and write model swapped', why: 'swaps the roles of the two models', answer: 'The read model validates commands and enforces the business rules; the write model is the denormalized view that the queries use.' },
  { q: 'readModel', name: 'read model always immediately consistent', why: 'the read model is eventually consistent', answer: 'The read model is a projection shaped for queries. Unlike the write model, it is always immediately consistent: a query sees every write at once.' },
  { q: 'readModel', name: 'read model without the difference', why: 'how it differs from the write model is not said', answer: 'The read model is a projection.' },
  { q: 'readModel', name: 'read model is the same table as the write model', why: 'no separate read model', answer: 'The read model is the same table as the write model, it is just accessed through a different repository class.' },
  { q: 'readModel', name: 'long answer with a wrong sentence in the middle', why: 'says clients edit the read model directly', answer: 'The read model is a denormalized projection built for the screens, for example orders grouped by customer. Clients edit orders directly in the read model and the changes are copied back to the write model. The write model is where the business rules are enforced.' },
  // trigger
  { q: 'trigger', name: 'queries trigger the update', why: 'events trigger it, not queries', answer: 'Each time a query runs, the read model is refreshed from the write database.' },
  { q: 'trigger', name: 'client writes the read model itself', why: 'the client does not write the read model', answer: 'The client writes the new data into the read model at the same time as it sends the command.' },
  { q: 'trigger', name: 'no events needed, handler writes both', why: 'denies events as the trigger', answer: 'There is no need for events: the command handler writes the read model in the same transaction as the write model.' },
  { q: 'trigger', name: 'trigger as a list of terms', why: 'terms listed, nothing asserted', answer: 'Event, bus, handler, read model, update.' },
  { q: 'trigger', name: 'a nightly batch copy', why: 'the expected trigger is the published event', answer: 'A nightly batch job copies the whole write database into the read model.' },
];

const fails: CorpusCase[] = WRONG.map((w, i) => {
  const pick = rightSet(i + 2);
  pick[w.q] = w.answer;
  const order = i % 5 === 4 ? REORDERED : ORDER;
  return { name: w.name, verdict: 'fail', why: w.why, section: section(pick, i % HEADINGS.length, order), ...(w.mentions ? { mentions: w.mentions } : {}) };
});

const structural: CorpusCase[] = [
  {
    name: 'the query question left as TODO',
    verdict: 'fail',
    why: 'one question unanswered',
    section: section({ ...rightSet(4), query: 'TODO' }, 0),
  },
  {
    name: 'the trigger question missing altogether',
    verdict: 'fail',
    why: 'one question unanswered (heading and answer missing)',
    section: headed(ORDER.filter((q) => q !== 'trigger').map((q) => [HEADINGS[1]![q], rightSet(5)[q]] as const)),
  },
  {
    name: 'the read model question answered with the trigger answer',
    verdict: 'fail',
    why: 'the read model question is answered with something else',
    section: section({ ...rightSet(6), readModel: 'It is updated by the event handler when an event arrives.' }, 2),
  },
];

export const REQUIREMENT_1_CORPUS: readonly CorpusCase[] = [...passes, ...fails, ...structural];
