import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'aggregate-boundaries',
  questions: [
    {
      kind: 'choice',
      id: 'cross-aggregate-invariant',
      prompt: '"An order is confirmed only if its stock is reserved and its payment charged." How does this invariant hold?',
      multiple: false,
      choices: [
        { id: 'eventually', text: 'Eventually: a saga reserves, charges and confirms step by step, and compensates when a step fails.', correct: true, explanation: 'It spans three streams, and the store appends to one stream at a time, so no single transaction can check it.' },
        { id: 'one-tx', text: 'In one transaction across the order, payment and inventory streams.', correct: false, explanation: 'Nothing spans two streams: each append is atomic for one stream only.' },
        { id: 'read-model', text: 'By checking a read model that joins the three before confirming.', correct: false, explanation: 'A read model lags the log, and checking it is not an atomic part of the append: the invariant could break between the check and the write.' },
      ],
    },
    {
      kind: 'choice',
      id: 'stock-not-in-order',
      prompt: 'Why does the Laptop\'s stock live in `inventory-Laptop` and not in each order\'s stream?',
      multiple: false,
      choices: [
        { id: 'one-place', text: 'So one stream decides "enough Laptops left": with stock spread over orders, every order would have to read all the others.', correct: true, explanation: 'They change for different reasons and at different rates; the stock\'s invariant needs one stream of its own.' },
        { id: 'speed-only', text: 'Only to keep order streams short enough to load without snapshots.', correct: false, explanation: 'Short streams are a bonus; the reason is where the stock invariant can be checked.' },
        { id: 'no-reason', text: 'It could live in either; the split is a matter of taste.', correct: false, explanation: 'Where an invariant lives decides whether it can be checked at all. In the orders\' streams it could not.' },
      ],
    },
    {
      kind: 'choice',
      id: 'one-big-stream',
      prompt: 'A team puts the whole shop in one stream, so every invariant can be checked in one transaction. What goes wrong?',
      multiple: false,
      choices: [
        { id: 'contention', text: 'Every command races with every other on that stream\'s expected version.', correct: true, explanation: 'A stream is a unit of contention: two unrelated orders would now conflict, and one of them must decide again.' },
        { id: 'nothing', text: 'Nothing: with one stream, no saga is needed and everything is consistent.', correct: false, explanation: 'Consistent, but every write waits on every other one, and loading the stream means folding the whole shop.' },
        { id: 'lost-events', text: 'Events get lost when two commands append at once.', correct: false, explanation: 'The expected version prevents lost events; the cost is the conflicts, not lost data.' },
      ],
    },
    {
      kind: 'choice',
      id: 'at-every-instant',
      prompt: 'Which of these invariants hold at every instant, because one stream guards them? Check every one.',
      multiple: true,
      choices: [
        { id: 'not-shipped-and-cancelled', text: 'An order is never both shipped and cancelled.', correct: true, explanation: 'Both are events of the order\'s own stream, decided with its expected version.' },
        { id: 'no-overbooking', text: 'A product is never reserved beyond what is available.', correct: true, explanation: 'Every reservation of the Laptop is decided on `inventory-Laptop`, which refuses one for more than is available.' },
        { id: 'money-matches', text: 'The money charged always equals the totals of the confirmed orders.', correct: false, explanation: 'Payment and order are two streams: between the charge and the confirmation, the two disagree for a moment. It holds eventually.' },
      ],
    },
    {
      kind: 'choice',
      id: 'boundary-smell',
      prompt: 'The saga between two aggregates keeps failing and compensating. What does the lesson suggest?',
      multiple: false,
      choices: [
        { id: 'boundary-wrong', text: 'The boundary may be wrong: things that must always change together belong in one aggregate.', correct: true, explanation: 'Choosing boundaries is choosing which invariants must hold at every instant; a saga that keeps failing is a sign one of them needs to.' },
        { id: 'more-retries', text: 'Add more retries to the saga\'s steps.', correct: false, explanation: 'Retries help a service that is briefly down, not a boundary that splits what belongs together.' },
        { id: 'lock', text: 'Lock both streams while the saga runs.', correct: false, explanation: 'That is a distributed transaction in disguise, with the availability cost and none of the store\'s support.' },
      ],
    },
  ],
};
