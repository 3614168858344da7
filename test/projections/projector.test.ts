import { describe, expect, it, vi } from 'vitest';
import { createMemoryEventStore } from '../../src/eventStore/memoryEventStore';
import type { EventStore } from '../../src/eventStore/types';
import { applyBatch } from '../../src/projections/applyBatch';
import { createMemoryProjectionStore } from '../../src/projections/memoryProjectionStore';
import type { ProjectionStore } from '../../src/projections/projectionStore';
import {
  createProjector,
  type ProjectionStatus,
  type ProjectorOptions,
  type ProjectorStatus,
  type RebuildProgress,
} from '../../src/projections/projector';
import { ordersProjection, type OrderDoc } from '../../src/projections/readModels/orders';
import type { AnyProjection, Projection } from '../../src/projections/types';
import { countingProjection, failsOnceAt, type CountDoc } from './support/countingProjection';
import { manyOrderEvents } from './support/manyOrders';
import { laptop, placed, record } from './support/orderHistory';

/** A real projection store that also counts its commits per projection. */
function countingCommits(inner: ProjectionStore) {
  const commits: string[] = [];
  const store: ProjectionStore = {
    ...inner,
    commit: (projection, changes, checkpoint, options) => {
      commits.push(projection);
      return inner.commit(projection, changes, checkpoint, options);
    },
  };
  return { store, commits };
}

async function setUp(events: number, projections: readonly AnyProjection[], options: Partial<ProjectorOptions> = {}) {
  const store = createMemoryEventStore();
  const projectionStore = createMemoryProjectionStore();
  await record(store, manyOrderEvents(events));
  const projector = createProjector({ store, projectionStore, projections, batchSize: 4, ...options });
  return { store, projectionStore, projector };
}

const statusOf = (status: ProjectorStatus, name: string): ProjectionStatus => {
  const found = status.projections.find((projection) => projection.name === name);
  if (!found) throw new Error(`no status for ${name}`);
  return found;
};
const allCount = async (projectionStore: ProjectionStore, name = 'counts') =>
  (await projectionStore.getDocument<CountDoc>(name, 'all'))?.count;
const docsOf = async (projectionStore: ProjectionStore, name: string) => projectionStore.listDocuments(name);

describe('catching up', () => {
  it('applies the log in batches, one commit per batch, up to the head', async () => {
    const store = createMemoryEventStore();
    await record(store, manyOrderEvents(10));
    const { store: projectionStore, commits } = countingCommits(createMemoryProjectionStore());
    const projector = createProjector({ store, projectionStore, projections: [countingProjection()], batchSize: 4 });
    await projector.start();
    await projector.whenCaughtUp();
    expect(commits).toEqual(['counts', 'counts', 'counts']); // 4 + 4 + 2 events
    expect(await allCount(projectionStore)).toBe(10);
    expect(statusOf(projector.getStatus(), 'counts')).toMatchObject({ status: 'idle', checkpoint: 10, lag: 0 });
  });

  it('follows events appended after it started', async () => {
    const { store, projectionStore, projector } = await setUp(2, [ordersProjection]);
    await projector.start();
    await projector.whenCaughtUp();
    await record(store, [placed('late', [laptop], '2026-02-01T00:00:00.000Z')]);
    await projector.whenCaughtUp();
    expect(await projectionStore.getDocument<OrderDoc>('orders', 'late')).toMatchObject({ status: 'pending' });
    expect(projector.getStatus().headPosition).toBe(3);
  });

  it('moves the checkpoint past events a projection does not handle', async () => {
    const store = createMemoryEventStore();
    const projectionStore = createMemoryProjectionStore();
    await store.appendToStream('user-1', [
      { eventId: 'u1', type: 'UserCreated', data: { userId: '1', firstName: 'J', lastName: 'D', email: 'j@d.e', createdAt: 'x' } },
    ]);
    const projector = createProjector({ store, projectionStore, projections: [ordersProjection] });
    await projector.start();
    await projector.whenCaughtUp();
    expect(statusOf(projector.getStatus(), 'orders')).toMatchObject({ checkpoint: 1, lag: 0 });
  });

  it('tells listeners about every change with a new status object', async () => {
    const { projector } = await setUp(6, [countingProjection()]);
    const seen: ProjectorStatus[] = [];
    projector.onChange((status) => seen.push(status));
    await projector.start();
    await projector.whenCaughtUp();
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.at(-1)).toBe(projector.getStatus());
    expect(seen.map((status) => statusOf(status, 'counts').checkpoint)).toContain(4);
  });
});

