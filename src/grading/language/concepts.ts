/**
 * The things answers talk about, each with the words and phrases that name it. Shared by every rubric: a rubric
 * says `query`, never a list of query words. A phrase is words separated by spaces; a word matches a token's lemma
 * or its written form; `word*` matches any word starting with `word`. Longer phrases win over shorter ones, so
 * "read model" is the read model, not a read.
 */
export const CONCEPTS = {
  cqrs: ['cqrs', 'command query responsibility segregation', 'command query responsibility separation', 'command and query responsibility segregation'],
  'event-sourcing': ['event sourcing', 'event-sourcing', 'event sourced system', 'event-sourced system', 'es', 'es system', 'event sourced', 'event-sourced', 'event sourced approach', 'event sourced persistence', 'event-based persistence', 'event based persistence'],
  'state-persistence': [
    'state-based persistence', 'state based persistence', 'traditional persistence', 'state-based', 'state based', 'state persistence', 'state-based storage',
    'state based storage', 'traditional database', 'traditional approach', 'traditional system', 'crud', 'crud system', 'crud database', 'classic persistence',
    'state-based system', 'state based system', 'state-based approach', 'state based approach', 'traditional storage', 'conventional persistence', 'relational database', 'orm',
  ],
  command: ['command', 'commands', 'write request', 'write operation', 'write', 'writes', 'instruction', 'instructions', 'intent', 'intention', 'mutation', 'mutations'],
  query: ['query', 'queries', 'read request', 'read operation', 'read', 'reads', 'question', 'questions', 'lookup', 'lookups', 'read query', 'read-only request'],
  'write-model': [
    'write model', 'write side', 'write-side', 'command side', 'command model', 'write db', 'write database', 'write store', 'domain model', 'aggregate', 'aggregates',
    'write part', 'command part', 'write-model', 'command handler', 'command handlers', 'source of truth', 'sql', 'postgresql', 'write schema',
  ],
  'read-model': [
    'read model', 'read models', 'read side', 'read-side', 'query side', 'read db', 'read database', 'read store', 'projection', 'projections', 'view', 'views',
    'materialized view', 'query model', 'read-model', 'search index', 'elasticsearch', 'read part', 'query part', 'report', 'reports', 'dashboard', 'table', 'cache',
  ],
  event: ['event', 'events', 'trade', 'trades', 'trade event', 'trade events', 'domain event', 'fact', 'facts', 'orderplaced', 'order placed', 'order shipped', 'order paid', 'order created', 'ones', 'entries', 'entry', 'record of what happened', 'log entries', 'log entry'],
  'event-store': ['event store', 'event log', 'append-only log', 'append only log', 'log', 'ledger', 'event database', 'event table', 'event stream', 'stream', 'streams', 'store', 'eventstore', 'journal', 'event storage', 'database', 'db'],
  state: ['state', 'current state', 'data', 'status', 'row', 'rows', 'record', 'records', 'value', 'values', 'information', 'latest state', 'latest version', 'current version', 'current value', 'current values', 'current data', 'anything', 'something', 'the system', 'system', 'order', 'orders', 'aggregate state', 'entity', 'object'],
  history: ['history', 'change', 'changes', 'past', 'audit trail', 'trail', 'sequence', 'every change', 'all changes', 'what happened', 'previous state', 'previous states', 'past states', 'transitions', 'delta', 'deltas', 'timeline'],
  snapshot: ['snapshot', 'snapshots', 'checkpoint', 'checkpoints', 'copy', 'serialized copy', 'serialised copy', 'picture', 'photo', 'image', 'saved state', 'cached state', 'precomputed state', 'memento'],
  'event-handler': ['event handler', 'event handlers', 'handler', 'handlers', 'projector', 'projectors', 'consumer', 'consumers', 'subscriber', 'subscribers', 'listener', 'listeners', 'projection handler', 'denormalizer'],
  'event-bus': ['event bus', 'bus', 'message broker', 'broker', 'kafka', 'queue', 'message queue', 'topic', 'rabbitmq'],
  person: ['you', 'we', 'developer', 'developers', 'user', 'users', 'someone', 'anyone', 'admin', 'administrator', 'team', 'client', 'clients', 'people', 'operator'],
} as const;

export type ConceptId = keyof typeof CONCEPTS;
