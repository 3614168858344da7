import type { SelfCheck } from '../../src/workbook/selfCheck/types';

/** The four tools of the lesson, as choices of every "which tool" question (each explained for that change). */
const tools = (explain: { tolerant: string; upcaster: string; newType: string; copy: string }, right: keyof typeof explain) => [
  { id: 'tolerant', text: 'A tolerant reader (no new version)', correct: right === 'tolerant', explanation: explain.tolerant },
  { id: 'upcaster', text: 'An upcaster (a new schema version)', correct: right === 'upcaster', explanation: explain.upcaster },
  { id: 'new-type', text: 'A new event type', correct: right === 'newType', explanation: explain.newType },
  { id: 'copy', text: 'Copy and transform into a new stream', correct: right === 'copy', explanation: explain.copy },
];

export const selfCheck: SelfCheck = {
  lessonId: 'evolving-events',
  questions: [
    {
      kind: 'choice',
      id: 'field-added',
      prompt: '`OrderShipped` gets a new, optional `carrier` field. Which tool fits?',
      multiple: false,
      choices: tools(
        {
          tolerant: 'Most changes are additions: old events lack `carrier`, readers give it a default that means "unknown". No new version needed.',
          upcaster: 'Nothing in the old events needs translating; a version bump would add a function to keep forever for no gain.',
          newType: 'Nothing new happens: it is still a shipment, with one more detail.',
          copy: 'The heavy tool, for when old events are wrong for the model. An added field does not make them wrong.',
        },
        'tolerant',
      ),
    },
    {
      kind: 'choice',
      id: 'field-split',
      prompt: '`customerName` is split into `firstName` and `lastName`. Which tool fits?',
      multiple: false,
      choices: tools(
        {
          tolerant: 'A default cannot split a name: the meaning of existing data needs translating, which a tolerant reader does not do.',
          upcaster: 'The shape of existing data changes: `schemaVersion` goes up and a small pure function turns v1 into v2 on read.',
          newType: 'The same fact is recorded, in a new shape; a new type would say something new happened.',
          copy: 'Possible but heavy: a migration to run and verify, when a function on read does it without touching the stream.',
        },
        'upcaster',
      ),
    },
    {
      kind: 'choice',
      id: 'lost-in-transit',
      prompt: 'Couriers can now report that a shipped parcel was lost in transit, which the shop never recorded before. Which tool fits?',
      multiple: false,
      choices: tools(
        {
          tolerant: 'No existing event changes shape; something happens that no event records yet.',
          upcaster: 'An upcaster translates old events; a lost parcel is not an old event in a new shape.',
          newType: 'A new fact deserves a new type (say `OrderLostInTransit`), not a flag on `OrderShipped`; evolve and every projection learn it, and old readers skip it.',
          copy: 'The old events are not wrong; the new fact just needs its own event from now on.',
        },
        'newType',
      ),
    },
    {
      kind: 'choice',
      id: 'split-stream',
      prompt: 'One stream per warehouse must become one stream per product, for every event recorded so far. Which tool fits?',
      multiple: false,
      choices: tools(
        {
          tolerant: 'A reader cannot change which stream an event is in.',
          upcaster: 'An upcaster changes one event\'s payload as it is read; it cannot move events between streams.',
          newType: 'Nothing new happened in the shop; the model\'s boundaries changed.',
          copy: 'Splitting a stream is what copy-and-transform is for: new events in new streams, the old stream kept as evidence while readers switch.',
        },
        'copy',
      ),
    },
    {
      kind: 'choice',
      id: 'unknown-type',
      prompt: 'An old reader, deployed before `OrderReturned` existed, meets one in the log. What should it do?',
      multiple: false,
      choices: [
        { id: 'ignore', text: 'Ignore it and go on with the next event.', correct: true, explanation: 'A reader that fails on an unknown type stops the whole log behind it; ignoring what it does not know is the tolerant way.' },
        { id: 'fail', text: 'Stop with an error until it is updated.', correct: false, explanation: 'Every new event type would then break every old reader at once, which makes adding a fact a coordinated release.' },
        { id: 'delete', text: 'Delete the unknown event from the log.', correct: false, explanation: 'Never: the log is append-only, and a newer reader needs that event.' },
      ],
    },
  ],
};