describe('applying the same events twice', () => {
  it('changes nothing: the checkpoint drops events it has already applied', async () => {
    const store = createMemoryEventStore();
    const projectionStore = createMemoryProjectionStore();
    await record(store, manyOrderEvents(5));
    const events = await store.readAll();
    const projection = countingProjection();
    await projectionStore.reset(projection.name, projection.version);
    const start = (await projectionStore.readCheckpoint(projection.name))!;

    const first = await applyBatch(projection, projectionStore, events, start);
    const afterFirst = await projectionStore.listDocuments(projection.name);
    // The same batch again, as a crashed tab that re-reads from its last known checkpoint would send it.
    const second = await applyBatch(projection, projectionStore, events, first.checkpoint);
    const stale = await applyBatch(projection, projectionStore, events, start);

    expect(first.advancedBy).toBe(5);
    expect(second.advancedBy).toBe(0);
    expect(stale).toMatchObject({ committed: false, advancedBy: 0 });
    expect(await projectionStore.listDocuments(projection.name)).toEqual(afterFirst);
    expect(await allCount(projectionStore)).toBe(5);
  });
});

describe('eventual consistency made visible', () => {
  it('waits the delay before catching up, showing the lag meanwhile', async () => {
    // The delay runs on a fake clock: the test moves time itself, so a busy machine cannot let the delay run out
    // before the read model is looked at, and no test waits the 400 ms for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { store, projectionStore, projector } = await setUp(0, [ordersProjection], { delayMs: 400 });
      await projector.start();
      await vi.advanceTimersByTimeAsync(400);
      await projector.whenCaughtUp();
      await record(store, [placed('slow', [laptop], '2026-02-01T00:00:00.000Z')]);
      await vi.advanceTimersByTimeAsync(399);
      expect(statusOf(projector.getStatus(), 'orders')).toMatchObject({ status: 'catchingUp', lag: 1 });
      expect(await projectionStore.getDocument('orders', 'slow')).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await projector.whenCaughtUp();
      expect(await projectionStore.getDocument('orders', 'slow')).toBeDefined();
      expect(statusOf(projector.getStatus(), 'orders')).toMatchObject({ status: 'idle', lag: 0 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the delay between 0 and 5000 ms', async () => {
    const { projector } = await setUp(0, [ordersProjection]);
    projector.setDelay(99_999);
    expect(projector.getStatus().delayMs).toBe(5000);
    projector.setDelay(-3);
    expect(projector.getStatus().delayMs).toBe(0);
  });
});

describe('pause, resume and step', () => {
  it('holds a paused projection back while the others go on, and steps it one event at a time', async () => {
    const { store, projectionStore, projector } = await setUp(3, [countingProjection(), ordersProjection]);
    await projector.start();
    await projector.whenCaughtUp();
    projector.pause('counts');
    await record(store, manyOrderEvents(6).slice(3));
    await projector.whenCaughtUp();

    expect(statusOf(projector.getStatus(), 'counts')).toMatchObject({ status: 'paused', checkpoint: 3, lag: 3 });
    expect(statusOf(projector.getStatus(), 'orders')).toMatchObject({ status: 'idle', checkpoint: 6 });

    const stepped = await projector.step('counts');
    expect(stepped).toMatchObject({ status: 'paused', checkpoint: 4, lag: 2 });
    expect(await allCount(projectionStore)).toBe(4);

    projector.resume('counts');
    await projector.whenCaughtUp();
    expect(statusOf(projector.getStatus(), 'counts')).toMatchObject({ status: 'idle', checkpoint: 6 });
    expect(await allCount(projectionStore)).toBe(6);
  });

  it('refuses to control a projection it does not know', async () => {
    const { projector } = await setUp(0, [ordersProjection]);
    expect(() => projector.pause('nope')).toThrow(/No projection named "nope"/);
  });
});

describe('a projection that fails on an event', () => {
  const failsOnPosition = (position: number) => countingProjection({ failOn: (event) => event.globalPosition === position });

  it('is marked faulted on that event, keeps what it applied before it, and does not stop the others', async () => {
    const { projectionStore, projector } = await setUp(8, [failsOnPosition(6), ordersProjection]);
    await projector.start();
    await projector.whenCaughtUp();

    const counts = statusOf(projector.getStatus(), 'counts');
    expect(counts).toMatchObject({ status: 'faulted', checkpoint: 5, lag: 3 });
    expect(counts.fault).toEqual({ globalPosition: 6, eventType: 'OrderConfirmed', reason: 'cannot count event 6' });
    // Events 5 (same batch as 6) and before are committed; nothing of event 6 is.
    expect((await projectionStore.getDocument<CountDoc>('counts', 'all'))?.positions).toEqual([1, 2, 3, 4, 5]);
    expect((await projectionStore.readCheckpoint('counts'))?.fault?.globalPosition).toBe(6);
    expect(statusOf(projector.getStatus(), 'orders')).toMatchObject({ status: 'idle', checkpoint: 8 });
  });

  it('can skip the event and go on', async () => {
    const { projectionStore, projector } = await setUp(8, [failsOnPosition(6)]);
    await projector.start();
    await projector.whenCaughtUp();
    const after = await projector.skip('counts');
    expect(after).toMatchObject({ status: 'idle', checkpoint: 8, fault: null });
    expect((await projectionStore.getDocument<CountDoc>('counts', 'all'))?.positions).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });

  it('can retry the event once the cause is gone', async () => {
    const { projectionStore, projector } = await setUp(8, [countingProjection({ failOn: failsOnceAt(6) })]);
    await projector.start();
    await projector.whenCaughtUp();
    expect(statusOf(projector.getStatus(), 'counts').status).toBe('faulted');
    const after = await projector.retry('counts');
    expect(after).toMatchObject({ status: 'idle', checkpoint: 8, fault: null });
    expect((await projectionStore.getDocument<CountDoc>('counts', 'all'))?.positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('faults again when a retry fails again', async () => {
    const { projector } = await setUp(8, [failsOnPosition(6)]);
    await projector.start();
    await projector.whenCaughtUp();
    expect(await projector.retry('counts')).toMatchObject({ status: 'faulted', checkpoint: 5 });
  });

  it('faults, naming documentIds, when evolve reads a document it did not declare', async () => {
    const sneaky: Projection<number> = {
      name: 'sneaky',
      version: 1,
      handles: ['OrderPlaced'],
      documentIds: () => ['declared'],
      evolve: (docs) => void docs.get('undeclared'),
    };
    const { projector } = await setUp(1, [sneaky]);
    await projector.start();
    await projector.whenCaughtUp();
    expect(statusOf(projector.getStatus(), 'sneaky').fault?.reason).toMatch(/"undeclared" without naming it in documentIds/);
  });

  // Documents are handed to evolve without a copy, frozen: a mutation must fault, not leak into the batch.
  type ListDoc = { readonly positions: number[] };
  const mutatesOn = (position: number): Projection<ListDoc> => ({
    name: 'mutating',
    version: 1,
    handles: ['OrderPlaced', 'OrderConfirmed'],
    documentIds: () => ['list'],
    evolve(docs, event) {
      const list = docs.get('list');
      if (!list) return docs.put('list', { positions: [event.globalPosition] });
      if (event.globalPosition === position) {
        list.positions.push(event.globalPosition); // the bug: changes the stored document in place
        throw new Error('evolve failed after mutating');
      }
      docs.put('list', { positions: [...list.positions, event.globalPosition] });
    },
  });

  it('faults on an evolve that mutates a document it read, and the batch keeps the document as it was', async () => {
    // Batch of 4: events 1 and 2 put the list; event 3 mutates the one event 2 put, still in the batch, uncommitted.
    const { projectionStore, projector } = await setUp(8, [mutatesOn(3)], { batchSize: 4 });
    await projector.start();
    await projector.whenCaughtUp();
    const status = statusOf(projector.getStatus(), 'mutating');
    expect(status).toMatchObject({ status: 'faulted', checkpoint: 2 });
    // The mutation itself throws (the document is frozen), before evolve's own error: the reason says so.
    expect(status.fault?.globalPosition).toBe(3);
    expect(status.fault?.reason).toMatch(/not extensible|read.only|frozen/i);
    expect(await projectionStore.getDocument<ListDoc>('mutating', 'list')).toEqual({ positions: [1, 2] });

    expect(await projector.skip('mutating')).toMatchObject({ status: 'idle', checkpoint: 8 });
    expect((await projectionStore.getDocument<ListDoc>('mutating', 'list'))?.positions).toEqual([1, 2, 4, 5, 6, 7, 8]);
  });

  it('faults the same way on a document loaded from the store by a later batch', async () => {
    // Batch of 2: events 1 and 2 are committed; event 3 starts a new batch that loads the list from the store.
    const { projectionStore, projector } = await setUp(8, [mutatesOn(3)], { batchSize: 2 });
    await projector.start();
    await projector.whenCaughtUp();
    const status = statusOf(projector.getStatus(), 'mutating');
    expect(status).toMatchObject({ status: 'faulted', checkpoint: 2 });
    expect(status.fault?.reason).toMatch(/not extensible|read.only|frozen/i);
    expect(await projectionStore.getDocument<ListDoc>('mutating', 'list')).toEqual({ positions: [1, 2] });
  });

  it('stays faulted after a restart, because the fault is stored with the checkpoint', async () => {
    const { store, projectionStore, projector } = await setUp(8, [failsOnPosition(6)]);
    await projector.start();
    await projector.whenCaughtUp();
    projector.stop();
    const restarted = createProjector({ store, projectionStore, projections: [failsOnPosition(6)] });
    await restarted.start();
    await restarted.whenCaughtUp();
    expect(statusOf(restarted.getStatus(), 'counts')).toMatchObject({ status: 'faulted', checkpoint: 5 });
  });
});

describe('rebuild', () => {
  it('clears the documents and replays the whole log, reporting progress per batch', async () => {
    const { projectionStore, projector } = await setUp(10, [countingProjection()]);
    await projector.start();
    await projector.whenCaughtUp();
    const before = await docsOf(projectionStore, 'counts');

    const progress: RebuildProgress[] = [];
    const statuses: string[] = [];
    projector.onChange((status) => statuses.push(statusOf(status, 'counts').status));
    const after = await projector.rebuild('counts', (step) => progress.push(step));

    expect(progress).toEqual([
      { done: 0, total: 10 },
      { done: 4, total: 10 },
      { done: 8, total: 10 },
      { done: 10, total: 10 },
    ]);
    expect(statuses).toContain('rebuilding');
    expect(after).toMatchObject({ status: 'idle', checkpoint: 10, rebuildProgress: null });
    expect(await docsOf(projectionStore, 'counts')).toEqual(before);
  });

  it('happens by itself when the projection version changed since its documents were written', async () => {
    const { store, projectionStore, projector } = await setUp(5, [countingProjection({ version: 1, weight: 1 })]);
    await projector.start();
    await projector.whenCaughtUp();
    projector.stop();

    const calls: number[] = [];
    const v2 = countingProjection({ version: 2, weight: 10, calls });
    const upgraded = createProjector({ store, projectionStore, projections: [v2] });
    await upgraded.start();
    await upgraded.whenCaughtUp();
    expect(calls).toEqual([1, 2, 3, 4, 5]);
    expect(await allCount(projectionStore)).toBe(50); // all from v2, nothing left of v1
    expect(await projectionStore.readCheckpoint('counts')).toMatchObject({ position: 5, projectionVersion: 2 });
  });

  it('killed halfway by a failing event, resumes from its checkpoint on the next run and ends as a clean rebuild', async () => {
    const { store, projectionStore, projector } = await setUp(10, [countingProjection()]);
    await projector.start();
    await projector.whenCaughtUp();
    projector.stop();

    // The new version fails on event 7 the first time it sees it: the rebuild stops there.
    const calls: number[] = [];
    const failOn = failsOnceAt(7);
    const flaky = () => countingProjection({ version: 2, failOn, calls });
    const first = createProjector({ store, projectionStore, projections: [flaky()], batchSize: 4 });
    await first.start();
    await first.whenCaughtUp();
    expect(statusOf(first.getStatus(), 'counts')).toMatchObject({ status: 'faulted', checkpoint: 6 });
    first.stop();

    // The next run: same version (no second rebuild), fault stored; a retry resumes at 7, not at 1.
    calls.length = 0;
    const next = createProjector({ store, projectionStore, projections: [flaky()], batchSize: 4 });
    await next.start();
    await next.retry('counts');
    await next.whenCaughtUp();
    expect(calls).toEqual([7, 8, 9, 10]);

    const clean = createMemoryProjectionStore();
    const reference = createProjector({ store, projectionStore: clean, projections: [countingProjection({ version: 2 })] });
    await reference.start();
    await reference.whenCaughtUp();
    expect(await docsOf(projectionStore, 'counts')).toEqual(await docsOf(clean, 'counts'));
  });

  it('killed halfway by a crash (a commit that never lands), resumes from the last commit and ends as a clean rebuild', async () => {
    const store: EventStore = createMemoryEventStore();
    await record(store, manyOrderEvents(10));
    const projectionStore = createMemoryProjectionStore();
    // The tab dies during the second batch's commit: that transaction never happens.
    let commitsLeft = 1;
    const dying: ProjectionStore = {
      ...projectionStore,
      commit: async (...args) => {
        if (commitsLeft-- <= 0) throw new Error('tab closed');
        return projectionStore.commit(...args);
      },
    };
    const first = createProjector({ store, projectionStore: dying, projections: [countingProjection()], batchSize: 4 });
    await first.start();
    await expect(first.rebuild('counts')).rejects.toThrow('tab closed');
    first.stop();
    expect(await projectionStore.readCheckpoint('counts')).toMatchObject({ position: 4, fault: null });

    const calls: number[] = [];
    const next = createProjector({ store, projectionStore, projections: [countingProjection({ calls })], batchSize: 4 });
    await next.start();
    await next.whenCaughtUp();
    expect(calls).toEqual([5, 6, 7, 8, 9, 10]);

    const clean = createMemoryProjectionStore();
    const reference = createProjector({ store, projectionStore: clean, projections: [countingProjection()] });
    await reference.start();
    await reference.whenCaughtUp();
    expect(await docsOf(projectionStore, 'counts')).toEqual(await docsOf(clean, 'counts'));
  });
});

describe('rebuild in memory', () => {
  it('builds the read model in memory: no document is read back from the store, batches of rebuildBatchSize', async () => {
    const store: EventStore = createMemoryEventStore();
    await record(store, manyOrderEvents(10));
    const projectionStore = createMemoryProjectionStore();
    let loads = 0;
    const counted: ProjectionStore = {
      ...projectionStore,
      loadDocuments: (...args) => {
        loads += 1;
        return projectionStore.loadDocuments(...args);
      },
    };
    const projector = createProjector({ store, projectionStore: counted, projections: [countingProjection()], batchSize: 2, rebuildBatchSize: 3 });
    await projector.start();
    await projector.whenCaughtUp();
    const before = await docsOf(projectionStore, 'counts');
    loads = 0;
    const progress: number[] = [];
    await projector.rebuild('counts', ({ done }) => progress.push(done));
    expect(loads).toBe(0);
    expect(progress).toEqual([0, 3, 6, 9, 10]);
    expect(await docsOf(projectionStore, 'counts')).toEqual(before);
  });

  it('takes the batch size set from the panel for the next rebuild, and refuses one that is not a whole number of events', async () => {
    const { projector } = await setUp(10, [countingProjection()], { batchSize: 2 });
    await projector.start();
    await projector.whenCaughtUp();
    expect(projector.getStatus().rebuildBatchSize).toBe(2);
    projector.setRebuildBatchSize(4);
    expect(projector.getStatus().rebuildBatchSize).toBe(4);
    const progress: number[] = [];
    await projector.rebuild('counts', ({ done }) => progress.push(done));
    expect(progress).toEqual([0, 4, 8, 10]);

    for (const bad of [0, -5, 2.5, Number.NaN, 50_001]) {
      expect(() => projector.setRebuildBatchSize(bad)).toThrow(`A rebuild batch is a whole number of events from 1 to 50000, not ${bad}.`);
    }
    expect(projector.getStatus().rebuildBatchSize).toBe(4);
  });

  it('reads from the store again once another writer moved the checkpoint under it', async () => {
    const store: EventStore = createMemoryEventStore();
    await record(store, manyOrderEvents(10));
    const projectionStore = createMemoryProjectionStore();
    let rebuildCommits: number | null = null;
    const contended: ProjectionStore = {
      ...projectionStore,
      commit: async (projection, changes, checkpoint, options) => {
        if (rebuildCommits !== null) rebuildCommits += 1;
        // The second batch of the rebuild loses to another tab, which had committed up to 4 with the same documents.
        if (rebuildCommits === 2) {
          const replayed = createMemoryProjectionStore();
          const other = createProjector({ store, projectionStore: replayed, projections: [countingProjection()], batchSize: 4 });
          await other.start();
          for (let index = 0; index < 4; index += 1) await other.step('counts');
          const docs = await replayed.listDocuments('counts');
          await projectionStore.commit('counts', docs.map(({ id, doc }) => ({ kind: 'put', id, doc })), { ...checkpoint, position: 4 });
          return false;
        }
        return projectionStore.commit(projection, changes, checkpoint, options);
      },
    };
    const projector = createProjector({ store, projectionStore: contended, projections: [countingProjection()], batchSize: 3 });
    await projector.start();
    await projector.whenCaughtUp();
    const before = await docsOf(projectionStore, 'counts');
    rebuildCommits = 0;
    await projector.rebuild('counts');
    await projector.whenCaughtUp();
    expect(rebuildCommits).toBeGreaterThan(2);
    expect(await projectionStore.readCheckpoint('counts')).toMatchObject({ position: 10 });
    expect(await docsOf(projectionStore, 'counts')).toEqual(before);
  });
});

describe('rebuildAll', () => {
  it('rebuilds every projection from one read of the log per batch, to the same documents', async () => {
    const store: EventStore = createMemoryEventStore();
    await record(store, manyOrderEvents(10));
    let reads = 0;
    const counted: EventStore = { ...store, readAll: (options) => ((reads += 1), store.readAll(options)) };
    const projectionStore = createMemoryProjectionStore();
    const projections = [countingProjection(), { ...countingProjection(), name: 'other' }];
    const projector = createProjector({ store: counted, projectionStore, projections, batchSize: 4 });
    await projector.start();
    await projector.whenCaughtUp();
    const before = [await docsOf(projectionStore, 'counts'), await docsOf(projectionStore, 'other')];
    reads = 0;
    const progress: number[] = [];
    await projector.rebuildAll(({ done }) => progress.push(done));
    expect(progress).toEqual([0, 4, 8, 10]);
    expect(reads).toBe(4); // three batches and the empty read that ends the log, shared by both projections
    expect([await docsOf(projectionStore, 'counts'), await docsOf(projectionStore, 'other')]).toEqual(before);
    expect(projector.getStatus().projections.map((status) => [status.status, status.checkpoint])).toEqual([
      ['idle', 10],
      ['idle', 10],
    ]);
  });
});

describe('rebuildAll: commits', () => {
  /** A real projection store that records what each commit wrote: projection, checkpoint position, ids put. */
  function recordingCommits(inner: ProjectionStore) {
    const commits: { projection: string; position: number; ids: string[] }[] = [];
    const store: ProjectionStore = {
      ...inner,
      commit: (projection, changes, checkpoint, options) => {
        commits.push({ projection, position: checkpoint.position, ids: changes.map((change) => change.id) });
        return inner.commit(projection, changes, checkpoint, options);
      },
    };
    return { store, commits };
  }

  it('commits each read model every ten batches and at the end, each document written once per commit', async () => {
    const store = createMemoryEventStore();
    await record(store, manyOrderEvents(100));
    const { store: projectionStore, commits } = recordingCommits(createMemoryProjectionStore());
    const projections = [countingProjection(), countingProjection({ name: 'other' })];
    const projector = createProjector({ store, projectionStore, projections, batchSize: 4 });
    await projector.start();
    await projector.whenCaughtUp();
    const before = [await docsOf(projectionStore, 'counts'), await docsOf(projectionStore, 'other')];
    commits.length = 0;
    const progress: number[] = [];

    await projector.rebuildAll(({ done }) => progress.push(done));

    // 25 batches of 4 events: the progress moves every batch, the commits every ten batches (40 events) and at 100.
    expect(progress).toEqual([0, ...Array.from({ length: 25 }, (_, index) => 4 * (index + 1))]);
    expect(commits.map(({ projection, position }) => `${projection}@${position}`)).toEqual([
      'counts@40', 'other@40', 'counts@80', 'other@80', 'counts@100', 'other@100',
    ]);
    // The `all` document changes with every event, yet each commit writes it once.
    for (const { ids } of commits) expect(ids.filter((id) => id === 'all')).toEqual(['all']);
    expect([await docsOf(projectionStore, 'counts'), await docsOf(projectionStore, 'other')]).toEqual(before);
    expect(await allCount(projectionStore)).toBe(100);
  });

  it('fails with the storage error when a commit fails, having written nothing of that commit', async () => {
    const store = createMemoryEventStore();
    await record(store, manyOrderEvents(100));
    const inner = createMemoryProjectionStore();
    let failing = false;
    const projectionStore: ProjectionStore = {
      ...inner,
      commit: async (projection, changes, checkpoint, options) => {
        if (failing && checkpoint.position === 40) throw new Error('disk full');
        return inner.commit(projection, changes, checkpoint, options);
      },
    };
    const projector = createProjector({ store, projectionStore, projections: [countingProjection()], batchSize: 4 });
    await projector.start();
    await projector.whenCaughtUp();
    failing = true;

    await expect(projector.rebuildAll()).rejects.toThrow('disk full');
    expect(await inner.readCheckpoint('counts')).toMatchObject({ position: 0 });
    expect(await allCount(inner)).toBeUndefined();
    projector.stop();
  });

  it('commits a projection that faults up to the event it failed on, with the fault, and finishes the others', async () => {
    const store = createMemoryEventStore();
    await record(store, manyOrderEvents(30));
    const { store: projectionStore, commits } = recordingCommits(createMemoryProjectionStore());
    const fails = { failOn: (event: { globalPosition: number }) => event.globalPosition === 18 && failing };
    let failing = false;
    const projections = [countingProjection(fails), countingProjection({ name: 'other' })];
    const projector = createProjector({ store, projectionStore, projections, batchSize: 4 });
    await projector.start();
    await projector.whenCaughtUp();
    commits.length = 0;
    failing = true;

    await projector.rebuildAll();

    expect(commits.map(({ projection, position }) => `${projection}@${position}`)).toEqual(['counts@17', 'other@30']);
    const stored = await projectionStore.readCheckpoint('counts');
    expect(stored).toMatchObject({ position: 17, fault: { globalPosition: 18, reason: 'cannot count event 18' } });
    expect(await allCount(projectionStore)).toBe(17);
    expect(await allCount(projectionStore, 'other')).toBe(30);
    expect(statusOf(projector.getStatus(), 'counts').status).toBe('faulted');
  });

  it('leaves a read model whose commit another writer beat to a catch-up from the store, to the same documents', async () => {
    const store = createMemoryEventStore();
    await record(store, manyOrderEvents(50));
    const inner = createMemoryProjectionStore();
    let raced = false;
    // Another tab commits the first 40 events of `counts` itself, just before this rebuild's first commit of it.
    const racing: ProjectionStore = {
      ...inner,
      commit: async (projection, changes, checkpoint, options) => {
        if (!raced && projection === 'counts' && checkpoint.position === 40) {
          raced = true;
          const events = await store.readAll({ after: 0, limit: 40 });
          const from = (await inner.readCheckpoint('counts'))!;
          await applyBatch(countingProjection(), inner, events, from);
        }
        return inner.commit(projection, changes, checkpoint, options);
      },
    };
    const projector = createProjector({ store, projectionStore: racing, projections: [countingProjection()], batchSize: 4 });
    await projector.start();
    await projector.whenCaughtUp();
    raced = false;

    await projector.rebuildAll();

    expect(raced).toBe(true);
    expect(await allCount(inner)).toBe(50);
    expect((await inner.getDocument<CountDoc>('counts', 'all'))?.positions).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(statusOf(projector.getStatus(), 'counts')).toMatchObject({ status: 'idle', checkpoint: 50 });
  });
});

describe('whenCaughtUp', () => {
  it('does not wait for paused or faulted projections', async () => {
    const { store, projector } = await setUp(3, [countingProjection({ failOn: (event) => event.globalPosition === 2 }), ordersProjection]);
    await projector.start();
    projector.pause('orders');
    await record(store, manyOrderEvents(5).slice(3));
    await expect(projector.whenCaughtUp()).resolves.toBeUndefined();
  });

  it('reports a projection whose storage keeps failing instead of waiting forever', async () => {
    const store = createMemoryEventStore();
    await record(store, manyOrderEvents(2));
    const inner = createMemoryProjectionStore();
    const broken: ProjectionStore = { ...inner, commit: async () => Promise.reject(new Error('disk full')) };
    const projector = createProjector({ store, projectionStore: broken, projections: [countingProjection()] });
    await projector.start();
    await expect(projector.whenCaughtUp()).rejects.toThrow(/counts cannot catch up: disk full/);
    expect(statusOf(projector.getStatus(), 'counts').lastError).toBe('disk full');
  });
});

describe('catching up several projections', () => {
  it('reads each batch of the log once for all projections at the same checkpoint', async () => {
    const inner = createMemoryEventStore();
    await record(inner, manyOrderEvents(20));
    let reads = 0;
    const store: EventStore = { ...inner, readAll: (options) => ((reads += 1), inner.readAll(options)) };
    const projectionStore = createMemoryProjectionStore();
    const projections = [countingProjection({ name: 'a' }), countingProjection({ name: 'b' }), countingProjection({ name: 'c' })];
    const projector = createProjector({ store, projectionStore, projections, batchSize: 5 });

    await projector.start();
    await projector.whenCaughtUp();

    // 20 events in batches of 5: four reads that return events, for three projections, not twelve.
    expect(reads).toBeLessThanOrEqual(5);
    for (const name of ['a', 'b', 'c']) {
      const doc = await projectionStore.getDocument<CountDoc>(name, 'all');
      expect(doc?.count).toBe(20);
    }
    projector.stop();
  });

  it('brings a projection that is behind up to the others, then goes on with all of them together', async () => {
    const { store, projectionStore, projector } = await setUp(12, [countingProjection({ name: 'a' }), countingProjection({ name: 'b' })]);
    await projector.start();
    await projector.whenCaughtUp();
    await projector.rebuild('b'); // b replays from 0 while a stays at 12
    await record(store, manyOrderEvents(16).slice(12));
    await projector.whenCaughtUp();

    for (const name of ['a', 'b']) expect((await projectionStore.getDocument<CountDoc>(name, 'all'))?.count).toBe(16);
    projector.stop();
  });
});
