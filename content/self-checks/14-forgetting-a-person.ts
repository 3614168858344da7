import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'forgetting-a-person',
  questions: [
    {
      kind: 'choice',
      id: 'why-not-delete-events',
      prompt: 'A customer asks to be forgotten. Why not delete their `OrderPlaced` events?',
      multiple: false,
      choices: [
        { id: 'breaks-log', text: 'The log is the truth that replays rebuild everything from, and the events also hold facts that are not personal: totals, statuses, revenue.', correct: true, explanation: 'Deleting events would change every read model a replay computes and take the shop\'s own history with the email.' },
        { id: 'impossible', text: 'IndexedDB cannot delete rows.', correct: false, explanation: 'It can; the reason is what the log means, not what the database can do.' },
        { id: 'not-personal', text: 'An email in an event is not personal data.', correct: false, explanation: 'It is personal data wherever it is stored; that is why the lesson needs a plan for it.' },
      ],
    },
    {
      kind: 'choice',
      id: 'what-forget-deletes',
      prompt: 'With crypto-shredding, what does "Forget customer" delete?',
      multiple: false,
      choices: [
        { id: 'key', text: 'The customer\'s key; the ciphertext stays in the log, byte for byte, and reads as `[forgotten]`.', correct: true, explanation: 'Without the key nobody can read the fields, in this store, in an export or in a backup of the log.' },
        { id: 'ciphertext', text: 'The encrypted fields inside the events.', correct: false, explanation: 'That would edit stored events. The events are untouched; only the key goes.' },
        { id: 'events', text: 'The customer\'s events, which were encrypted so they could be deleted.', correct: false, explanation: 'No event is deleted; encryption is what makes deleting them unnecessary.' },
      ],
    },
    {
      kind: 'choice',
      id: 'still-to-do',
      prompt: 'The key is deleted. Which copies still need something done? Check every one.',
      multiple: true,
      choices: [
        { id: 'read-models', text: 'Read models, which were computed while the key existed and hold plain values.', correct: true, explanation: 'They are disposable copies: the workbook rebuilds every read model from the log, and the email comes back as forgotten.' },
        { id: 'key-backups', text: 'Old backups of the key table.', correct: true, explanation: 'A restored old key table would bring the forgotten person back; back it up apart, with a short retention.' },
        { id: 'log-backup', text: 'Last month\'s backup of the event log.', correct: false, explanation: 'It holds the same ciphertext, which no key opens any more: nothing to rewrite.' },
        { id: 'export', text: 'An export of the log made last week.', correct: false, explanation: 'Exports write ciphertext too; without the key the fields read as forgotten.' },
      ],
    },
    {
      kind: 'choice',
      id: 'email-as-id',
      prompt: 'A shop uses the customer\'s email as their `customerId`. What does crypto-shredding do for them?',
      multiple: false,
      choices: [
        { id: 'cannot', text: 'Not enough: the subject id stays readable in every event, so it must be opaque (`cust-7`), not the email.', correct: true, explanation: 'Totals and counts are keyed by the subject id, so it is never encrypted. An email there cannot be shredded this way.' },
        { id: 'encrypts-id', text: 'It encrypts the id too, so the email is forgotten with the key.', correct: false, explanation: 'The id stays plain on purpose: projections group by it and streams are named by it.' },
        { id: 'fine', text: 'Nothing changes: an email as id is as good as any other.', correct: false, explanation: 'An id that is personal data in itself defeats forgetting.' },
      ],
    },
    {
      kind: 'read-model',
      id: 'orders-by-email',
      prompt: 'Support looks up a customer\'s orders by their email, now that emails in the events are encrypted with a random IV. Where can the query run?',
      choices: [
        { readModel: 'orders', correct: true, explanation: 'Its documents hold plain emails (rebuilt when someone is forgotten), and `ordersByCustomerEmail` queries it. Randomised ciphertext in the log cannot be searched.' },
        { readModel: 'topCustomers', correct: false, explanation: 'It holds each customer\'s spend and latest email, not their orders.' },
        { readModel: 'orderSummary', correct: false, explanation: 'It holds counts per status for the whole shop; no customer is in it.' },
        { readModel: 'users', correct: false, explanation: 'Seed 001\'s users have emails but no orders.' },
      ],
    },
  ],
};
