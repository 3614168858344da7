import type { Misconception } from '../rubric';

/** Misconceptions that can turn up in several answers; each rubric lists the ones that fit its question. */

/** A correction appended as a new event is the right practice, not the misconception. */
const CORRECTED_BY_A_NEW_EVENT = ['new event', 'new one', 'another event', 'compensat*', 'correcting event', 'correction event', 'correct event', 'reversal', 'revers*', 'additional event', 'later event', 'further event'];

export const EVENTS_ARE_CHANGED: Misconception = {
  says: 'that stored events are changed or deleted',
  correction: 'the event store is append-only: a stored event is never updated or deleted, a correction is a new event',
  claims: [
    { claim: '* change|delete|overwrite event', unless: CORRECTED_BY_A_NEW_EVENT },
    { claim: 'event NOT immutable' },
  ],
};

export const READ_MODEL_ALWAYS_CONSISTENT: Misconception = {
  says: 'that the read model is always immediately consistent',
  correction: 'it is updated asynchronously after the event is published, so it is eventually consistent and can be briefly stale',
  claims: ['read-model|query always-consistent', 'read-model|query NOT eventually-consistent', { claim: '* always-consistent read-model' }],
};

export const QUERIES_CHANGE_STATE: Misconception = {
  says: 'that queries change state',
  correction: 'a query only reads: it never changes state',
  claims: ['query change|delete|overwrite', 'query NOT immutable'],
};
