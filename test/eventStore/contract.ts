/**
 * The event store contract (DESIGN.md), one suite for every implementation: memory, Dexie on fake-indexeddb in
 * node, Dexie on real IndexedDB in Chromium. Free of node-only APIs so the browser run can import it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/core/errors';
import { ConcurrencyError } from '../../src/eventStore/errors';
import type { EventStore, ExpectedVersion, NewEvent, RecordedEvent } from '../../src/eventStore/types';

const event = (eventId: string, data: unknown = { eventId }, type = 'Happened'): NewEvent => ({ eventId, type, data });
const events = (prefix: string, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, index) => event(`${prefix}-${index + 1}`));
const positions = (recorded: readonly RecordedEvent[]) => recorded.map((e) => [e.streamPosition, e.globalPosition]);

async function conflictOf(promise: Promise<unknown>): Promise<ConcurrencyError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ConcurrencyError);
  return error as ConcurrencyError;
}

export function eventStoreContract(name: string, makeStore: () => Promise<EventStore>): void {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(() => {
      store.close();
    });

    async function expectNothingWritten(streamId: string, headBefore: number) {
      expect(await store.headPosition()).toBe(headBefore);
      expect(await store.readAll({ after: headBefore })).toEqual([]);
      expect((await store.readStream(streamId)).length).toBe(await store.streamVersion(streamId));
    }

    describe('positions', () => {
      it('start at 1 and have no gaps, in the stream and in the whole log', async () => {
        await store.appendToStream('order-a', events('a1', 2));
        await store.appendToStream('order-b', events('b1', 1));
        await store.appendToStream('order-a', events('a2', 2));

        expect(positions(await store.readStream('order-a'))).toEqual([
          [1, 1],
          [2, 2],
          [3, 4],
          [4, 5],
        ]);
        expect(positions(await store.readStream('order-b'))).toEqual([[1, 3]]);
        expect((await store.readAll()).map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5]);
        expect(await store.streamVersion('order-a')).toBe(4);
        expect(await store.streamVersion('order-none')).toBe(0);
      });

      it('records type, data, schema version and metadata, filling the defaults', async () => {
        const { events: recorded } = await store.appendToStream('order-1', [
          { eventId: 'e1', type: 'OrderPlaced', data: { orderId: '1' } },
          {
            eventId: 'e2',
            type: 'OrderConfirmed',
            schemaVersion: 2,
            data: { orderId: '1' },
            metadata: { commandId: 'cmd-9', correlationId: 'corr-1' },
          },
        ]);
        const [placed, confirmed] = await store.readStream('order-1');
        expect(recorded).toEqual([placed, confirmed]);
        expect(placed).toMatchObject({
          eventId: 'e1',
          streamId: 'order-1',
          type: 'OrderPlaced',
          schemaVersion: 1,
          data: { orderId: '1' },
          metadata: { commandId: 'e1', correlationId: 'e1', causationId: 'e1' },
        });
        expect(confirmed).toMatchObject({
          schemaVersion: 2,
          metadata: { commandId: 'cmd-9', correlationId: 'corr-1', causationId: 'cmd-9' },
        });
        expect(Number.isNaN(Date.parse(placed!.metadata.recordedAt))).toBe(false);
      });

      it('keeps the event as appended even if the caller later changes its data object', async () => {
        const data = { items: ['Laptop'] };
        await store.appendToStream('order-1', [event('e1', data)]);
        data.items.push('Mouse');
        expect((await store.readStream('order-1'))[0]?.data).toEqual({ items: ['Laptop'] });
      });
    });

    describe('atomic append: all events or none', () => {
      beforeEach(async () => {
        await store.appendToStream('order-1', events('before', 2));
      });

      it('writes nothing when one event of the batch has no type', async () => {
        const broken = [event('x1'), { eventId: 'x2', data: {} } as unknown as NewEvent, event('x3')];
        await expect(store.appendToStream('order-1', broken)).rejects.toThrow(/type/);
        await expectNothingWritten('order-1', 2);
      });

      it('writes nothing when two events of the batch share an id', async () => {
        await expect(store.appendToStream('order-1', [event('x1'), event('x2'), event('x1')])).rejects.toThrow(
          /x1/,
        );
        await expectNothingWritten('order-1', 2);
      });

      it('writes nothing when the last event carries data that cannot be stored (a function)', async () => {
        const batch = [event('x1'), event('x2', { callback: () => 1 })];
        await expect(store.appendToStream('order-1', batch)).rejects.toThrow();
        await expectNothingWritten('order-1', 2);
      });

      // Event data is what an export file can hold: plain JSON values. IndexedDB's structured clone would take a
      // cycle, a Date or a Map that the memory store refuses; every store refuses them, the same way.
      const cyclicObject = () => {
        const order: Record<string, unknown> = { orderId: '1' };
        order['self'] = order;
        return order;
      };
      const cyclicArray = () => {
        const items: unknown[] = ['Laptop'];
        items.push({ items });
        return { items };
      };
      const notPlain: [string, () => unknown, string][] = [
        ['an object that contains itself', cyclicObject, 'events[1].data.self'],
        ['an array that contains itself, deeper down', cyclicArray, 'events[1].data.items[1].items'],
        ['a Date', () => ({ at: new Date(0) }), 'events[1].data.at'],
        ['a Map', () => ({ stock: new Map([['Laptop', 1]]) }), 'events[1].data.stock'],
        ['NaN', () => ({ total: Number.NaN }), 'events[1].data.total'],
        ['a bigint', () => ({ total: 1n }), 'events[1].data.total'],
        ['a symbol', () => ({ tag: Symbol('x') }), 'events[1].data.tag'],
      ];
      for (const [label, data, field] of notPlain) {
        it(`refuses data holding ${label} with a ValidationError naming where, and writes nothing`, async () => {
          const error = await store.appendToStream('order-1', [event('x1'), event('x2', data())]).then(
            () => undefined,
            (rejection: unknown) => rejection,
          );
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).issues).toEqual([{ field, message: expect.stringMatching(/plain JSON values/) }]);
          await expectNothingWritten('order-1', 2);
        });
      }

      it('takes data that shares an object in two places (a repeat is not a cycle)', async () => {
        const item = { product: 'Laptop' };
        await store.appendToStream('order-1', [event('x1', { items: [item, item] })]);
        expect((await store.readStream('order-1', { from: 3 }))[0]?.data).toEqual({ items: [item, item] });
      });

      it('refuses, as a conflict, a batch with an event id already recorded in another stream', async () => {
        const error = await conflictOf(store.appendToStream('order-2', [event('x1'), event('before-1')]));
        expect(error.streamId).toBe('order-2');
        await expectNothingWritten('order-2', 2);
      });

      it("knows every id it holds, whether or not it is handleCommand's `<commandId>:<k>` of its command", async () => {
        const under = (commandId: string, ...ids: string[]): NewEvent[] => ids.map((id) => ({ ...event(id), metadata: { commandId } }));
        const twelve = Array.from({ length: 12 }, (_, k) => `cmd-8:${k}`);
        await store.appendToStream('order-7', [...under('other', 'cmd-9:0'), ...under('cmd-7', 'cmd-7:0', 'cmd-7:1'), ...under('cmd-8', ...twelve)]);
        await store.appendToStream('order-7', under('cmd-7', 'cmd-7:2', 'cmd-7:9'));
        const head = await store.headPosition();
        for (const [id, commandId] of [['cmd-9:0', 'cmd-9'], ['cmd-7:1', 'x'], ['cmd-7:2', 'cmd-7'], ['cmd-7:9', 'y'], ['cmd-8:11', 'cmd-8']] as const)
          // Looked up first as a command found unrecorded (cmd-9 is; "cmd" prefixes every id): the id is still taken.
          for (const looked of ['cmd-9', 'cmd']) {
            if (store.loadForCommand) expect((await store.loadForCommand({ commandId: looked, streamId: 'order-8' })).earlier).toEqual([]);
            await conflictOf(store.appendToStream('order-8', under(commandId, id)));
          }
        await expectNothingWritten('order-8', head);
        const retried = await store.appendToStream('order-7', under('cmd-8', ...twelve), { expectedVersion: 3 });
        expect(retried.alreadyRecorded).toBe(true);
        expect(retried.events.map((e) => e.eventId)).toEqual(twelve);
        // Other spellings are other ids.
        await store.appendToStream('order-8', [...under('cmd-7', 'cmd-7:01', 'cmd-7:3', 'cmd-7'), ...under('cmd-8', 'cmd-8:12', 'cmd-8:1e1')]);
        expect((await store.eventsOfCommand('cmd-7')).map((e) => e.eventId)).toEqual(['cmd-7:0', 'cmd-7:1', 'cmd-7:2', 'cmd-7:9', 'cmd-7:01', 'cmd-7:3', 'cmd-7']);
        await store.clear();
        expect((await store.appendToStream('order-8', under('cmd-7', 'cmd-7:1', 'cmd-9:0'))).events.map((e) => e.globalPosition)).toEqual([1, 2]);
      });

      it('after a refused append the next one works and positions stay gapless', async () => {
        await expect(store.appendToStream('order-1', [event('x1'), event('x1')])).rejects.toThrow();
        await store.appendToStream('order-1', [event('x1')], { expectedVersion: 2 });
        expect(positions(await store.readAll())).toEqual([
          [1, 1],
          [2, 2],
          [3, 3],
        ]);
      });

      it('an empty append writes nothing and reports the current version', async () => {
        const result = await store.appendToStream('order-1', [], { expectedVersion: 2 });
        expect(result).toEqual({ nextExpectedVersion: 2, events: [], alreadyRecorded: false });
        expect(await store.headPosition()).toBe(2);
      });
    });

    describe('expected version', () => {
      const accepted: [string, number, ExpectedVersion][] = [
        ['any on an empty stream', 0, 'any'],
        ['any on a stream with events', 2, 'any'],
        ['noStream on an empty stream', 0, 'noStream'],
        ['streamExists on a stream with events', 2, 'streamExists'],
        ['0 on an empty stream', 0, 0],
        ['the exact version', 2, 2],
      ];
      for (const [label, existing, expectedVersion] of accepted) {
        it(`accepts ${label}`, async () => {
          if (existing > 0) await store.appendToStream('order-42', events('old', existing));
          const result = await store.appendToStream('order-42', [event('new')], { expectedVersion });
          expect(result.nextExpectedVersion).toBe(existing + 1);
          expect(result.alreadyRecorded).toBe(false);
          expect(result.events.map((e) => e.streamPosition)).toEqual([existing + 1]);
        });
      }

      const refused: [string, number, ExpectedVersion][] = [
        ['noStream on a stream with events', 2, 'noStream'],
        ['streamExists on an empty stream', 0, 'streamExists'],
        ['a version behind the stream', 3, 2],
        ['a version ahead of the stream', 1, 2],
        ['0 on a stream with events', 1, 0],
      ];
      for (const [label, existing, expectedVersion] of refused) {
        it(`refuses ${label} with a ConcurrencyError naming both versions`, async () => {
          if (existing > 0) await store.appendToStream('order-42', events('old', existing));
          const error = await conflictOf(store.appendToStream('order-42', [event('new')], { expectedVersion }));
          expect(error).toMatchObject({ kind: 'conflict', streamId: 'order-42', expected: expectedVersion, actual: existing });
          expect(error.message).toContain(`is at version ${existing}`);
          await expectNothingWritten('order-42', existing);
        });
      }

      it('says what went wrong in words', async () => {
        await store.appendToStream('order-42', events('old', 3));
        const error = await conflictOf(store.appendToStream('order-42', [event('new')], { expectedVersion: 2 }));
        expect(error.message).toBe('Stream order-42 is at version 3, but the command expected version 2.');
      });

      it("defaults to 'any'", async () => {
        await store.appendToStream('order-42', events('old', 2));
        expect((await store.appendToStream('order-42', [event('new')])).nextExpectedVersion).toBe(3);
      });
    });

    describe('retried append (idempotency by event id)', () => {
      it('succeeds without writing when the same events were recorded right after the expected version', async () => {
        const first = await store.appendToStream('order-1', events('c1', 2), { expectedVersion: 'noStream' });
        await store.appendToStream('order-1', [event('later')]);
        const notices: number[] = [];
        const unsubscribe = store.subscribe((notice) => notices.push(notice.headPosition));

        const retry = await store.appendToStream('order-1', events('c1', 2), { expectedVersion: 'noStream' });
        unsubscribe();

        expect(retry.alreadyRecorded).toBe(true);
        expect(retry.events).toEqual(first.events);
        expect(await store.headPosition()).toBe(3);
        expect(notices).toEqual([]);
      });

      it('recognises a retry with an exact expected version', async () => {
        await store.appendToStream('order-1', events('a', 1));
        await store.appendToStream('order-1', events('c1', 2), { expectedVersion: 1 });
        const retry = await store.appendToStream('order-1', events('c1', 2), { expectedVersion: 1 });
        expect(retry.alreadyRecorded).toBe(true);
        expect(retry.events.map((e) => e.streamPosition)).toEqual([2, 3]);
      });

      it('treats a partial match (only some of the ids recorded) as a conflict and writes nothing', async () => {
        await store.appendToStream('order-1', events('c1', 2), { expectedVersion: 'noStream' });
        const retry = [event('c1-1'), event('c1-new')];
        await conflictOf(store.appendToStream('order-1', retry, { expectedVersion: 'noStream' }));
        await expectNothingWritten('order-1', 2);
      });

      it('treats the same ids recorded at other positions as a conflict', async () => {
        await store.appendToStream('order-1', events('a', 1));
        await store.appendToStream('order-1', events('c1', 1), { expectedVersion: 1 });
        const error = await conflictOf(store.appendToStream('order-1', events('c1', 1), { expectedVersion: 0 }));
        expect(error).toMatchObject({ expected: 0, actual: 2 });
        await expectNothingWritten('order-1', 2);
      });
    });

    describe('reading', () => {
      it('reads a stream from and to a position, inclusive', async () => {
        await store.appendToStream('order-1', events('e', 4));
        const middle = await store.readStream('order-1', { from: 2, to: 3 });
        expect(middle.map((e) => e.eventId)).toEqual(['e-2', 'e-3']);
        expect((await store.readStream('order-1', { from: 4 })).map((e) => e.eventId)).toEqual(['e-4']);
        expect(await store.readStream('order-1', { from: 5 })).toEqual([]);
        expect(await store.readStream('order-unknown')).toEqual([]);
      });

      it('reads the whole log in batches after a position, over more than two batches', async () => {
        for (let index = 0; index < 5; index += 1) await store.appendToStream(`order-${index % 3}`, events(`b${index}`, 5));
        const seen: number[] = [];
        const batchSizes: number[] = [];
        let after = 0;
        for (;;) {
          const batch = await store.readAll({ after, limit: 10 });
          if (batch.length === 0) break;
          batchSizes.push(batch.length);
          seen.push(...batch.map((e) => e.globalPosition));
          after = batch[batch.length - 1]!.globalPosition;
        }
        expect(batchSizes).toEqual([10, 10, 5]);
        expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
        expect(await store.readAll({ after: 25 })).toEqual([]);
        expect((await store.readAll({ after: 23 })).map((e) => e.globalPosition)).toEqual([24, 25]);
      });

      it('knows the head position', async () => {
        expect(await store.headPosition()).toBe(0);
        await store.appendToStream('order-1', events('e', 3));
        await store.appendToStream('order-2', events('f', 1));
        expect(await store.headPosition()).toBe(4);
      });

      it('lists the events one command wrote, in order', async () => {
        const byCommand = (eventId: string, commandId: string): NewEvent => ({
          ...event(eventId),
          metadata: { commandId },
        });
        await store.appendToStream('order-1', [byCommand('e1', 'cmd-1'), byCommand('e2', 'cmd-1')]);
        await store.appendToStream('order-2', [byCommand('e3', 'cmd-2')]);
        expect((await store.eventsOfCommand('cmd-1')).map((e) => e.eventId)).toEqual(['e1', 'e2']);
        expect((await store.eventsOfCommand('cmd-2')).map((e) => e.eventId)).toEqual(['e3']);
        expect(await store.eventsOfCommand('cmd-never')).toEqual([]);
      });

      it('lists stream ids by prefix, in order of their first event', async () => {
        await store.appendToStream('user-1', events('u', 1));
        await store.appendToStream('order-2', events('o2', 1));
        await store.appendToStream('order-1', events('o1', 2));
        await store.appendToStream('order-2', events('o2b', 1));
        expect(await store.streamIds()).toEqual(['user-1', 'order-2', 'order-1']);
        expect(await store.streamIds('order-')).toEqual(['order-2', 'order-1']);
        expect(await store.streamIds('payment-')).toEqual([]);
      });
    });

    describe('subscriptions', () => {
      it('tells subscribers the new head position after each append, until they unsubscribe', async () => {
        const notices: number[] = [];
        const unsubscribe = store.subscribe((notice) => notices.push(notice.headPosition));
        await store.appendToStream('order-1', events('a', 2));
        await store.appendToStream('order-2', events('b', 1));
        await expect(store.appendToStream('order-1', [event('c')], { expectedVersion: 0 })).rejects.toThrow();
        unsubscribe();
        await store.appendToStream('order-1', events('d', 1));
        expect(notices).toEqual([2, 3]);
      });

      it('keeps appending when a subscriber throws', async () => {
        const notices: number[] = [];
        const unsubscribeBroken = store.subscribe(() => {
          throw new Error('broken view');
        });
        const unsubscribe = store.subscribe((notice) => notices.push(notice.headPosition));
        const original = console.error;
        console.error = () => {};
        try {
          await store.appendToStream('order-1', events('a', 1));
        } finally {
          console.error = original;
          unsubscribeBroken();
          unsubscribe();
        }
        expect(notices).toEqual([1]);
      });
    });

    describe('snapshots', () => {
      it('saves and loads the latest snapshot of a stream', async () => {
        expect(await store.loadSnapshot('order-1')).toBeUndefined();
        const snapshot = { streamId: 'order-1', streamPosition: 5, stateVersion: 1, state: { count: 5 }, takenAt: '2026-01-01T00:00:00.000Z' };
        await store.saveSnapshot(snapshot);
        expect(await store.loadSnapshot('order-1')).toEqual(snapshot);
        await store.saveSnapshot({ ...snapshot, streamPosition: 10, state: { count: 10 } });
        expect(await store.loadSnapshot('order-1')).toMatchObject({ streamPosition: 10, state: { count: 10 } });
        expect(await store.loadSnapshot('order-2')).toBeUndefined();
      });
    });

    describe('one read for a command (loadForCommand)', () => {
      it('answers as eventsOfCommand, loadSnapshot and readStream do, the snapshot only of the state version asked for', async () => {
        if (!store.loadForCommand) return expect(store.loadForCommand).toBeUndefined();
        await store.appendToStream('order-1', [{ ...event('a'), metadata: { commandId: 'cmd-1' } }, { ...event('b'), metadata: { commandId: 'cmd-1' } }]);
        await store.appendToStream('order-1', events('c', 3));
        await store.appendToStream('order-2', events('d', 1));
        const snapshot = { streamId: 'order-1', streamPosition: 3, stateVersion: 2, state: { count: 3 }, takenAt: '2026-01-01T00:00:00.000Z' };
        await store.saveSnapshot(snapshot);

        const recorded = await store.loadForCommand({ commandId: 'cmd-1', streamId: 'order-1', snapshotStateVersion: 2 });
        expect(recorded).toEqual({ earlier: await store.eventsOfCommand('cmd-1'), tail: [] });
        expect(recorded.earlier.map((e) => e.eventId)).toEqual(['a', 'b']);

        const afterSnapshot = await store.loadForCommand({ commandId: 'new', streamId: 'order-1', snapshotStateVersion: 2 });
        expect(afterSnapshot).toEqual({ earlier: [], snapshot, tail: await store.readStream('order-1', { from: 4 }) });
        expect(afterSnapshot.tail.map((e) => e.streamPosition)).toEqual([4, 5]);

        const otherShape = await store.loadForCommand({ commandId: 'new', streamId: 'order-1', snapshotStateVersion: 1 });
        expect(otherShape).toEqual({ earlier: [], tail: await store.readStream('order-1') });
        expect(await store.loadForCommand({ commandId: 'new', streamId: 'order-1' })).toEqual(otherShape);
        expect(await store.loadForCommand({ commandId: 'new', streamId: 'nobody' })).toEqual({ earlier: [], tail: [] });
      });

      it('reads the whole tail after the snapshot in streams of every length (64, 65 and 130 events)', async () => {
        if (!store.loadForCommand) return expect(store.loadForCommand).toBeUndefined();
        const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
        for (const length of [64, 65, 130]) {
          const streamId = `order-${length}`;
          await store.appendToStream(streamId, events(`e${length}`, length));
          const load = (snapshotStateVersion?: number) =>
            store.loadForCommand!({ commandId: 'new', streamId, ...(snapshotStateVersion === undefined ? {} : { snapshotStateVersion }) });
          expect((await load(1)).tail.map((e) => e.streamPosition)).toEqual(range(1, length));
          for (const at of [10, 63, 64, 70, 130].filter((position) => position <= length)) {
            await store.saveSnapshot({ streamId, streamPosition: at, stateVersion: 1, state: { at }, takenAt: '2026-01-01T00:00:00.000Z' });
            const loaded = await load(1);
            expect(loaded.snapshot?.streamPosition).toBe(at);
            expect(loaded.tail.map((e) => e.streamPosition)).toEqual(range(at + 1, length));
          }
          expect((await load(2)).tail.map((e) => e.streamPosition)).toEqual(range(1, length));
          expect((await load()).tail).toEqual(await store.readStream(streamId));
        }
      });

      it('runs alsoRead on exactly what it returns, before returning, and fails when alsoRead fails', async () => {
        if (!store.loadForCommand) return expect(store.loadForCommand).toBeUndefined();
        await store.appendToStream('order-1', events('a', 2));
        const seen: unknown[] = [];
        const loaded = await store.loadForCommand({ commandId: 'new', streamId: 'order-1', alsoRead: async (read) => void seen.push(read) });
        expect(seen).toEqual([loaded]);
        expect(seen[0]).toBe(loaded);
        const failing = store.loadForCommand({
          commandId: 'new',
          streamId: 'order-1',
          alsoRead: async () => {
            throw new Error('the key lookup failed');
          },
        });
        await expect(failing).rejects.toThrow('the key lookup failed');
      });

      it('runs readAlongside once, finished before alsoRead, and fails when readAlongside fails', async () => {
        if (!store.loadForCommand) return expect(store.loadForCommand).toBeUndefined();
        await store.appendToStream('order-1', events('a', 2));
        const order: string[] = [];
        const loaded = await store.loadForCommand({
          commandId: 'new',
          streamId: 'order-1',
          readAlongside: async () => {
            await store.headPosition();
            order.push('alongside');
          },
          alsoRead: async () => void order.push('also'),
        });
        expect(order).toEqual(['alongside', 'also']);
        expect(loaded.tail.map((e) => e.eventId)).toEqual(['a-1', 'a-2']);
        const failing = store.loadForCommand({
          commandId: 'new',
          streamId: 'order-1',
          readAlongside: async () => {
            throw new Error('the guessed keys could not be read');
          },
        });
        await expect(failing).rejects.toThrow('the guessed keys could not be read');
      });

      it('after finding a command id unrecorded, still lists every event appended under it, and streams stay apart', async () => {
        if (!store.loadForCommand) return expect(store.loadForCommand).toBeUndefined();
        const byCommand = (eventId: string): NewEvent => ({ ...event(eventId), metadata: { commandId: 'cmd-late' } });
        expect(await store.loadForCommand({ commandId: 'cmd-late', streamId: 'order-1' })).toEqual({ earlier: [], tail: [] });
        await store.appendToStream('order-1', [byCommand('a'), byCommand('b')]);
        await store.appendToStream('order-2', [byCommand('c')]);
        expect(await store.loadForCommand({ commandId: 'cmd-late', streamId: 'order-2' })).toMatchObject({ tail: [] });
        expect((await store.eventsOfCommand('cmd-late')).map((e) => e.eventId)).toEqual(['a', 'b', 'c']);
        expect((await store.readStream('order-1')).map((e) => e.eventId)).toEqual(['a', 'b']);
        expect((await store.readStream('order-2')).map((e) => e.eventId)).toEqual(['c']);
        await store.clear();
        expect(await store.readStream('order-2')).toEqual([]);
        await store.appendToStream('order-2', [byCommand('d')]);
        expect((await store.eventsOfCommand('cmd-late')).map((e) => e.eventId)).toEqual(['d']);
      });
    });

    describe('clear', () => {
      it('removes every event and snapshot; positions start again at 1', async () => {
        await store.appendToStream('order-1', events('a', 3));
        await store.saveSnapshot({ streamId: 'order-1', streamPosition: 3, stateVersion: 1, state: {}, takenAt: 'now' });
        await store.clear();
        expect(await store.headPosition()).toBe(0);
        expect(await store.readAll()).toEqual([]);
        expect(await store.streamIds()).toEqual([]);
        expect(await store.eventsOfCommand('a-1')).toEqual([]);
        expect(await store.loadSnapshot('order-1')).toBeUndefined();
        const again = await store.appendToStream('order-1', events('a', 1), { expectedVersion: 'noStream' });
        expect(positions(again.events)).toEqual([[1, 1]]);
      });
    });

    describe('optimistic concurrency', () => {
      it('lets exactly one of several concurrent appends with the same expected version win', async () => {
        await store.appendToStream('order-1', events('start', 1));
        const attempts = await Promise.allSettled(
          Array.from({ length: 5 }, (_, writer) =>
            store.appendToStream('order-1', events(`w${writer}`, 2), { expectedVersion: 1 }),
          ),
        );
        const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
        const losers = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(4);
        for (const loser of losers) expect(loser).toMatchObject({ kind: 'conflict', expected: 1, actual: 3 });
        expect((await store.readStream('order-1')).map((e) => e.streamPosition)).toEqual([1, 2, 3]);
        expect(await store.headPosition()).toBe(3);
      });
    });
  });
}
