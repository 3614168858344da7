import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/core/errors';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { CommandIdReusedError, ConcurrencyError } from '../../src/eventStore/errors';
import { handleCommand, rehydrate } from '../../src/eventStore/handleCommand';
import { createMemoryEventStore } from '../../src/eventStore/memoryEventStore';
import type { EventStore } from '../../src/eventStore/types';
import { add, addTwice, counterDecider, type CounterCommand } from './counterDecider';

const streamId = 'counter-1';
const run = (store: EventStore, command: CounterCommand, commandId: string, extra: object = {}) =>
  handleCommand({ store, decider: counterDecider, streamId, command, commandId, ...extra });

/** The real store, with another writer slipping an event into the stream just before each of the next `times` appends. */
function withRivalWriter(store: EventStore, times: number) {
  let left = times;
  let rivalEvents = 0;
  const racing: EventStore = {
    ...store,
    async appendToStream(id, events, options) {
      if (left > 0) {
        left -= 1;
        rivalEvents += 1;
        await store.appendToStream(id, [{ eventId: `rival-${rivalEvents}`, type: 'Added', data: { amount: 100 } }]);
      }
      return store.appendToStream(id, events, options);
    },
  };
  return racing;
}

describe('handleCommand', () => {
  let store: EventStore;
  beforeEach(() => {
    store = createMemoryEventStore();
  });

  it('with the caller’s expectedVersion: refuses a stale one with a ConcurrencyError naming both, appending nothing', async () => {
    await run(store, add(1), 'c-1');
    await run(store, add(2), 'c-2');
    const error = await run(store, add(3), 'c-3', { expectedVersion: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expected: 1, actual: 2, message: 'Stream counter-1 is at version 2, but the command expected version 1.' });
    expect(await store.streamVersion(streamId)).toBe(2);
    expect((await run(store, add(3), 'c-4', { expectedVersion: 2 })).nextExpectedVersion).toBe(3);
  });

  it('with the caller’s expectedVersion: a rival write between load and append is not retried away', async () => {
    await run(store, add(1), 'c-1');
    const racing = withRivalWriter(store, 1);
    const error = await run(racing, add(5), 'c-2', { expectedVersion: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream(streamId)).map((event) => event.eventId)).toEqual(['c-1:0', 'rival-1']);
  });

  it('loads, decides and appends, returning the recorded events and the new state', async () => {
    await run(store, add(2), 'cmd-1');
    const result = await run(store, addTwice(5), 'cmd-2', {
      correlationId: 'click-7',
      causationId: 'cmd-1',
      schemaVersions: { Added: 2 },
    });

    expect(result).toMatchObject({
      state: { total: 12, additions: 3 },
      nextExpectedVersion: 3,
      idempotentReplay: false,
      attempts: 1,
    });
    expect(result.events.map((event) => [event.eventId, event.streamPosition, event.schemaVersion])).toEqual([
      ['cmd-2:0', 2, 2],
      ['cmd-2:1', 3, 2],
    ]);
    expect(result.events[0]?.metadata).toMatchObject({ commandId: 'cmd-2', correlationId: 'click-7', causationId: 'cmd-1' });
    expect((await store.readStream(streamId))[0]?.metadata).toMatchObject({
      commandId: 'cmd-1',
      correlationId: 'cmd-1',
      causationId: 'cmd-1',
    });
  });

  it('answers a commandId it has already handled with the earlier result, writing nothing', async () => {
    const first = await run(store, add(2), 'cmd-1');
    await run(store, add(3), 'cmd-2');

    const again = await run(store, add(2), 'cmd-1');

    expect(again.idempotentReplay).toBe(true);
    expect(again.events).toEqual(first.events);
    // The state as that command left it, not as the stream is now.
    expect(again.state).toEqual({ total: 2, additions: 1 });
    expect(again.nextExpectedVersion).toBe(1);
    expect(await store.headPosition()).toBe(2);
  });

  it('refuses a commandId reused for another command on the same stream, and writes nothing', async () => {
    await run(store, add(2), 'cmd-1');

    // A false success would answer "added 7" for a command that added nothing.
    const error = await run(store, add(7), 'cmd-1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CommandIdReusedError);
    expect((error as Error).message).toBe(
      'Command id cmd-1 was already used by another command on counter-1, which recorded Added. A command id belongs to one command: send this one with a new id.',
    );
    await expect(run(store, addTwice(2), 'cmd-1')).rejects.toBeInstanceOf(CommandIdReusedError);
    expect(await store.headPosition()).toBe(1);
  });

  it('still replays a retry of the same command sent at a later time', async () => {
    const stamped = (at: string) => ({ ...add(2), data: { amount: 2, at } }) as unknown as CounterCommand;
    const timed = {
      ...counterDecider,
      decide: (command: CounterCommand) => [{ type: 'Added' as const, data: { ...command.data } }],
    };
    const send = (at: string) => handleCommand({ store, decider: timed, streamId, command: stamped(at), commandId: 'cmd-t' });
    await send('2025-01-01T10:00:00.000Z');
    expect((await send('2025-01-01T10:05:00.000Z')).idempotentReplay).toBe(true);
    expect(await store.headPosition()).toBe(1);
  });

  it('records nothing when the decision is to change nothing', async () => {
    await run(store, add(2), 'cmd-1');
    const result = await run(store, add(0), 'cmd-2');
    expect(result).toMatchObject({ events: [], state: { total: 2 }, nextExpectedVersion: 1, idempotentReplay: false });
    expect(await store.headPosition()).toBe(1);
  });

  it('lets a refusal of the domain through unchanged, and writes nothing', async () => {
    await expect(run(store, add(-1), 'cmd-1')).rejects.toBeInstanceOf(DomainError);
    await expect(run(store, add(-1), 'cmd-1')).rejects.toThrow('Cannot add -1: amounts are never negative.');
    expect(await store.headPosition()).toBe(0);
  });

  it('decides again on the new state when another writer got in first', async () => {
    const racing = withRivalWriter(store, 2);
    const result = await run(racing, add(1), 'cmd-1');
    expect(result.attempts).toBe(3);
    expect(result.state).toEqual({ total: 201, additions: 3 });
    expect((await store.readStream(streamId)).map((event) => event.eventId)).toEqual(['rival-1', 'rival-2', 'cmd-1:0']);
  });

  it('gives up with the ConcurrencyError after maxRetries retries', async () => {
    const racing = withRivalWriter(store, 10);
    const error = await run(racing, add(1), 'cmd-1', { maxRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId, expected: 2, actual: 3 });
    expect(await store.eventsOfCommand('cmd-1')).toEqual([]);
    expect(await store.streamVersion(streamId)).toBe(3);
  });

  it('runs concurrent commands on one stream one after another, each on the state the previous left', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((amount) => run(store, add(amount), `cmd-${amount}`, { maxRetries: 10 })),
    );
    expect(results.map((result) => result.events[0]?.streamPosition).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await rehydrate(store, counterDecider, streamId)).state).toEqual({ total: 15, additions: 5 });
    expect(results.some((result) => result.attempts > 1)).toBe(true);
  });
});

