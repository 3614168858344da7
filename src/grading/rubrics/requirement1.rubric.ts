import type { AnswerRubric } from '../rubric';
import { QUERIES_CHANGE_STATE, READ_MODEL_ALWAYS_CONSISTENT } from './shared';

/** Requirement 1, CQRS concepts: one rubric per question, in the seed's order. */

export const WHAT_CQRS_STANDS_FOR: AnswerRubric = {
  ideas: [
    {
      says: 'what CQRS stands for (Command Query Responsibility Segregation)',
      patterns: ['~{command_query_responsibility_segregation|command_query_responsibility_separation|command_and_query_responsibility_segregation}'],
    },
    {
      says: 'that reads (queries) and writes (commands) are handled by separate models',
      patterns: [
        '{separat*|split*|distinct|different|two|own|decoupl*|divid*|apart|independent*|isolat*} {read*|query|queri*} {writ*|command*|updat*|chang*}',
        'segregat* {read*} {writ*}',
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that reads and writes share one model',
      correction: 'CQRS gives writes (commands) and reads (queries) separate models',
      patterns: ['same model {read*|query|queri*} {writ*|command*}', '{single|one|shared|common|same} model both'],
    },
  ],
};

export const WHAT_IS_A_COMMAND: AnswerRubric = {
  ideas: [
    {
      says: 'that a command asks the system to change state',
      patterns: [
        '{chang*|modif*|mutat*|alter*|updat*|affect*} {state|data|system|order*|database|something|world}',
        'imperativ*',
        '{intent*|request*|instruction*|ask*|tell*|order*} {do|perform|action|chang*|something}',
        '{write|writes} {operation*|request*|side|data}',
        '{perform*|do|does|execut*} {action|something|operation}',
        '~side_effect*',
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that a command does not change state',
      correction: 'a command asks the system to change state: it is the write side',
      patterns: ['command* NOT {chang*|modif*|mutat*|alter*|affect*|writ*} {state|data|anything|system|order*}'],
    },
    {
      says: 'that a command reads and returns data',
      correction: 'returning data is what a query does; a command changes state and returns at most an acknowledgement',
      patterns: ['command* {return*|retriev*|fetch*|read*} {data|information|list|result*}'],
    },
  ],
};

export const WHAT_IS_A_QUERY: AnswerRubric = {
  ideas: [
    {
      says: 'that a query reads and returns data',
      patterns: [
        '{read*|return*|retriev*|fetch*|get*|ask*|request*|look*|obtain*|provid*|answer*|view*|display*|show*|find*|search*|list*} {data|state|information|result*|order*|answer|view|record*|detail*}',
        'interrogativ*',
        '{question|questions}',
      ],
    },
    {
      says: 'that a query never changes state',
      patterns: [
        'NOT {chang*|modif*|mutat*|alter*|updat*|writ*|affect*|touch*} {state|data|anything|system|order*|database|it}',
        'NOT side_effect*',
        '{read_only|side_effect_free|side_effects_free|readonly}',
        '{only|just|purely|simply|solely} {read*|return*|retriev*|fetch*|look*|observ*}',
      ],
    },
  ],
  misconceptions: [
    QUERIES_CHANGE_STATE,
    {
      says: 'that a query changes state',
      correction: 'a query only reads: it never changes state',
      patterns: ['{it|this} {chang*|modif*|mutat*|alter*} {state|data|database|order*}'],
    },
  ],
};

export const READ_MODEL_VS_WRITE_MODEL: AnswerRubric = {
  ideas: [
    {
      says: 'that the read model is shaped for queries (denormalized, read-optimized), built from the events',
      patterns: [
        '~{denormaliz*|precomput*|pre_comput*|materializ*|read_optimi*}',
        '{optimi*|tailor*|shap*|design*|built|build*|structur*|tun*|fast*|efficien*|suit*|ready} {read*|query|queri*|search*|display*|screen*|ui|view*|lookup*|page*}',
        '{deriv*|built|build*|generat*|comput*|populat*|fed|project*|maintain*} {from|by} event*',
      ],
    },
    {
      says: 'what the write model does (handles commands, enforces the business rules, is the source of truth)',
      patterns: [
        '{write_model*|write_side|command_side|write_database|write_db} {command*|rule*|invariant*|validat*|truth|consisten*|normaliz*|transaction*|acid|integrity|business|enforc*|handl*|process*|accept*|decid*|chang*|updat*|stor*|record*|persist*|event*|authorit*}',
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that the read model is the source of truth',
      correction: 'the write model (or the event store) is the source of truth; the read model is derived from it and can be rebuilt',
      patterns: ['{read_model*|projection*} {source_of_truth|authoritativ*|master|primary_record}'],
    },
    {
      says: 'that the read model is the same as the write model',
      correction: 'they are two different models: one shaped for deciding and storing changes, one for answering queries',
      patterns: ['{read_model*|projection*} {same|identical} write_model*'],
    },
    READ_MODEL_ALWAYS_CONSISTENT,
  ],
};

export const WHAT_UPDATES_THE_READ_MODEL: AnswerRubric = {
  ideas: [
    {
      says: 'that events (published after a command changes state) trigger the update',
      patterns: [
        'event* {publish*|emit*|rais*|consum*|handl*|subscri*|arriv*|receiv*|bus|trigger*|caus*|domain|stor*|append*|occur*|happen*|result*|after|when|whenever|process*|listen*|project*|new|produc*|sent|send*|updat*|each|every}',
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that queries trigger the update',
      correction: 'reading never changes anything: the read model is updated when an event is published',
      patterns: ['{query|queri*|read*|request*} trigger*', '{updat*|refresh*|rebuil*|recomput*} {when|whenever|each|every} {query|queri*|read*|request*|get}'],
    },
    READ_MODEL_ALWAYS_CONSISTENT,
  ],
};

export const REQUIREMENT_1_QUESTIONS = [
  { title: 'What does CQRS stand for', rubric: WHAT_CQRS_STANDS_FOR },
  { title: 'What is a Command', rubric: WHAT_IS_A_COMMAND },
  { title: 'What is a Query', rubric: WHAT_IS_A_QUERY },
  { title: 'What is the Read Model and how does it differ from the Write Model', rubric: READ_MODEL_VS_WRITE_MODEL },
  { title: 'What triggers an update to the Read Model', rubric: WHAT_UPDATES_THE_READ_MODEL },
] as const;
