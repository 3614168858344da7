import type { AnswerRubric } from '../rubric';
import { EVENTS_ARE_CHANGED } from './shared';

/** Requirement 4, event sourcing concepts: one rubric per question, in the seed's order. */

export const STATE_VS_EVENTS: AnswerRubric = {
  ideas: [
    {
      says: 'that event sourcing stores every change as an event (the full history)',
      patterns: [
        '{stor*|persist*|record*|keep*|kept|sav*|append*|log*|captur*|writ*} {event*|change*|histor*|fact*|sequence|delta*|transition*}',
        '{event*|change*} {stor*|persist*|record*|kept|sav*|append*|logg*}',
        '~{full|whole|complete|entire|all} {histor*|log|sequence}',
        '~histor* {change*|event*}',
      ],
    },
    {
      says: 'that state-based persistence keeps only the current state, overwritten on each change',
      patterns: ['~{current|latest|last|present|final|newest|most_recent} {state|version|value*|snapshot|row|status|data}', '~overwrit*', '~in_place', '~replac*'],
    },
  ],
  misconceptions: [
    {
      says: 'that event sourcing stores only the current state',
      correction: 'event sourcing stores the events; the current state is derived from them',
      patterns: ['event_sourc* {stor*|keep*|sav*|persist*} {only|just} {current|latest} state'],
    },
    EVENTS_ARE_CHANGED,
  ],
};

export const WHAT_IS_AN_EVENT_STORE: AnswerRubric = {
  ideas: [
    {
      says: 'that the event store is the database where the events are kept',
      patterns: [
        '{database|db|store|storage|log|table|repository|persist*|stor*|record*|keep*|hold*|sav*|append*|contain*} event*',
        'event* {live|lives|kept|stored|saved|held|persisted|recorded|written}',
      ],
    },
    {
      says: 'that events are never changed after they are stored (append-only, immutable)',
      patterns: [
        'immutabl*',
        'append_only',
        '{only|just|solely} {append*|add*|insert*}',
        'NOT {chang*|modif*|updat*|edit*|alter*|delet*|remov*|rewrit*|overwrit*|mutat*|tamper*}',
        '{write_once|unchangeable|unmodifiable|permanent|forever}',
      ],
    },
  ],
  misconceptions: [EVENTS_ARE_CHANGED],
};

export const WHAT_IS_REPLAY: AnswerRubric = {
  ideas: [
    {
      says: 'that replaying means applying the stored events again, in order, to rebuild state',
      patterns: [
        '{replay*|reappl*|re_appl*|reprocess*|re_process*|rerun*|re_run*|reread*|re_read*|appl*|process*|fold*|run*|read*|feed*|pass*|go*|play*} event* {rebuild*|re_build*|reconstruct*|recreat*|re_creat*|recomput*|deriv*|restor*|recover*|regenerat*|state|projection*|read_model*|view*|again|start|beginning|scratch|order|sequence|one}',
      ],
    },
    {
      says: 'a use case where replaying is valuable (rebuilding a read model, debugging, auditing...)',
      patterns: [
        '{audit*|debug*|bug*|new_projection*|new_read_model*|new_view*|rebuild*|re_build*|migrat*|time_travel*|histor*|what_happened|point_in_time|analytic*|report*|recover*|disaster|fix*|schema*|test*|reproduc*|investigat*|compliance|corrupt*|lost|crash*|past}',
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that replaying runs the commands again',
      correction: 'replay applies the stored events again; the commands are not executed a second time (no payment is taken twice)',
      patterns: ['{re_execut*|reexecut*|rerun*|re_run*|resend*|re_send*} command*', '{run*|send*|issu*|execut*|repeat*|process*} command* again'],
    },
    EVENTS_ARE_CHANGED,
  ],
};

export const WHAT_IS_A_SNAPSHOT: AnswerRubric = {
  ideas: [
    {
      says: 'that a snapshot saves the state as of a given event',
      patterns: [
        '{sav*|stor*|cach*|record*|persist*|captur*|cop*|pictur*|checkpoint*|serializ*|materializ*|take*|taken|writ*|precomput*|keep*|kept} {state|aggregat*}',
        'state {at|after|as_of|up_to|upto} {point|version|event*|moment|position|time|certain|given|specific|number}',
      ],
    },
    {
      says: 'why it is used: to avoid replaying the whole event history every time',
      patterns: [
        '{faster|fast|speed*|perform*|quick*|efficien*|optimi*|cost*|slow*|time}',
        '{only|fewer|less|reduc*} event*',
        '{after|since|from} {snapshot|it|that}',
        '{long|many|thousand*|10000|large|huge|lot*} event*',
        'NOT {replay*|read*|load*|process*|reappl*|appl*} {all|every|whole|entire|thousand*|full}',
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that a snapshot replaces or deletes the events',
      correction: 'the events stay in the store; the snapshot is only a shortcut that can be rebuilt from them',
      patterns: ['snapshot* {replac*|delet*|remov*|discard*} {event*|histor*}'],
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
