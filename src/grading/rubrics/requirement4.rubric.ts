import type { AnswerRubric } from '../rubric';
import { EVENTS_ARE_CHANGED } from './shared';

/** Requirement 4, event sourcing concepts: one rubric per question. */

/** "Latest state vs full history of changes (events)": a contrast written as a formula. */
const CURRENT_VERSUS_HISTORY = /\b(?:latest|current|last|present)\s+(?:state|value|version|row)s?\b[^.\n]*?\b(?:vs\.?|versus|against|compared (?:to|with))\s[^.\n]*\b(?:history|events?|changes)\b/i;

const EVENT_SIDE = 'event-sourcing|event-store|person|event';

export const STATE_VS_EVENTS: AnswerRubric = {
  topic: ['event-sourcing'],
  ordinals: [['state-persistence'], ['event-sourcing']],
  ideas: [
    {
      says: 'that event sourcing stores every change as an event (the full history)',
      formulas: [CURRENT_VERSUS_HISTORY],
      claims: [`${EVENT_SIDE} store|derive event|history`, `${EVENT_SIDE} store|derive`, { claim: 'event-sourcing store|derive|apply|overwrite|be', how: ['event*', 'history', 'change*'] }, 'history|event store'],
    },
    {
      says: 'that state-based persistence keeps only the current state, overwritten on each change',
      claims: [
        'state-persistence store|overwrite|change|delete|be state|history|*',
        { claim: '* overwrite|delete|change history|state|event', how: ['state-based', 'state based', 'crud', 'traditional', 'current state', 'latest state', 'only', 'in place', 'lose', 'lost'] },
        { claim: '* store state', how: ['only', 'just', 'current', 'latest', 'last'] },
        // "Instead of keeping the latest state in a table, event sourcing records…": the contrast says what the other does.
        { claim: '* NOT store|overwrite|change state', how: ['instead of', 'rather than', 'unlike'] },
      ],
      formulas: [CURRENT_VERSUS_HISTORY],
    },
  ],
  misconceptions: [
    {
      says: 'that event sourcing stores only the current state',
      correction: 'event sourcing stores the events; the current state is derived from them',
      claims: [
        { claim: 'event-sourcing|event-store store|overwrite state', how: ['only', 'just', 'solely', 'merely', 'table', 'row', 'column'], unless: ['deriv*', 'rebuil*', 'replay*', 'comput*', 'snapshot*', 'fold*', 'calculat*'] },
        'event-sourcing|event-store overwrite|delete history|event',
        { claim: '* NOT read|derive|apply event|history', how: ['state'], unless: ['snapshot*', 'only', 'all', 'every', 'whole', 'entire', 'command*'] },
      ],
    },
    {
      says: 'that there is no real difference between the two',
      correction: 'state-based persistence keeps only the current state, event sourcing every change as an event',
      claims: [{ claim: '* NOT separate', how: ['difference', 'differ*', 'different'] }],
    },
    {
      says: 'that state-based persistence keeps the history',
      correction: 'state-based persistence keeps only the current state and overwrites it, so the history is lost',
      claims: ['state-persistence store|derive|apply event|history', 'state-persistence NOT overwrite|delete|change state|history|*'],
    },
    EVENTS_ARE_CHANGED,
  ],
};

export const WHAT_IS_AN_EVENT_STORE: AnswerRubric = {
  topic: ['event-store'],
  ideas: [
    {
      says: 'that the event store is the database where the events are kept',
      answeredBy: { first: ['event-store'], also: ['event', 'history', 'event-store'], needs: ['event', 'history'] },
      claims: [
        'event-store immutable','event-store store|be|read event|event-store|history', '* store event', 'event store', 'event-store be event-store'],
    },
    {
      says: 'that events are never changed after they are stored (append-only, immutable)',
      claims: [
        'event|event-store|history immutable',
        '* NOT change|delete|overwrite event|history|*',
        { claim: '* store event', how: ['only', 'just', 'solely'] },
        '* immutable event|event-store',
      ],
    },
  ],
  misconceptions: [EVENTS_ARE_CHANGED],
};

