import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'at-least-once',
  questions: [
    {
      kind: 'choice',
      id: 'redelivery-sources',
      prompt: 'Which of these can hand a consumer the same event twice? Check every one.',
      multiple: true,
      choices: [
        { id: 'crash', text: 'A crash after applying the event and before moving the checkpoint.', correct: true, explanation: 'After the restart the checkpoint still points before the event, so it is read again.' },
        { id: 'broker-retry', text: 'A broker retrying after an acknowledgement timed out.', correct: true, explanation: 'The broker cannot tell a slow consumer from a dead one, so it delivers again.' },
        { id: 'second-worker', text: 'A second worker (another tab) that read the same checkpoint.', correct: true, explanation: 'Both start from the same position and both see the same events.' },
        { id: 'query', text: 'A query reading the read model while the projector runs.', correct: false, explanation: 'A query reads documents; it delivers nothing to the consumer and changes nothing.' },
      ],
    },
    {
      kind: 'choice',
      id: 'at-most-once',
      prompt: 'A consumer records an event as handled first, then applies it. What is the risk?',
      multiple: false,
      choices: [
        { id: 'loses', text: 'A crash between the two loses the event: it counts as handled but was never applied.', correct: true, explanation: 'That is at-most-once delivery. Systems prefer at-least-once, with idempotent consumers.' },
        { id: 'twice', text: 'A crash between the two applies the event twice.', correct: false, explanation: 'That is the risk of the other order (apply, then record). Recording first means the event is never seen again.' },
        { id: 'none', text: 'None: this is how exactly-once delivery works.', correct: false, explanation: 'Exactly-once is not on offer between a log and its consumers; this order is at-most-once.' },
      ],
    },
    {
      kind: 'choice',
      id: 'email-consumer',
      prompt: 'A consumer emails the customer when an order ships. How do you keep a redelivered `OrderShipped` from sending a second email?',
      multiple: false,
      choices: [
        { id: 'inbox', text: 'Keep an inbox of handled event ids and skip one already seen; pass the event id to the mail service as an idempotency key.', correct: true, explanation: 'The effect is outside your database, so no shared transaction exists; the inbox and the idempotency key close the gap.' },
        { id: 'checkpoint-tx', text: 'Move the checkpoint in the same transaction as sending the email.', correct: false, explanation: 'A mail server does not take part in your database transaction: that defence needs the effect and the checkpoint in one store.' },
        { id: 'exactly-once', text: 'Ask the log for exactly-once delivery.', correct: false, explanation: 'The log delivers at least once; deduplication is the consumer\'s job.' },
      ],
    },
    {
      kind: 'read-model',
      id: 'spend-per-customer',
      prompt: 'A support screen shows how much each customer has spent, and must not count an order twice when an `OrderPlaced` is delivered again. Which read model answers it?',
      choices: [
        { readModel: 'topCustomers', correct: true, explanation: 'One document per customer with their spend. It also keeps a small document per order saying whether that order is counted, so an `OrderPlaced` it has already counted is ignored: a second defence inside the read model, behind the checkpoint.' },
        { readModel: 'orderSummary', correct: false, explanation: 'It counts orders and revenue per status for the whole shop; it has no per-customer figures.' },
        { readModel: 'orders', correct: false, explanation: 'Each order names its customer, so you could add them up, but only by reading every order on every query; the spend per customer is kept ready in another read model.' },
        { readModel: 'users', correct: false, explanation: 'It holds seed 001\'s users and handles no order events.' },
      ],
    },
    {
      kind: 'choice',
      id: 'same-transaction-defence',
      prompt: 'How does every read model in the workbook make redelivery harmless?',
      multiple: false,
      choices: [
        { id: 'checkpoint-tx', text: 'It writes its changes and its checkpoint in one transaction, and drops events at or below the checkpoint.', correct: true, explanation: 'After a crash it re-reads only events it had not committed; anything at or below the checkpoint never reaches `evolve`.' },
        { id: 'inbox', text: 'It keeps an inbox of every event id it has applied.', correct: false, explanation: 'With the read model and the checkpoint in one store, the checkpoint alone does the job; an inbox is for effects outside the database.' },
        { id: 'idempotent-evolve', text: 'It relies on every evolve function giving the same result when applied twice.', correct: false, explanation: 'Some are written defensively (the summary ignores an order it already counted), but nothing forces an evolve function to be: one that adds one per event would count twice. The checkpoint, moved in the same transaction, keeps redeliveries from every read model.' },
      ],
    },
  ],
};
