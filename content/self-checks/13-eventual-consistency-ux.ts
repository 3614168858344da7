import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'eventual-consistency-ux',
  questions: [
    {
      kind: 'choice',
      id: 'after-ship',
      prompt: 'A person clicks "Ship". The command succeeded, but the `orders` read model still says `processing`. What should the screen show?',
      multiple: false,
      choices: [
        { id: 'command-result', text: 'What the command\'s own result says: the recorded `OrderShipped` and the stream\'s new version.', correct: true, explanation: 'Read your own writes: the command\'s result is current by definition, whatever the read model has applied.' },
        { id: 'requery', text: 'The read model again: query it right after the command.', correct: false, explanation: 'It may not have caught up, and then the screen tells the person their click did nothing.' },
        { id: 'reload', text: 'Ask the person to reload the page in a few seconds.', correct: false, explanation: 'That hands the system\'s lag to the person, who cannot know when "a few seconds" is enough.' },
      ],
    },
    {
      kind: 'choice',
      id: 'stop-pending',
      prompt: 'The row is marked "updating…" after the command. When should the mark go away?',
      multiple: false,
      choices: [
        { id: 'checkpoint-reaches', text: 'When the read model\'s checkpoint reaches the position of the command\'s last event.', correct: true, explanation: 'From then on, the read model includes that command\'s events: the row shows the new state.' },
        { id: 'timer', text: 'After one second: projections are usually faster than that.', correct: false, explanation: 'Usually is not always: under load the mark would disappear while the row is still stale.' },
        { id: 'lag-zero', text: 'When the read model\'s lag is 0.', correct: false, explanation: 'That is enough but not needed, and in a busy shop other people\'s commands may keep the lag above 0 for a long time.' },
      ],
    },
    {
      kind: 'choice',
      id: 'versions',
      prompt: 'A read of order 1001 returns version 5 (as an `ETag`). What is that version good for?',
      multiple: false,
      choices: [
        { id: 'expected-version', text: 'Sent back as the expected version, it makes the next command safe; a client can also ask to read "at least version 5".', correct: true, explanation: 'The version links what the person saw to what the command decides: if the order changed since, the command gets a conflict instead of acting on an old screen.' },
        { id: 'cache-only', text: 'Only for the browser\'s HTTP cache.', correct: false, explanation: 'It also works as an optimistic-concurrency token and as a freshness demand on the read side.' },
        { id: 'count', text: 'It counts how many times the order was read.', correct: false, explanation: 'The version is the stream\'s position: how many events the order has, not how often it was read.' },
      ],
    },
    {
      kind: 'read-model',
      id: 'order-detail',
      prompt: 'An order\'s detail page: its items, status and status history, and the version to send back with the next command.',
      choices: [
        { readModel: 'orders', correct: true, explanation: 'Its documents hold each order\'s items, status, status history and the stream version they include, which `GET` on the order sends as the `ETag`.' },
        { readModel: 'orderSummary', correct: false, explanation: 'It holds counts per status for the whole shop, not one order.' },
        { readModel: 'topCustomers', correct: false, explanation: 'It holds spend per customer; an order\'s items and history are not in it.' },
        { readModel: 'users', correct: false, explanation: 'Users have no orders in this read model.' },
      ],
    },
    {
      kind: 'choice',
      id: 'when-to-wait',
      prompt: 'When is it right to wait after a command (poll until the checkpoint passes the command\'s position)?',
      multiple: false,
      choices: [
        { id: 'few-screens', text: 'On the few screens where a stale answer would confuse more than a brief wait, with a short timeout.', correct: true, explanation: 'Waiting is simple but costs latency on every command, so keep it where it pays.' },
        { id: 'always', text: 'After every command, so no screen is ever stale.', correct: false, explanation: 'Every command would pay the projection\'s latency, and a stuck projector would block every screen.' },
        { id: 'never', text: 'Never: waiting defeats the purpose of CQRS.', correct: false, explanation: 'CQRS does not forbid it; for some screens a short wait is the simplest honest answer.' },
      ],
    },
  ],
};
