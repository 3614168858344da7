import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'crud-loses-history',
  questions: [
    {
      kind: 'choice',
      id: 'what-the-row-knows',
      prompt: 'Seed 000\'s CRUD service gets `POST /orders/`, then `PUT …/status/` to `processing`, then to `shipped`. What can its `orders` collection still tell you?',
      multiple: false,
      choices: [
        { id: 'now-only', text: 'That the order is `shipped`, and nothing about it ever having been `processing`.', correct: true, explanation: 'The second update overwrote the status in place. The row says what is true now; the fact that it was processing is gone.' },
        { id: 'previous-version', text: 'That it was `processing` and then `shipped`: the database keeps the previous version of the row.', correct: false, explanation: 'An update replaces the field. Unless you build a history table yourself, no earlier version is kept.' },
        { id: 'timestamp', text: 'When it started processing, from the row\'s timestamp.', correct: false, explanation: 'Seed 000\'s row has no timestamps, and an "updated at" field would be overwritten too: it could only say when the last change happened.' },
        { id: 'nothing', text: 'Nothing: an update deletes the row and writes a new one with a new id.', correct: false, explanation: 'The row keeps its `order_id` and its other fields; only the status is overwritten. The current state is there, the history is not.' },
      ],
    },
    {
      kind: 'choice',
      id: 'questions-only-events-answer',
      prompt: 'Which of these questions can the event list answer but the CRUD row cannot? Check every one.',
      multiple: true,
      choices: [
        { id: 'when-left', text: 'When did order 1001 leave `processing`?', correct: true, explanation: 'The `OrderStatusSet` to `shipped` records its time and that the previous status was `processing`. The row kept neither.' },
        { id: 'how-long', text: 'How long do orders sit in `processing`, on average?', correct: true, explanation: 'It needs the time each order entered and left `processing`: two facts per order that only the events keep.' },
        { id: 'status-now', text: 'What is the order\'s status now?', correct: false, explanation: 'Both answer it. The row holds it; the events give it by reading them in order and keeping the last status. Current state is not what CRUD loses.' },
        { id: 'cancelled-twice', text: 'Was the status set to `cancelled` twice?', correct: true, explanation: 'Each change is its own event, so two cancellations are two events. The row shows one `cancelled`, however many times it was written.' },
      ],
    },
    {
      kind: 'order',
      id: 'events-after-delete',
      prompt: 'With event sourcing, an order is placed, set to `processing`, set to `shipped`, then deleted. Put the events of its stream in order.',
      items: [
        { id: 'placed', text: '`OrderPlaced`', explanation: 'First: the stream starts with the fact that the order exists.' },
        { id: 'processing', text: '`OrderStatusSet` (processing, previous: pending)', explanation: 'Second: each status change is appended, with the status it replaced.' },
        { id: 'shipped', text: '`OrderStatusSet` (shipped, previous: processing)', explanation: 'Third: `processing` is still in the stream before it, which is the whole point.' },
        { id: 'deleted', text: '`OrderDeleted`', explanation: 'Last: deleting appends a tombstone. Read models drop the order; the three events before it stay.' },
      ],
    },
    {
      kind: 'choice',
      id: 'deleting',
      prompt: 'How does an event-sourced system delete an order?',
      multiple: false,
      choices: [
        { id: 'tombstone', text: 'It appends an `OrderDeleted` event; read models drop the order, the history stays.', correct: true, explanation: 'A deletion is one more fact. Queries stop showing the order, and the log can still say what happened to it before.' },
        { id: 'remove-events', text: 'It removes the order\'s events from the store.', correct: false, explanation: 'Events are never deleted: the log is the source of truth, and removing events would change what every replay computes.' },
        { id: 'flag-event', text: 'It marks the `OrderPlaced` event as deleted.', correct: false, explanation: 'That would update a stored event, and events are immutable. The deletion is a new event instead.' },
        { id: 'cannot', text: 'It cannot: an append-only log has no way to delete anything.', correct: false, explanation: 'It cannot erase events, but it can record that the order was deleted, and every read model acts on that.' },
      ],
    },
    {
      kind: 'choice',
      id: 'seed-000-rules',
      prompt: 'In seed 000, an order is `shipped` and someone sends `PUT …/status/` with `pending`. What happens?',
      multiple: false,
      choices: [
        { id: 'accepted', text: 'It is accepted: seed 000 has no rules about which status may follow which.', correct: true, explanation: 'Seed 000 overwrites any status with any other. Rules about transitions come with seed 002\'s state machine.' },
        { id: 'conflict', text: 'It is refused with 409, because a shipped order cannot go back to pending.', correct: false, explanation: 'That is seed 002\'s state machine. Seed 000 has none, and the API console\'s seed 000 endpoints accept it.' },
        { id: 'store-refuses', text: 'The event store refuses it: an append-only log cannot go back to an earlier status.', correct: false, explanation: 'The store appends whatever is decided; it knows nothing about statuses. Rules live in the decider, not in the log.' },
      ],
    },
  ],
};