describe('handleCommand with snapshots', () => {
  const snapshots = { every: 3, stateVersion: 1 };
  let store: EventStore;
  beforeEach(() => {
    store = createMemoryEventStore();
  });

  it('saves a snapshot each time the version crosses a multiple of `every`', async () => {
    const saved: (number | undefined)[] = [];
    for (let index = 1; index <= 7; index += 1) {
      const result = await run(store, add(index), `cmd-${index}`, { snapshots, now: () => 'T' });
      if (result.snapshotSaved) saved.push((await store.loadSnapshot(streamId))?.streamPosition);
    }
    expect(saved).toEqual([3, 6]);
    expect(await store.loadSnapshot(streamId)).toEqual({
      streamId,
      streamPosition: 6,
      stateVersion: 1,
      state: { total: 21, additions: 6 },
      takenAt: 'T',
    });
  });

  it('counts a command of several events that jumps over the multiple', async () => {
    await run(store, add(1), 'cmd-1', { snapshots });
    await run(store, add(1), 'cmd-2', { snapshots });
    const result = await run(store, addTwice(1), 'cmd-3', { snapshots });
    expect(result.snapshotSaved).toBe(true);
    expect((await store.loadSnapshot(streamId))?.streamPosition).toBe(4);
  });

  it('rehydrates from the snapshot plus the events after it, to the same state as a full replay', async () => {
    for (let index = 1; index <= 8; index += 1) await run(store, add(index), `cmd-${index}`, { snapshots });

    const fast = await rehydrate(store, counterDecider, streamId, { snapshots });
    const full = await rehydrate(store, counterDecider, streamId);

    expect(fast).toEqual({ state: { total: 36, additions: 8 }, version: 8, eventsRead: 2, fromSnapshot: 6, migratedTo: null });
    expect(full).toEqual({ state: fast.state, version: 8, eventsRead: 8, fromSnapshot: null, migratedTo: null });
  });

  it('ignores a snapshot of another state version and replays instead', async () => {
    for (let index = 1; index <= 4; index += 1) await run(store, add(index), `cmd-${index}`, { snapshots });
    const changedShape = await rehydrate(store, counterDecider, streamId, { snapshots: { every: 3, stateVersion: 2 } });
    expect(changedShape).toMatchObject({ eventsRead: 4, fromSnapshot: null, state: { total: 10 } });
  });

  it('loads from the snapshot when handling the next command', async () => {
    for (let index = 1; index <= 3; index += 1) await run(store, add(1), `cmd-${index}`, { snapshots });
    // Were the command's state replayed from the events, this edited snapshot would not show.
    const snapshot = await store.loadSnapshot(streamId);
    await store.saveSnapshot({ ...snapshot!, state: { total: 1000, additions: 3 } });
    const result = await run(store, add(1), 'cmd-4', { snapshots });
    expect(result.state).toEqual({ total: 1001, additions: 4 });
  });
});

