import { questions } from './case';
import type { GradedCase } from './case';

/** Requirement 1 (CQRS concepts): five correct answer sets in different words, and wrong or incomplete ones. */

const STANDS_FOR = 'CQRS stands for Command Query Responsibility Segregation: reads and writes are handled by separate models.';
const COMMAND = 'A command is a request to change state, e.g. PlaceOrder or CancelOrder.';
const QUERY = 'A query returns data and never changes state, e.g. GetOrderById and ListOrdersByCustomer.';
const READ_MODEL = 'The read model is a denormalized projection optimized for queries; the write model handles commands and enforces business rules.';
const TRIGGER = 'An event published by the write side after a command is handled.';

export const REQUIREMENT_1_CASES: readonly GradedCase[] = [
  {
    name: 'textbook answers',
    section: questions(STANDS_FOR, COMMAND, QUERY, READ_MODEL, TRIGGER),
    verdict: 'pass',
  },
  {
    name: 'informal, first person, bullet lists',
    section: questions(
      '- Command/Query Responsibility Segregation\n- basically you split the write side and the read side into two different models',
      "It's an instruction that tells the system to do something and alters its data. In our shop:\n- `ShipOrder`\n- `ConfirmOrder`",
      "It asks a question and gets an answer back; it is read-only.\nFor the Order Service I'd have `GetOrder` and `SearchOrdersByStatus`.",
      'The write model is the source of truth that validates commands. The read model is a copy built from events, precomputed for the screens that show orders.',
      'Whenever the write side emits an event (OrderShipped, say), a projector subscribed to it updates the read model.',
    ),
    verdict: 'pass',
  },
  {
    name: 'terse, hard-wrapped prose',
    section: questions(
      'Command and Query Responsibility Segregation. Commands (writes) and queries\n(reads) go through different models with their own storage.',
      'Imperative message, "do this": CreateOrder,\nUpdateOrderStatus.',
      'Interrogative, "give me data"; it has no side effects.\nExamples: list orders of a customer, get order summary.',
      'Write model: normalized, handles transactions and invariants. Read model: denormalized tables tailored to each screen, derived from events.',
      'Domain events. The event handler consumes them from the bus.',
    ),
    verdict: 'pass',
  },
  {
    name: 'contrastive sentences that mention the wrong idea only to deny it',
    section: questions(
      'Command Query Responsibility Segregation — instead of a single model for reads and writes, CQRS separates them into two.',
      'Unlike a query, a command modifies state. Examples: PayOrder, CancelOrder.',
      "Queries don't change state; they only read. Examples: GetOrderById, GetTopCustomers.",
      'It is not the same as the write model: the read model is read-optimized and eventually consistent, while the write model enforces the rules.',
      'Not the queries: events published after a command trigger the update, asynchronously.',
    ),
    verdict: 'pass',
  },
  {
    name: 'long explanatory answers',
    section: questions(
      'The acronym means Command Query Responsibility Segregation. The idea is that the code paths that change data and the code paths that read data are decoupled, each with its own model optimized for its job.',
      'A command expresses the intent to perform an action that changes the state of an order. For example PlaceOrder places a new order; CancelOrder cancels one that has not shipped.',
      'A query retrieves information (such as an order or a list of orders) without modifying anything. For example GetOrderById(1001) or ListOrdersByStatus("shipped").',
      'A projection (read model) is a view of the data built from the events and designed for reading fast. The write model is where commands are processed and consistency is enforced.',
      'Each time an event is stored and published, the handlers listening for it update the projections.',
    ),
    verdict: 'pass',
  },
  {
    name: 'queries said to change state',
    section: questions(STANDS_FOR, COMMAND, 'A query changes the state of an order, e.g. GetOrderById and ListOrders.', READ_MODEL, TRIGGER),
    verdict: 'fail',
    mentions: 'Question 3',
  },
  {
    name: 'acronym without the core idea',
    section: questions('CQRS stands for Command Query Responsibility Segregation.', COMMAND, QUERY, READ_MODEL, TRIGGER),
    verdict: 'fail',
    mentions: 'separate models',
  },
  {
    name: 'commands without Order Service examples',
    section: questions(STANDS_FOR, 'A command changes state.', QUERY, READ_MODEL, TRIGGER),
    verdict: 'fail',
    mentions: 'two command examples',
  },
  {
    name: 'read model said to be the source of truth',
    section: questions(STANDS_FOR, COMMAND, QUERY, 'The read model is the source of truth, optimized for queries; the write model stores commands.', TRIGGER),
    verdict: 'fail',
    mentions: 'source of truth',
  },
  {
    name: 'queries said to trigger read-model updates',
    section: questions(STANDS_FOR, COMMAND, QUERY, READ_MODEL, 'The read model refreshes whenever a user queries it.'),
    verdict: 'fail',
    mentions: 'Question 5',
  },
  {
    name: 'read model said to be immediately consistent',
    section: questions(STANDS_FOR, COMMAND, QUERY, READ_MODEL, 'An event published after the command; the read model is always immediately consistent with the write model.'),
    verdict: 'fail',
    mentions: 'eventually consistent',
  },
  {
    name: 'only three questions answered',
    section: questions(STANDS_FOR, COMMAND, QUERY),
    verdict: 'fail',
    mentions: 'needs 5',
  },
];
