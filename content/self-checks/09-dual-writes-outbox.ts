import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'dual-writes-outbox',
  questions: [
    {
      kind: 'choice',
      id: 'retry-after-crash',
      prompt: 'A tab appends `OrderPlaced`, then crashes before writing the CRUD row. The same command is retried with the same command id, and the code writes the row only after a new append. What happens?',
      multiple: false,
      choices: [
        { id: 'permanent', text: 'The store returns the earlier events without appending, the row is skipped again, and the loss is permanent.', correct: true, explanation: 'Idempotency on the first write plus a second write tied to a new append: the retry can never repair the second write.' },
        { id: 'repaired', text: 'The retry writes the row, because the command is run again.', correct: false, explanation: 'The command is not run again: the command id is already recorded, so the store answers with the earlier result and nothing new is appended.' },
        { id: 'duplicate', text: 'The order is placed twice, and the row is written for the second one.', correct: false, explanation: 'The same command id prevents a second order; that part works. It is the row that is lost.' },
      ],
    },
    {
      kind: 'choice',
      id: 'the-fixes',
      prompt: 'Which of these make the second write reliable? Check every one.',
      multiple: true,
      choices: [
        { id: 'outbox', text: 'Write the second write\'s intent to an outbox table in the same transaction as the first, and let a relay deliver it.', correct: true, explanation: 'The two writes become one transaction plus a retried delivery.' },
        { id: 'from-log', text: 'Make the second write a consumer that follows the event log with a checkpoint.', correct: true, explanation: 'In an event-sourced system the log already is an outbox; a crash only delays the consumer.' },
        { id: 'try-catch', text: 'Wrap both writes in `try`/`catch` and undo the first when the second throws.', correct: false, explanation: 'A crash runs no `catch`: the process is gone between the two writes, which is exactly the case to handle.' },
        { id: 'write-twice', text: 'Write both, then write the second again a moment later to be sure.', correct: false, explanation: 'The second attempt is lost in the same crash. This is "write both and hope".' },
      ],
    },
    {
      kind: 'order',
      id: 'outbox-steps',
      prompt: 'Put the life of one outbox entry in order.',
      items: [
        { id: 'same-tx', text: 'One transaction writes the order row and the outbox entry', explanation: 'First: both or neither, so no crash can leave one without the other.' },
        { id: 'relay-reads', text: 'The relay reads the pending entry', explanation: 'Second: the relay works from the outbox, not from memory, so it survives a crash.' },
        { id: 'deliver', text: 'The relay delivers the message', explanation: 'Third: if it crashes after this, the entry is still pending and will be delivered again.' },
        { id: 'ack', text: 'The receiver acknowledges it', explanation: 'Fourth: only an acknowledgement proves the delivery arrived.' },
        { id: 'mark-done', text: 'The relay marks the entry done', explanation: 'Last: after the acknowledgement; marking first would lose the message in a crash.' },
      ],
    },
    {
      kind: 'choice',
      id: 'crash-after-fix',
      prompt: 'In this app the CRUD twin follows the log with its own checkpoint. What does a crash between the append and the twin\'s write leave?',
      multiple: false,
      choices: [
        { id: 'behind', text: 'The twin behind, never wrong: it catches up from its checkpoint.', correct: true, explanation: 'The rows and the checkpoint are written in one transaction, so the twin re-reads exactly what it had not applied.' },
        { id: 'wrong', text: 'The twin wrong until someone repairs it by hand.', correct: false, explanation: 'That was the dual write. Derived from the log, the twin can only be late.' },
        { id: 'refused', text: 'The command refused, since the twin could not be written.', correct: false, explanation: 'The answer to a command is what the log recorded; the twin catching up does not change it.' },
      ],
    },
    {
      kind: 'choice',
      id: 'delivery-guarantee',
      prompt: 'What does an outbox relay guarantee about delivery?',
      multiple: false,
      choices: [
        { id: 'at-least-once', text: 'At least once: an entry may be delivered again after a crash, so the receiver must be idempotent.', correct: true, explanation: 'The relay can crash between delivering and marking the entry done, then deliver it again.' },
        { id: 'exactly-once', text: 'Exactly once: the transaction makes duplicates impossible.', correct: false, explanation: 'The transaction covers the first write and the outbox entry, not the delivery to another system.' },
        { id: 'at-most-once', text: 'At most once: an entry is marked done before it is delivered.', correct: false, explanation: 'That order would lose messages on a crash; the relay marks an entry done only after it was acknowledged.' },
      ],
    },
  ],
};