describe('handleCommand in two tabs on one IndexedDB', () => {
  async function twoTabs() {
    const name = `handle-command-${Date.now()}-${Math.random()}`;
    const tabs: EventStore[] = [];
    for (let tab = 0; tab < 2; tab += 1) {
      const db = new WorkbookDb(name);
      await db.open();
      tabs.push(createDexieEventStore(db));
    }
    return tabs as [EventStore, EventStore];
  }

  it('records both of two different commands sent at the same time', async () => {
    const [tabA, tabB] = await twoTabs();
    const results = await Promise.all([run(tabA, add(1), 'cmd-a'), run(tabB, add(2), 'cmd-b')]);
    expect(results.every((result) => !result.idempotentReplay)).toBe(true);
    expect((await rehydrate(tabA, counterDecider, streamId)).state).toEqual({ total: 3, additions: 2 });
  });

  it('records once a command that both tabs send with the same commandId', async () => {
    const [tabA, tabB] = await twoTabs();
    await run(tabA, add(5), 'cmd-0');
    const results = await Promise.all([run(tabA, add(1), 'cmd-1'), run(tabB, add(1), 'cmd-1')]);
    expect(results.map((result) => result.idempotentReplay).sort()).toEqual([false, true]);
    expect(results[0]?.events).toEqual(results[1]?.events);
    expect(results[0]?.state).toEqual({ total: 6, additions: 2 });
    expect(results[1]?.state).toEqual({ total: 6, additions: 2 });
    expect(await tabB.headPosition()).toBe(2);
  });
});
