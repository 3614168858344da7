/**
 * What answers say things do, each with the verbs (and verb phrases) that say it, in the phrase syntax of
 * concepts.ts. Properties ("immutable", "eventually consistent") are actions too: "events are immutable" is the
 * claim `event immutable`, asserted through the copula. Shared by every rubric.
 */
export const ACTIONS = {
  change: [
    'change', 'modify', 'mutate', 'alter', 'update', 'edit', 'overwrite', 'rewrite', 'fix', 'correct', 'repair', 'adjust', 'clean up', 'tamper', 'tamper with', 'patch',
    'amend', 'tweak', 'revise', 'touch', 'affect', 'transform', 'manipulate', 'reorder', 'reshuffle', 'rework', 'rewritten', 'overwritten', 'rewrote', 'overwrote',
    'in-place', 'side effect', 'side effects', 'side-effect', 'side-effects',
  ],
  delete: ['gone', 'disappear', 'vanish', 'thrown away', 'thrown out', 'throw out', 'delete', 'remove', 'purge', 'discard', 'drop', 'erase', 'truncate', 'wipe', 'clear', 'throw away', 'get rid of', 'compact', 'prune', 'archive', 'lose', 'lost'],
  read: [
    'read', 'return', 'retrieve', 'fetch', 'get', 'look up', 'obtain', 'provide', 'answer', 'view', 'display', 'show', 'find', 'search',
    'list', 'serve', 'query', 'look at', 'inspect', 'report', 'load', 'give', 'give back', 'hand back', 'respond', 'read-only', 'interrogative',
  ],
  ask: ['ask', 'ask for', 'request', 'question', 'inquire', 'enquire'],
  act: ['do', 'perform', 'execute', 'carry out', 'act', 're-execute', 'reexecute', 'resend', 're-send', 'redo', 're-issue', 'reissue', 'issue', 'repeat', 'rerun', 're-run', 'retry'],
  /** "X is Y": a copula followed by a concept (added by the clause reader, never matched as a word). */
  be: [],
  store: [
    'store', 'persist', 'record', 'keep', 'kept', 'save', 'append', 'log', 'capture', 'hold', 'contain', 'add', 'insert', 'retain', 'track', 'preserve', 'write down',
    'archive', 'remember', 'accumulate', 'journal', 'register', 'stored', 'live', 'sit', 'written', 'write', 'writes',
  ],
  derive: [
    'derive', 'rebuild', 'reconstruct', 'recreate', 're-create', 'recompute', 'restore', 'regenerate', 'compute', 'calculate', 'build', 'built', 'rebuilt', 'produce',
    'reconstitute', 'rehydrate', 'fill', 'fill in', 'feed', 'fed', 'populate', 'project', 'update from', 'generate', 'materialize', 'materialise', 'recover', 'reproduce', 'work out', 'get back', 'arrive at', 'come from', 'rederive', 're-derive', 'recalculate', 'reach', 'deduce', 'obtain',
  ],
  apply: [
    'apply', 'replay', 'reapply', 're-apply', 'process', 'reprocess', 'fold', 'reduce', 'play', 'play back', 'run through', 'rerun', 're-run', 'evolve', 'iterate',
    'iterate over', 'walk through', 'go through', 'handle', 'feed', 'pass through', 'run', 'step through', 'loop over', 'loop through', 'read back', 'reread', 're-read',
  ],
  publish: ['publish', 'emit', 'raise', 'broadcast', 'send', 'dispatch', 'fire', 'put', 'push', 'announce', 'forward', 'deliver', 'sent', 'post'],
  consume: ['consume', 'subscribe', 'listen', 'receive', 'react', 'handle', 'pick up', 'pick', 'catch', 'hear', 'process', 'arrive', 'reach', 'come in', 'occur', 'happen'],
  trigger: ['trigger', 'cause', 'drive', 'start', 'initiate', 'kick off', 'prompt', 'invoke', 'fire', 'lead to', 'result in', 'set off', 'refresh'],
  separate: [
    'separate', 'split', 'segregate', 'divide', 'decouple', 'isolate', 'distinguish', 'differ', 'differentiate', 'split up', 'keep apart', 'pull apart', 'break apart',
    'separated', 'separation', 'segregation', 'distinct', 'different', 'independent', 'independently', 'apart', 'difference', 'contrast',
  ],
  share: ['share', 'combine', 'merge', 'use same', 'use single', 'unify', 'mix', 'couple', 'coupled', 'shared', 'same model', 'single model', 'one shared'],
  overwrite: ['overwrite', 'replace', 'lose', 'lost', 'discard', 'forget', 'override', 'destroy', 'overwritten', 'overwrote', 'throw away', 'update in place'],
  immutable: [
    'immutable', 'unchangeable', 'unmodifiable', 'append-only', 'append only', 'write-once', 'write once', 'permanent', 'read-only', 'final', 'fixed', 'frozen', 'never change',
    'set in stone', 'tamper-proof', 'tamper proof', 'unalterable', 'immutability',
  ],
  'eventually-consistent': ['eventually consistent', 'eventual consistency', 'eventual', 'stale', 'lag', 'lags', 'lagging', 'behind', 'out of date', 'delayed', 'asynchronous', 'asynchronously', 'async', 'catch up', 'not yet'],
  'always-consistent': ['always consistent', 'immediately consistent', 'instantly consistent', 'strongly consistent', 'consistent immediately', 'always up to date', 'immediately up to date', 'instantly up to date', 'synchronous', 'synchronously', 'in the same transaction', 'same transaction', 'never stale', 'atomic'],
  optimize: ['optimize', 'optimise', 'tailor', 'shape', 'design', 'structure', 'tune', 'suit', 'denormalize', 'denormalise', 'denormalized', 'denormalised', 'precompute', 'pre-compute', 'materialize', 'materialise', 'flatten', 'prepare', 'fit', 'organize', 'organise'],
  enforce: ['enforce', 'validate', 'check', 'guard', 'protect', 'ensure', 'verify', 'decide', 'accept', 'reject', 'refuse', 'apply rules', 'uphold', 'maintain'],
  use: ['use', 'used', 'adopt', 'work', 'employ'],
  need: ['need', 'needed', 'require', 'required', 'necessary', 'useful', 'relevant'],
  scale: ['scale', 'grow', 'scale out', 'scale up'],
  speed: ['speed up', 'accelerate', 'shorten', 'save time', 'avoid', 'skip', 'reduce', 'cut', 'limit', 'bound', 'faster', 'quicker'],
} as const;

export type ActionId = keyof typeof ACTIONS;
