import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'commands-and-queries',
  questions: [
    {
      kind: 'choice',
      id: 'which-are-commands',
      prompt: 'Which of these are commands? Check every one.',
      multiple: true,
      choices: [
        { id: 'place', text: '`PlaceOrder`', correct: true, explanation: 'Imperative, "do this": it changes state and may be refused.' },
        { id: 'cancel', text: '`CancelOrder`', correct: true, explanation: 'A command: it asks for a change, and the state machine may refuse it (a shipped order cannot be cancelled).' },
        { id: 'summary', text: '`GetOrderSummary`', correct: false, explanation: 'A query: it asks for data and never changes state, so it can be cached and repeated freely.' },
        { id: 'search', text: '`SearchOrders`', correct: false, explanation: 'A query, answered from a read model; searching changes nothing.' },
        { id: 'confirm', text: '`ConfirmOrder`', correct: true, explanation: 'A command: it moves the order from `pending` to `confirmed`, if the rules allow.' },
      ],
    },
    {
      kind: 'choice',
      id: 'what-cqrs-requires',
      prompt: 'What does CQRS itself require?',
      multiple: false,
      choices: [
        { id: 'separate-models', text: 'That the model that decides commands is not the model that answers queries.', correct: true, explanation: 'That is the whole of it. Everything else (events, a bus, separate stores) is a further choice.' },
        { id: 'event-sourcing', text: 'Event sourcing on the write side.', correct: false, explanation: 'A common pairing, not a requirement: the write model can be ordinary tables.' },
        { id: 'async', text: 'Read models updated asynchronously, so reads lag behind writes.', correct: false, explanation: 'Read models can be updated in the same transaction as the write; then there is no lag at all.' },
        { id: 'two-databases', text: 'Two databases, one for writes and one for reads.', correct: false, explanation: 'The two models can share one database; separate stores are an option that asynchronous projections make possible.' },
      ],
    },
    {
      kind: 'choice',
      id: 'same-transaction',
      prompt: 'A team updates its read models in the same database transaction as each write. What do they get?',
      multiple: false,
      choices: [
        { id: 'current-but-coupled', text: 'Reads that are always current, but every write pays for every read model, and a broken read model blocks the command.', correct: true, explanation: 'That is the trade in the lesson\'s table: no stale window, at the cost of coupling the write to every read model and to one database.' },
        { id: 'stale-window', text: 'A stale window after every write, which the UI must show as "updating…".', correct: false, explanation: 'The stale window comes from asynchronous projections. In one transaction, the reader always sees its own write.' },
        { id: 'not-cqrs', text: 'Not CQRS any more: CQRS needs asynchronous read models.', correct: false, explanation: 'It is still CQRS: the model that decides is separate from the models that answer. Asynchrony is a separate choice.' },
      ],
    },
    {
      kind: 'read-model',
      id: 'summary-query',
      prompt: '`GET /api/v1/orders/summary`: how many orders are in each status, and the revenue of each.',
      choices: [
        { readModel: 'orderSummary', correct: true, explanation: 'It is maintained for exactly this question: one document with the counts and revenue per status, updated event by event.' },
        { readModel: 'orders', correct: false, explanation: 'It holds every order, so you could count them, but only by reading every document on every query: the summary read model exists so the query does not.' },
        { readModel: 'topCustomers', correct: false, explanation: 'It holds spend per customer, not counts per status; and cancelled orders are taken out of it.' },
        { readModel: 'users', correct: false, explanation: 'Seed 001\'s users hold names and emails; they know nothing about orders.' },
      ],
    },
    {
      kind: 'choice',
      id: 'what-triggers-update',
      prompt: 'In seed 002\'s pipeline, what makes a read model change?',
      multiple: false,
      choices: [
        { id: 'event', text: 'An event recorded by the write side, applied by a projection.', correct: true, explanation: 'The two sides meet only through events: projections apply each event to the read models.' },
        { id: 'query', text: 'A query that finds the read model out of date and refreshes it.', correct: false, explanation: 'Queries never change state, not even a read model. A query reads what the projections have applied so far.' },
        { id: 'command-handler', text: 'The command handler, which writes the read model after the event store.', correct: false, explanation: 'In seed 002 the command side only appends events; the event bus and projections carry them to the read models.' },
      ],
    },
  ],
};
