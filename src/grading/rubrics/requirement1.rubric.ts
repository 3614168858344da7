import type { AnswerRubric } from '../rubric';
import { QUERIES_CHANGE_STATE, READ_MODEL_ALWAYS_CONSISTENT } from './shared';

/** Requirement 1, CQRS concepts: one rubric per question, found by its heading (see REQUIREMENT_1_QUESTIONS). */

const READS_AND_WRITES = 'query|command|read-model|write-model';
/** "one model to change data and a separate model to read it" shares nothing. */
const SEPARATE_MODELS = ['separate model*', 'another model', 'second model', 'two model*', 'different model*', 'other model', 'own model*'];

export const WHAT_CQRS_STANDS_FOR: AnswerRubric = {
  topic: ['cqrs'],
  ideas: [
    {
      says: 'what CQRS stands for (Command Query Responsibility Segregation)',
      names: ['command query responsibility segregation', 'command query responsibility separation', 'command and query responsibility segregation'],
    },
    {
      says: 'that reads (queries) and writes (commands) are handled by separate models',
      claims: [
        { claim: `query|read-model|read separate command|write-model|change|store|history|apply`, either: true },
        { claim: `cqrs separate ${READS_AND_WRITES}` },
        { claim: `${READS_AND_WRITES} separate`, how: ['model*', 'side*', 'part*', 'path*', 'store*', 'database*'] },
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that reads and writes share one model',
      correction: 'CQRS gives writes (commands) and reads (queries) separate models',
      claims: [
        { claim: 'query|read-model|read share command|write-model|change|store', either: true, unless: SEPARATE_MODELS },
        { claim: 'cqrs share', unless: SEPARATE_MODELS },
        { claim: 'query|command NOT separate', how: ['model*'] },
      ],
    },
  ],
};

export const WHAT_IS_A_COMMAND: AnswerRubric = {
  topic: ['command'],
  ideas: [
    {
      says: 'that a command asks the system to change state',
      claims: [
        'command change|delete|store|act|overwrite',
        'command|* ask change|delete|store|act',
        'command be act|change|delete|store',
        'command trigger|publish event|change|history',
        '* change|delete state|write-model|history|event-store',
        'command be command',
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that a command does not change state',
      correction: 'a command asks the system to change state: it is the write side',
      claims: ['command NOT change|store|delete|act state|write-model|event-store|history|*', 'command immutable'],
    },
    {
      says: 'that a command reads and returns data',
      correction: 'returning data is what a query does; a command changes state and returns at most an acknowledgement',
      claims: [{ claim: 'command read state|read-model|query', unless: ['acknowledg*', 'id', 'identifier', 'success', 'error', 'result', 'status code'] }],
    },
  ],
};

export const WHAT_IS_A_QUERY: AnswerRubric = {
  topic: ['query'],
  ideas: [
    {
      says: 'that a query reads and returns data',
      claims: ['query read|ask', '* read state|read-model|event|history', 'query be query'],
    },
    {
      says: 'that a query never changes state',
      claims: [
        'query|* NOT change|delete|overwrite|act',
        '* NOT change|delete|overwrite state|write-model|event|history|event-store|read-model',
        'query|* immutable',
        { claim: 'query read', how: ['only', 'just', 'purely', 'simply', 'solely', 'merely'] },
      ],
    },
  ],
  misconceptions: [QUERIES_CHANGE_STATE],
};

export const READ_MODEL_VS_WRITE_MODEL: AnswerRubric = {
  topic: ['read-model'],
  ideas: [
    {
      says: 'that the read model is shaped for queries (denormalized, read-optimized), built from the events',
      claims: ['read-model optimize|derive', 'read-model read|ask query|read|state', '* optimize read-model|query', 'event|event-handler derive|change|store read-model', '* derive read-model', 'read-model be read-model'],
    },
    {
      says: 'what the write model does (handles commands, enforces the business rules, is the source of truth)',
      claims: ['write-model apply|consume|enforce|store|change|delete|be|publish|derive|act|optimize', 'command|event apply|consume|store write-model', '* enforce command', 'write-model always-consistent'],
    },
  ],
  misconceptions: [
    {
      says: 'that the read model is the source of truth',
      correction: 'the write model (or the event store) is the source of truth; the read model is derived from it and can be rebuilt',
      claims: [{ claim: 'read-model be write-model', how: ['truth', 'authoritativ*', 'master', 'primary', 'same'] }],
    },
    {
      says: 'that the read model is the same as the write model',
      correction: 'they are two different models: one shaped for deciding and storing changes, one for answering queries',
      claims: [{ claim: 'read-model share write-model', either: true }, { claim: 'read-model NOT separate write-model', either: true }],
    },
    {
      says: 'that the read model handles the commands (the two models swapped)',
      correction: 'the write model handles commands and enforces the rules; the read model is the denormalized view the queries read',
      claims: ['read-model enforce', 'read-model apply|consume command', { claim: '* optimize write-model', how: ['query', 'queries', 'read', 'screen*', 'view*'] }, 'write-model be read-model'],
    },
    {
      says: 'that clients or commands write to the read model directly',
      correction: 'only the projections write the read model, from the events; clients and commands never touch it',
      claims: [{ claim: 'person|command|query|write-model change|store|delete read-model', unless: ['event*', 'projector*', 'handler*', 'projection*'] }],
    },
    READ_MODEL_ALWAYS_CONSISTENT,
  ],
};

const WHEN_READ = ['time query', 'query run', 'query come', 'query arrive', 'query is', 'someone read', 'query hit', 'whenever query', 'when query', 'each query', 'every query', 'someone query', 'somebody query', 'user query', 'on read', 'each read', 'every read', 'when read', 'whenever read', 'on query', 'query time', 'on demand', 'is query', 'is read', 'get request', 'read request', 'each request', 'every request'];

export const WHAT_UPDATES_THE_READ_MODEL: AnswerRubric = {
  topic: ['read-model'],
  ideas: [
    {
      says: 'that events (published after a command changes state) trigger the update',
      answeredBy: { first: ['event', 'event-handler', 'event-bus'], also: ['write-model', 'command', 'event-bus', 'event-store', 'read-model', 'event-handler', 'event'] },
      claims: [
        'event trigger|change|derive|consume|publish|store',
        '* publish|consume|apply|store event',
        'event-handler|event-bus consume|change|derive|apply|read|publish',
        { claim: '* change|derive read-model', how: ['event*'] },
        'event be event',
      ],
    },
  ],
  misconceptions: [
    {
      says: 'that queries trigger the update',
      correction: 'reading never changes anything: the read model is updated when an event is published',
      claims: ['query|person trigger|change read-model|change|derive', { claim: 'query trigger' }, { claim: '* change|derive|trigger read-model|*', how: WHEN_READ, unless: ['event*'] }],
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
