import type { AnswerRubric } from '../rubric';
import { EVENTS_ARE_CHANGED } from './shared';

/** Requirement 5's prose: how order #1001's state is derived from its events. */
const IN_ORDER = [
  'in order', 'order they', 'chronolog*', 'sequen*', 'one by one', 'one after', 'oldest', 'earliest', 'first', 'in turn', 'step by step', 'position', 'version',
  'from beginning', 'from start', 'empty', 'initial', 'starting', 'start from', 'begin*', 'then', 'next', 'fold*', 'reduc*', 'ordered', 'in time order', 'each in turn', 'successive*',
  'store order', 'stored order', 'that order', 'original order', 'same order', 'their order', 'sequence number', 'oldest first',
];

/** A formula is a claim too: `state = fold(apply, empty, events)`, `events.reduce(evolve, initial)`. */
const FOLD = /\b(?:fold(?:Left|l)?|reduce|foldr?)\s*\(/i;

export const STATE_DERIVATION: AnswerRubric = {
  topic: ['event'],
  ideas: [
    {
      says: 'that the state is derived by applying (replaying) the events',
      claims: [
        '* apply|derive|read event|history',
        { claim: '* derive state', how: ['event*', 'them', 'history'] },
        { claim: '* apply|derive', how: ['event*', 'row*', 'them', 'placed', 'paid'] },
        'event derive|change|overwrite state|*',
        'event apply',
      ],
      formulas: [FOLD],
    },
    {
      says: 'that the events are applied in order, oldest first',
      claims: [
        { claim: '* apply|read|derive|store|change', how: IN_ORDER },
        { claim: 'event derive|change|apply|overwrite', how: IN_ORDER },
      ],
      formulas: [FOLD],
    },
  ],
  misconceptions: [
    {
      says: 'that the state is read from a stored row',
      correction: 'with event sourcing no row holds the current state: it is derived from the events each time (or from a snapshot plus the later events)',
      patterns: [
        '{read*|look*|fetch*|query*|select*|get*} {status_column|orders_table|order_table|current_state_column|status_field|orders_row|order_row}',
        'select* status from order*',
      ],
    },
    {
      says: 'that only the last event matters',
      correction: 'every event contributes (the items and total come from the first one, the payment from the next...), so all are applied in order',
      claims: [{ claim: '* apply|read|derive|be event|state', how: ['only last', 'only latest', 'just last', 'just latest', 'only most recent', 'only final', 'only newest', 'simply last', 'only need last', 'only need latest'], unless: ['all', 'every', 'each'] }],
    },
    {
      says: 'that order 1001 ends delivered',
      correction: 'order 1001 was placed, paid and shipped; no delivery happened to it, so applying its events ends in shipped',
      patterns: [
        '{is_delivered|becomes_delivered|become_delivered|ends_delivered|ends_up_delivered|ends_in_delivered|ends_as_delivered|end_up_delivered|state_delivered|status_delivered|state_is_delivered|status_is_delivered|is_now_delivered|now_delivered|final_state_is_delivered}',
      ],
    },
    {
      says: 'that the stored rows are overwritten',
      correction: 'the events table is append-only: rows are added, never overwritten, so the history stays',
      claims: [{ claim: '* change|overwrite|delete state', how: ['row*', 'order_events', 'event*'], unless: ['new event', 'new row*', 'crud', 'read model*', 'projection*', 'snapshot*', 'view*', 'twin'] }],
    },
    EVENTS_ARE_CHANGED,
  ],
};