const REBUILT = ['re', 'position', 'again', 'rebuild*', 'reconstruct*', 'order', 'beginning', 'start', 'scratch', 'state', 'sequence', 'one by one', 'deriv*', 'restor*', 'recreat*', 'recomput*', 'projection*', 'read model*', 'first', 'initial', 'empty'];

export const WHAT_IS_REPLAY: AnswerRubric = {
  topic: ['event'],
  ideas: [
    {
      says: 'that replaying means applying the stored events again, in order, to rebuild state',
      claims: [
        { claim: '* apply|read event|history|event-store', how: REBUILT },
        { claim: '* derive state|read-model|write-model|history', how: ['event*', 'replay*', 'them', 'history', 'log'] },
      ],
    },
    {
      says: 'a use case where replaying is valuable (rebuilding a read model, debugging, auditing...)',
      patterns: [
        // Rebuilding the state is what replay is, not a use case of it: a rebuilt projection or view is.
        '{audit*|debug*|bug*|new_projection*|new_read_model*|new_view*|migrat*|time_travel*|histor*|what_happened|point_in_time|analytic*|report*|recover*|disaster|fix*|schema*|test*|reproduc*|investigat*|compliance|corrupt*|lost|crash*|past}',
        '{rebuild*|re_build*|recreat*|regenerat*|repopulat*} {projection*|read_model*|view*|report*|cache*|search_index*|index*}',
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that replaying runs the commands again',
      correction: 'replay applies the stored events again; the commands are not executed a second time (no payment is taken twice)',
      claims: [{ claim: '* apply|act|publish|derive command', how: ['again', 're*', 'replay*', 'once more', 'second time'] }, 'event-store|* store|apply command'],
    },
    EVENTS_ARE_CHANGED,
  ],
};

export const WHAT_IS_A_SNAPSHOT: AnswerRubric = {
  topic: ['snapshot'],
  ideas: [
    {
      says: 'that a snapshot saves the state as of a given event',
      answeredBy: { first: ['snapshot'], also: ['state', 'write-model', 'event', 'history', 'snapshot'] },
      claims: ['snapshot store|be|derive|read state|history|write-model|snapshot', '* store state', { claim: 'snapshot store|be|derive', how: ['state', 'aggregate'] }],
    },
    {
      says: 'why it is used: to avoid replaying the whole event history every time',
      claims: [
        '* NOT apply|read event|history|*',
        { claim: '* apply|read event', how: ['only', 'fewer', 'less', 'after', 'since', 'tail', 'newer', 'later', 'remaining', 'rest'] },
        { claim: '* apply|read', how: ['fewer event*', 'few event*', 'less event*', 'only later', 'only newer', 'only event* after', 'only event* since', 'only recent'] },
        { claim: '* need event|history', how: ['only', 'after', 'since', 'fewer', 'few', 'instead of all', 'not all'] },
        'snapshot speed',
        '* speed apply|read|derive',
      ],
      patterns: ['{faster|speed*|perform*|quick*|efficien*|optimi*|slow*}'],
    },
  ],
  misconceptions: [
    {
      says: 'that a snapshot replaces or deletes the events',
      correction: 'the events stay in the store; the snapshot is only a shortcut that can be rebuilt from them',
      claims: ['snapshot overwrite|delete|change event|history', { claim: '* delete|overwrite event|history', how: ['snapshot*'] }, { claim: '* NOT need event|history' }],
    },
    EVENTS_ARE_CHANGED,
  ],
};

export const REQUIREMENT_4_QUESTIONS = [
  { title: 'state-based persistence vs event sourcing', rubric: STATE_VS_EVENTS },
  { title: 'What is an event store', rubric: WHAT_IS_AN_EVENT_STORE },
  { title: 'What does it mean to replay events', rubric: WHAT_IS_REPLAY },
  { title: 'What is a snapshot', rubric: WHAT_IS_A_SNAPSHOT },
] as const;
