import type { Misconception } from '../rubric';

/** Misconceptions that can turn up in several answers; each rubric lists the ones that fit its question. */

export const EVENTS_ARE_CHANGED: Misconception = {
  says: 'that stored events are changed or deleted',
  correction: 'the event store is append-only: a stored event is never updated or deleted, a correction is a new event',
  patterns: [
    'event* {can|may|could|should|might|must} be {updat*|modif*|edit*|delet*|remov*|overwrit*|mutat*|rewrit*|chang*|alter*}',
    'event* {updat*|modif*|edit*|overwrit*|mutat*|rewrit*|chang*} in_place',
    '{delet*|remov*|purg*|discard*|drop*|truncat*} {old|older|previous|past|earlier|prior|existing} event*',
    '{updat*|modif*|edit*|overwrit*|rewrit*|alter*} {existing|stored|past|old|previous|original|earlier|last} event*',
    'event* {are|is|get|gets|were|was} {updat*|modif*|edit*|delet*|overwrit*|mutat*|rewrit*} {when|whenever|if|every|each}',
  ],
};

export const READ_MODEL_ALWAYS_CONSISTENT: Misconception = {
  says: 'that the read model is always immediately consistent',
  correction: 'it is updated asynchronously after the event is published, so it is eventually consistent and can be briefly stale',
  patterns: [
    '{always|immediat*|instant*} consisten*',
    'read_model same_transaction',
    '{always|immediat*|instant*} up_to_date',
    'synchronous* {updat*|written|writ*|refresh*}',
    'never {stale|out_of_date|behind|lag*}',
  ],
};

export const QUERIES_CHANGE_STATE: Misconception = {
  says: 'that queries change state',
  correction: 'a query only reads: it never changes state',
  patterns: [
    '{query|queri*} {chang*|modif*|mutat*|alter*|updat*|delet*} {state|data|order*|database|record*|system|anything}',
    '{query|queri*} {have|has|cause*} side_effect*',
  ],
};
