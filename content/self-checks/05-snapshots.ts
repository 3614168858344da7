import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'snapshots',
  questions: [
    {
      kind: 'choice',
      id: 'what-a-snapshot-is',
      prompt: 'What is a snapshot?',
      multiple: false,
      choices: [
        { id: 'folded-state', text: 'The folded state of a stream at a known version, saved so the next load starts there.', correct: true, explanation: 'It is a cache of a fold: an optimization that the events can always rebuild.' },
        { id: 'replaces-events', text: 'A checkpoint after which the older events can be deleted.', correct: false, explanation: 'The events stay the source of truth. A snapshot can be deleted at any time; the events never are.' },
        { id: 'read-model', text: 'A copy of a read model, kept to answer queries faster.', correct: false, explanation: 'A snapshot belongs to the write side: it holds the aggregate\'s state for deciding, not a read model\'s documents.' },
      ],
    },
    {
      kind: 'choice',
      id: 'events-folded',
      prompt: 'A stream is at version 10,000 and has a snapshot at version 9,990. How many events does the next load fold?',
      multiple: false,
      choices: [
        { id: 'ten', text: '10: events 9,991 to 10,000, on top of the snapshot.', correct: true, explanation: 'Snapshot + tail: the snapshot already holds the fold of events 1 to 9,990.' },
        { id: 'all', text: '10,000: the snapshot is only checked against the full replay.', correct: false, explanation: 'Checking snapshot + tail against a full replay is what the workbook\'s property test does, not what a load does.' },
        { id: 'none', text: 'None: the snapshot is the state.', correct: false, explanation: 'The snapshot is the state at version 9,990. The ten events after it must still be applied, or the command would decide from an old state.' },
      ],
    },
    {
      kind: 'choice',
      id: 'state-shape-changes',
      prompt: 'The order state gets a new field that `evolve` fills in. What happens to the snapshots saved before?',
      multiple: false,
      choices: [
        { id: 'bump-version', text: 'Bump the policy\'s `stateVersion`: old snapshots stop matching, loads replay from the events, and new snapshots are saved.', correct: true, explanation: 'A snapshot belongs to one shape of the state. Rebuilding from events is always right; the cost is one slower load per stream.' },
        { id: 'migrate', text: 'Run a migration that adds the field to every saved snapshot.', correct: false, explanation: 'The migration would have to guess what `evolve` would have computed. Snapshots are discarded and rebuilt from events, not migrated.' },
        { id: 'keep', text: 'Keep using them: the new field will be filled in by the next events.', correct: false, explanation: 'The field would be missing or wrong for everything before the snapshot, and snapshot + tail would no longer equal a full replay.' },
      ],
    },
    {
      kind: 'choice',
      id: 'which-streams',
      prompt: 'Which of these streams are worth a snapshot policy? Check every one.',
      multiple: true,
      choices: [
        { id: 'order', text: 'An order: placed to delivered in five events.', correct: false, explanation: 'Folding five events costs nothing; a snapshot would add writes and a rule to keep, for no gain.' },
        { id: 'account', text: 'A bank account with years of transactions.', correct: true, explanation: 'A long-lived stream grows without end; loading it from event one gets slower every year.' },
        { id: 'stock', text: 'The stock level of a product that every order reserves.', correct: true, explanation: 'Every order appends to it, so it grows with the shop\'s sales.' },
        { id: 'trading-book', text: 'A trading book that records every trade.', correct: true, explanation: 'Many events per day on one stream: the case snapshots exist for.' },
      ],
    },
    {
      kind: 'choice',
      id: 'delete-all-snapshots',
      prompt: 'Someone deletes every snapshot. What is lost?',
      multiple: false,
      choices: [
        { id: 'nothing', text: 'Nothing but speed: the next loads fold from the events and save new snapshots.', correct: true, explanation: 'Snapshots are never the source of truth, so deleting them is always safe.' },
        { id: 'history', text: 'The history of every stream before its snapshot.', correct: false, explanation: 'The history is in the events, which a snapshot never replaces.' },
        { id: 'state', text: 'The current state of long streams, until someone restores a backup.', correct: false, explanation: 'The current state is a fold of the events: the next load computes it again.' },
      ],
    },
  ],
};
