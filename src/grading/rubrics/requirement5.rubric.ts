import type { AnswerRubric } from '../rubric';
import { EVENTS_ARE_CHANGED } from './shared';

/** Requirement 5's prose: how order #1001's state is derived from its events. */
const IN_ORDER = [
  'in order', 'order they', 'chronolog*', 'sequen*', 'one by one', 'one after', 'oldest', 'earliest', 'first', 'in turn', 'step by step', 'position', 'version',
  'from beginning', 'from start', 'empty', 'initial', 'starting', 'start from', 'begin*', 'then', 'next', 'fold*', 'reduc*', 'ordered', 'in time order', 'each in turn', 'successive*',
];

export const STATE_DERIVATION: AnswerRubric = {
  topic: ['event'],
  ideas: [
    {
      says: 'that the state is derived by applying (replaying) the events',
      claims: ['* apply|derive|read event|history', { claim: '* derive state', how: ['event*', 'them', 'history'] }, 'event derive|change|overwrite state|*', 'event apply'],
    },
    {
      says: 'that the events are applied in order, oldest first',
      claims: [
        { claim: '* apply|read|derive|store|change', how: IN_ORDER },
        { claim: 'event derive|change|apply|overwrite', how: IN_ORDER },
      ],
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
      claims: [{ claim: '* apply|read|derive|be event|state', how: ['only last', 'only latest', 'just last', 'just latest', 'only most recent', 'only final', 'only newest', 'simply last', 'last one', 'latest one', 'last event', 'latest event'], unless: ['all', 'every', 'each'] }],
    },
    {
      says: 'that order 1001 ends delivered',
      correction: 'order 1001 was placed, paid and shipped; no delivery happened to it, so applying its events ends in shipped',
      patterns: [
        '{is_delivered|becomes_delivered|become_delivered|ends_delivered|ends_up_delivered|ends_in_delivered|ends_as_delivered|end_up_delivered|state_delivered|status_delivered|state_is_delivered|status_is_delivered|is_now_delivered|now_delivered|final_state_is_delivered}',
      ],
    },
    EVENTS_ARE_CHANGED,
  ],
};
