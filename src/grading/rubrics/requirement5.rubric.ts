import type { AnswerRubric } from '../rubric';
import { EVENTS_ARE_CHANGED } from './shared';

/** Requirement 5's prose: how order #1001's state is derived from its events. */
export const STATE_DERIVATION: AnswerRubric = {
  ideas: [
    {
      says: 'that the state is derived by applying (replaying) the events',
      patterns: [
        '{replay*|appl*|fold*|reduc*|process*|reappl*|re_appl*|iterat*|walk*|go*|loop*|read*|evolv*|play*|run*|load*} event*',
        'event* {appl*|replay*|fold*|reduc*|process*|evolv*}',
        '{fold*|reduc*}',
      ],
    },
    {
      says: 'that the events are applied in order, oldest first',
      patterns: [
        '{in_order|in_sequence|chronolog*|sequen*|one_by_one|one_at_a_time|one_after_another|one_after_other|in_turn|oldest|earliest|from_first|from_start|from_beginning|step_by_step|first_to_last|ordered|stream_position|sequence_number|by_position|by_version|in_order_they|time_order}',
        'first then',
        'first {next|finally|afterwards|after*}',
        '{start*|begin*} {empty|initial|blank|nothing|null|scratch}',
        '{fold*|reduc*}',
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
      patterns: ['{only|just|simply|merely} {last|latest|most_recent|final|newest} event*'],
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
