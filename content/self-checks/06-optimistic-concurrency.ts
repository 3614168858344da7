import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'optimistic-concurrency',
  questions: [
    {
      kind: 'order',
      id: 'the-race',
      prompt: 'Tab A ships order 1001 while tab B cancels it. Put what happens in order.',
      items: [
        { id: 'both-read', text: 'Both tabs read `order-1001` at version 3 (`processing`)', explanation: 'First: both decide from the same state, which is how a race starts.' },
        { id: 'a-appends', text: 'Tab A appends `OrderShipped` with expected version 3; the stream moves to 4', explanation: 'Second: the first append finds the stream at the version it expected, so it wins.' },
        { id: 'b-conflict', text: 'Tab B appends `OrderCancelled` with expected version 3 and gets a `ConcurrencyError` (actual 4)', explanation: 'Third: the stream moved since B read it, so the store refuses B\'s append whole.' },
        { id: 'b-reloads', text: 'Tab B reloads the stream: version 4, `shipped`', explanation: 'Fourth: a retry starts by loading the current state, not by re-sending the old events.' },
        { id: 'b-refused', text: 'Tab B decides again: cancelling a shipped order is refused', explanation: 'Last: the new decision sees `shipped`, and the state machine refuses the cancel with a clear domain error.' },
      ],
    },
    {
      kind: 'choice',
      id: 'why-optimistic',
      prompt: 'Why is this concurrency control called optimistic?',
      multiple: false,
      choices: [
        { id: 'no-locks', text: 'Nobody locks anything: conflicts are assumed rare, detected at write time, and handled by deciding again.', correct: true, explanation: 'Readers never wait; the expected version catches the rare race when the second write arrives.' },
        { id: 'no-conflicts', text: 'It assumes conflicts never happen, so it does not check for them.', correct: false, explanation: 'It checks on every append. It only assumes conflicts are rare enough that retrying beats locking.' },
        { id: 'retries-until', text: 'It retries a refused append until it succeeds.', correct: false, explanation: 'A retry reloads and decides again, and that decision may refuse the command: success is not the goal, a correct decision is.' },
      ],
    },
    {
      kind: 'choice',
      id: 'after-the-error',
      prompt: 'Tab B got the `ConcurrencyError`. What is the right retry?',
      multiple: false,
      choices: [
        { id: 'reload-decide', text: 'Reload the stream, fold it, and run `decide` again on the new state.', correct: true, explanation: 'The events B wanted to append were decided from an old state; only a new decision can say whether the cancel still makes sense.' },
        { id: 'resend', text: 'Append the same `OrderCancelled` again with expected version 4.', correct: false, explanation: 'That is a blind re-send: the stream would say shipped and then cancelled, the state the guard exists to prevent.' },
        { id: 'no-version', text: 'Append it without an expected version, so the store accepts it.', correct: false, explanation: 'Dropping the guard is exactly how the forbidden state gets in.' },
      ],
    },
    {
      kind: 'choice',
      id: 'same-command-id',
      prompt: 'A client times out and sends the same `PlaceOrder` again with the same `commandId`. The first one had been recorded. What happens?',
      multiple: false,
      choices: [
        { id: 'earlier-result', text: 'The store finds the recorded command id and returns the earlier result; nothing new is appended.', correct: true, explanation: 'Idempotency: the command id identifies the request, so a retry cannot place the order twice.' },
        { id: 'two-orders', text: 'A second order is placed: each request is a new command.', correct: false, explanation: 'That is the bug idempotency prevents. The same command id means the same command.' },
        { id: 'conflict', text: 'It gets a `ConcurrencyError`, because the stream already exists.', correct: false, explanation: 'The handler checks the command id before deciding, so the client gets the first answer back, not an error it would have to interpret.' },
      ],
    },
    {
      kind: 'choice',
      id: 'across-tabs',
      prompt: 'In this workbook, what makes the guard hold when two browser tabs race on one stream?',
      multiple: false,
      choices: [
        { id: 'unique-index', text: 'IndexedDB\'s unique index on `[streamId+streamPosition]`: the second write of position 4 fails.', correct: true, explanation: 'The database enforces it, so it holds whichever tab writes first, even between the version check and the write.' },
        { id: 'js-lock', text: 'A lock in the page\'s JavaScript around each append.', correct: false, explanation: 'Each tab has its own JavaScript memory; a lock in one tab cannot stop the other.' },
        { id: 'broadcast', text: 'The tabs tell each other over a BroadcastChannel before they append.', correct: false, explanation: 'A message tells the other tab something happened, after the fact; it cannot stop a write that is already on its way. Only the database can refuse it.' },
      ],
    },
  ],
};
