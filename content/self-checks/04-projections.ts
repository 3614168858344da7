import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'projections',
  questions: [
    {
      kind: 'choice',
      id: 'lag',
      prompt: 'The log\'s head is at global position 120; the `orders` projection\'s checkpoint is 117. What is its lag, and what does it mean?',
      multiple: false,
      choices: [
        { id: 'three', text: '3: the read model has not applied the last three events yet.', correct: true, explanation: 'Lag = head position − checkpoint = 120 − 117. Queries on it miss those three events until the projector applies them.' },
        { id: 'three-lost', text: '3: three events were lost and must be appended again.', correct: false, explanation: 'Nothing is lost. The events are in the log; the projector will apply them from its checkpoint.' },
        { id: 'seconds', text: '117: the number of seconds since the projection last ran.', correct: false, explanation: 'Lag here is counted in events, not time: the head position minus the checkpoint.' },
      ],
    },
    {
      kind: 'choice',
      id: 'one-transaction',
      prompt: 'Why does the projector write a batch of read-model changes and its new checkpoint in one transaction?',
      multiple: false,
      choices: [
        { id: 'crash-safe', text: 'So that a crash never applies an event twice or skips one.', correct: true, explanation: 'Either both are written or neither. After a restart the projector continues from a checkpoint that matches the read model exactly.' },
        { id: 'speed', text: 'Because one transaction is faster than two.', correct: false, explanation: 'It may be, but that is not the reason: with two transactions, a crash between them leaves a checkpoint that does not match the documents.' },
        { id: 'readers-wait', text: 'So that queries wait until the read model has caught up with the log.', correct: false, explanation: 'Queries never wait for the projector; they read whatever has been applied. The transaction protects the projector, not the reader.' },
      ],
    },
    {
      kind: 'choice',
      id: 'decide-from-stream',
      prompt: 'A `ShipOrder` command must check that the order is `processing`. Where should it read the status?',
      multiple: false,
      choices: [
        { id: 'stream', text: 'From the order\'s stream, folded on the write side.', correct: true, explanation: 'The stream is always current. Together with the expected version on the append, the decision cannot act on an old status.' },
        { id: 'read-model', text: 'From the `orders` read model: it already holds the status.', correct: false, explanation: 'The read model may be behind the log. A command deciding from it could ship an order that was cancelled a moment ago.' },
        { id: 'client', text: 'From the status the client shows on its screen.', correct: false, explanation: 'The screen is at least as stale as the read model it came from. The client can send the version it saw, but the rules are checked on the stream.' },
      ],
    },
    {
      kind: 'read-model',
      id: 'orders-by-status',
      prompt: '`GET /api/v1/orders/status/shipped`: every shipped order, with its customer and total.',
      choices: [
        { readModel: 'orders', correct: true, explanation: 'One document per order with its status (and an index by status), so the query reads only the shipped ones.' },
        { readModel: 'orderSummary', correct: false, explanation: 'It knows how many orders are shipped and their revenue, but not which orders they are.' },
        { readModel: 'topCustomers', correct: false, explanation: 'It adds orders up per customer; the individual orders and their statuses are not in it.' },
        { readModel: 'users', correct: false, explanation: 'Users of seed 001 have no orders.' },
      ],
    },
    {
      kind: 'choice',
      id: 'what-rebuild-does',
      prompt: 'A read model is deleted and rebuilt by replaying the log from position 0. What can that do? Check every one.',
      multiple: true,
      choices: [
        { id: 'fix-bug', text: 'Fix the documents after a bug in the projection\'s code is fixed.', correct: true, explanation: 'The fixed evolve function recomputes every document from the same events.' },
        { id: 'new-read-model', text: 'Fill a brand-new read model ("orders per product") with all the old data.', correct: true, explanation: 'A projection written today can be fed every event since day one.' },
        { id: 'undo-event', text: 'Undo a wrong event that was appended by mistake.', correct: false, explanation: 'A replay applies the same events again, the wrong one included. A mistake in the log is corrected by appending a new event.' },
        { id: 'move-store', text: 'Move the read model to another database.', correct: true, explanation: 'Read models are derived: replay into the new store and switch the queries to it.' },
      ],
    },
  ],
};
