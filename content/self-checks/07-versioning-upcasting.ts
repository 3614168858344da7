import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'versioning-upcasting',
  questions: [
    {
      kind: 'choice',
      id: 'unknown-price',
      prompt: 'Seed 000\'s `OrderPlaced` v1 has a product and a quantity but no price. What should its upcaster put in v2\'s `total`?',
      multiple: false,
      choices: [
        { id: 'zero-and-null', text: '0, with `unitPrice: 0` and `customerEmail: null`: v1 never knew them, and the upcaster says so.', correct: true, explanation: 'An upcaster translates what was recorded; it must not invent facts. The lesson\'s upcaster does exactly this.' },
        { id: 'catalogue', text: 'Today\'s catalogue price times the quantity.', correct: false, explanation: 'That invents a fact: the price then may have been different, and the upcaster would no longer be a pure function of the stored event.' },
        { id: 'rewrite', text: 'Nothing: rewrite the stored v1 events as v2 once, with the right prices.', correct: false, explanation: 'The log is append-only, and the stored v1 bytes are the evidence that lets you fix an upcaster later.' },
      ],
    },
    {
      kind: 'choice',
      id: 'rules-of-thumb',
      prompt: 'Which of these follow the lesson\'s rules of thumb? Check every one.',
      multiple: true,
      choices: [
        { id: 'optional-no-version', text: 'Adding a new optional field needs no new schema version.', correct: true, explanation: 'Old events simply lack it and readers treat it as absent: add, don\'t change.' },
        { id: 'rename-version', text: 'Renaming a field needs a new schema version and an upcaster.', correct: true, explanation: 'Old events carry the old name; without an upcaster, today\'s code would read the field as missing.' },
        { id: 'keep-bytes', text: 'Upcast on read and keep the stored bytes as they are.', correct: true, explanation: 'The original is the evidence: a buggy upcaster can be fixed and the events read again.' },
        { id: 'branch-evolve', text: '`evolve` should check `schemaVersion` and handle each version itself.', correct: false, explanation: 'Upcasters exist so that `evolve` and projections only ever see the latest version, with no `if (version === 1)` in them.' },
      ],
    },
    {
      kind: 'order',
      id: 'reading-an-old-event',
      prompt: 'The current `OrderPlaced` is version 3, and a stored event is version 1. Put the steps of reading it in order.',
      items: [
        { id: 'read', text: 'Read the stored v1 payload, unchanged', explanation: 'First: the store reads what was written; nothing on disk is changed.' },
        { id: 'v1-v2', text: 'Upcast v1 → v2', explanation: 'Second: one small pure function per step, starting from the event\'s own version.' },
        { id: 'v2-v3', text: 'Upcast v2 → v3', explanation: 'Third: steps chain, so each upcaster only knows its neighbour versions.' },
        { id: 'evolve', text: '`evolve` or a projection applies it as a v3 event', explanation: 'Last: the code that applies events only ever sees the current version.' },
      ],
    },
    {
      kind: 'choice',
      id: 'returned-order',
      prompt: 'Customers can now return a delivered order. How should the event log record a return?',
      multiple: false,
      choices: [
        { id: 'new-type', text: 'A new event type, `OrderReturned`.', correct: true, explanation: 'A return is a new fact, not a new shape of an old one; it deserves its own type.' },
        { id: 'delivered-v3', text: 'Version 3 of `OrderDelivered`, with a `returned` flag.', correct: false, explanation: 'A delivery that happened did not become a return; versioning it would change the meaning of every old delivery.' },
        { id: 'edit-delivered', text: 'Change the order\'s `OrderDelivered` event to say it was returned.', correct: false, explanation: 'Stored events are never edited; the delivery happened and stays in the log.' },
      ],
    },
    {
      kind: 'choice',
      id: 'import-then-export',
      prompt: 'You import a file of `OrderPlaced` v1 events on the Data screen, then export the store. What is in the exported file?',
      multiple: false,
      choices: [
        { id: 'v2-file', text: 'Version 2 events: an export writes events as the store presents them, while the rows in the browser stay version 1.', correct: true, explanation: 'The events are upcast as they are read, and an export reads them. The stored rows are never rewritten.' },
        { id: 'v1-file', text: 'Version 1 events, exactly as imported.', correct: false, explanation: 'The rows are stored as version 1, but the export reads them through the upcaster like any other reader.' },
        { id: 'refused', text: 'Nothing: the export refuses events older than the current version.', correct: false, explanation: 'Old events are never a problem to read: that is what upcasters are for.' },
      ],
    },
  ],
};
