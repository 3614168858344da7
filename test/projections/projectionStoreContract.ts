import { expect, it } from 'vitest';
import { freezeDocument } from '../../src/projections/freezeDocument';
import type { ProjectionStore } from '../../src/projections/projectionStore';
import type { Checkpoint } from '../../src/projections/types';

/**
 * The contract every projection store keeps, as `it` cases for the caller's `describe`: in node on memory and on
 * Dexie over fake-indexeddb (projectionStore.test.ts), in Chromium on real IndexedDB (test/browser), where the
 * ranked walks take the bulk path (`getAllRecords`) that fake-indexeddb lacks.
 */
const at = (position: number, fault: Checkpoint['fault'] = null): Checkpoint => ({
  projection: 'orders',
  position,
  projectionVersion: 1,
  fault,
});

export function projectionStoreContract(create: () => Promise<ProjectionStore>): void {
  it('has no checkpoint for a projection that never ran', async () => {
    const store = await create();
    expect(await store.readCheckpoint('orders')).toBeUndefined();
  });

  it('writes documents and checkpoint together, and reads them back by id, in bulk and as a list', async () => {
    const store = await create();
    expect(
      await store.commit('orders', [
        { kind: 'put', id: 'b', doc: { total: 2 } },
        { kind: 'put', id: 'a', doc: { total: 1 } },
      ], at(2)),
    ).toBe(true);
    await store.commit('other', [{ kind: 'put', id: 'a', doc: { total: 99 } }], { ...at(1), projection: 'other' });

    expect(await store.readCheckpoint('orders')).toEqual(at(2));
    expect(await store.getDocument('orders', 'a')).toEqual({ total: 1 });
    expect(await store.loadDocuments('orders', ['a', 'missing', 'b'])).toEqual(
      new Map([
        ['a', { total: 1 }],
        ['b', { total: 2 }],
      ]),
    );
    expect(await store.listDocuments('orders')).toEqual([
      { id: 'a', doc: { total: 1 } },
      { id: 'b', doc: { total: 2 } },
    ]);
  });

  it('deletes documents', async () => {
    const store = await create();
    await store.commit('orders', [{ kind: 'put', id: 'a', doc: 1 }], at(1));
    await store.commit('orders', [{ kind: 'delete', id: 'a' }], at(2));
    expect(await store.getDocument('orders', 'a')).toBeUndefined();
  });

  it('stores the fault with the checkpoint', async () => {
    const store = await create();
    const fault = { globalPosition: 3, eventType: 'OrderShipped', reason: 'boom' };
    await store.commit('orders', [], at(2, fault));
    expect((await store.readCheckpoint('orders'))?.fault).toEqual(fault);
  });

  it('writes nothing when the checkpoint moved since the batch was read', async () => {
    const store = await create();
    await store.commit('orders', [{ kind: 'put', id: 'a', doc: 'first' }], at(3));
    const written = await store.commit('orders', [{ kind: 'put', id: 'a', doc: 'again' }], at(3), {
      expectedPosition: 0,
    });
    expect(written).toBe(false);
    expect(await store.getDocument('orders', 'a')).toBe('first');
    expect(await store.commit('orders', [{ kind: 'put', id: 'a', doc: 'next' }], at(4), { expectedPosition: 3 })).toBe(true);
  });

  it('writes neither documents nor checkpoint when one document cannot be stored', async () => {
    const store = await create();
    await store.commit('orders', [], at(1));
    await expect(
      store.commit('orders', [
        { kind: 'put', id: 'fine', doc: { ok: true } },
        { kind: 'put', id: 'broken', doc: { notStorable: () => 1 } },
      ], at(2)),
    ).rejects.toThrow();
    expect(await store.getDocument('orders', 'fine')).toBeUndefined();
    expect((await store.readCheckpoint('orders'))?.position).toBe(1);
  });

  it('resets one projection: documents gone, checkpoint 0 at the new version, other projections untouched', async () => {
    const store = await create();
    await store.commit('orders', [{ kind: 'put', id: 'a', doc: 1 }], at(5, { globalPosition: 6, eventType: 'X', reason: 'r' }));
    await store.commit('other', [{ kind: 'put', id: 'a', doc: 2 }], { ...at(5), projection: 'other' });
    await store.reset('orders', 2);
    expect(await store.listDocuments('orders')).toEqual([]);
    expect(await store.readCheckpoint('orders')).toEqual({ projection: 'orders', position: 0, projectionVersion: 2, logGeneration: 0, epoch: 1, fault: null });
    expect(await store.getDocument('other', 'a')).toBe(2);
  });

  it('every reset takes a new epoch, so a rebuild back at the same position is told apart from the old read model', async () => {
    const store = await create();
    const first = await store.reset('orders', 1);
    expect(await store.commit('orders', [{ kind: 'put', id: 'a', doc: 1 }], { ...first, position: 3 }, { expectedPosition: 0 })).toBe(true);
    const other = await store.reset('other', 1);
    const second = await store.reset('orders', 1);
    expect([first.epoch, other.epoch, second.epoch]).toEqual([1, 2, 3]);
    expect(await store.commit('orders', [{ kind: 'put', id: 'b', doc: 2 }], { ...second, position: 3 }, { expectedPosition: 0 })).toBe(true);
    expect(await store.readCheckpoint('orders')).toMatchObject({ position: 3, epoch: 3 });

    // A batch computed before the second reset, from position 3 of the first epoch: refused, nothing written.
    const stale = { ...first, position: 4 };
    expect(await store.commit('orders', [{ kind: 'put', id: 'stale', doc: 1 }], stale, { expectedPosition: 3 })).toBe(false);
    expect(await store.getDocument('orders', 'stale')).toBeUndefined();
    expect(await store.readCheckpoint('orders')).toMatchObject({ position: 3, epoch: 3 });

    // A new log generation clears the checkpoints, not the counter: the next reset's epoch is still a new one.
    await store.startNewGeneration();
    expect((await store.reset('orders', 1)).epoch).toBe(4);
  });

  it('a new log generation clears every projection, and a checkpoint of the old log can never commit again', async () => {
    const store = await create();
    await store.commit('orders', [{ kind: 'put', id: 'a', doc: 1 }], at(5));
    await store.commit('other', [{ kind: 'put', id: 'b', doc: 2 }], { ...at(3), projection: 'other' });
    expect(await store.logGeneration()).toBe(0);

    expect(await store.startNewGeneration()).toBe(1);
    expect(await store.logGeneration()).toBe(1);
    expect(await store.listDocuments('orders')).toEqual([]);
    expect(await store.listDocuments('other')).toEqual([]);
    expect(await store.readCheckpoint('orders')).toBeUndefined();

    // What a projector that read the old log would commit: refused, even at the position the store expects.
    expect(await store.commit('orders', [{ kind: 'put', id: 'stale', doc: 1 }], at(1), { expectedPosition: 0 })).toBe(false);
    expect(await store.getDocument('orders', 'stale')).toBeUndefined();
    expect(await store.readCheckpoint('orders')).toBeUndefined();

    const fresh = await store.reset('orders', 1);
    expect(fresh).toEqual({ projection: 'orders', position: 0, projectionVersion: 1, logGeneration: 1, epoch: 1, fault: null });
    expect(await store.commit('orders', [{ kind: 'put', id: 'new', doc: 1 }], { ...fresh, position: 1 }, { expectedPosition: 0 })).toBe(true);
    expect(await store.getDocument('orders', 'new')).toBe(1);
  });

  it('lists only the documents whose id has the prefix, ordered by id', async () => {
    const store = await create();
    await store.commit(
      'topCustomers',
      [
        { kind: 'put', id: 'order:1', doc: 'o1' },
        { kind: 'put', id: 'customer:b', doc: 'b' },
        { kind: 'put', id: 'customer:a', doc: 'a' },
        { kind: 'put', id: 'customers', doc: 'not a customer document' },
      ],
      { ...at(1), projection: 'topCustomers' },
    );
    await store.commit('other', [{ kind: 'put', id: 'customer:z', doc: 'z' }], { ...at(1), projection: 'other' });
    expect(await store.listDocuments('topCustomers', { idPrefix: 'customer:' })).toEqual([
      { id: 'customer:a', doc: 'a' },
      { id: 'customer:b', doc: 'b' },
    ]);
    expect((await store.listDocuments('topCustomers')).map(({ id }) => id)).toEqual([
      'customer:a',
      'customer:b',
      'customers',
      'order:1',
    ]);
  });

  it('hands queries a copy they may change even of a frozen document, as the projector commits them', async () => {
    const store = await create();
    await store.commit('orders', [{ kind: 'put', id: 'a', doc: freezeDocument({ items: [1] }) }], at(1));
    const loaded = (await store.getDocument<{ items: number[] }>('orders', 'a'))!;
    loaded.items.push(2);
    const [listed] = await store.listDocuments<{ items: number[] }>('orders');
    listed!.doc.items.push(3);
    expect(await store.getDocument('orders', 'a')).toEqual({ items: [1] });
    expect((await store.loadDocuments('orders', ['a'])).get('a')).toEqual({ items: [1] });
  });

  it('hands out copies: changing a loaded document does not change the stored one', async () => {
    const store = await create();
    await store.commit('orders', [{ kind: 'put', id: 'a', doc: { items: [1] } }], at(1));
    const loaded = (await store.getDocument<{ items: number[] }>('orders', 'a'))!;
    loaded.items.push(2);
    expect(await store.getDocument('orders', 'a')).toEqual({ items: [1] });
  });
  it('walks a projection\'s documents by an indexed field, highest first, and stops when told', async () => {
    const store = await create();
    const order = (placedAt: string, status: string) => ({ placedAt, status });
    await store.commit('orders', [
      { kind: 'put', id: 'a', doc: order('2026-01-02', 'pending') },
      { kind: 'put', id: 'b', doc: order('2026-01-03', 'shipped') },
      { kind: 'put', id: 'c', doc: order('2026-01-02', 'shipped') },
      { kind: 'put', id: 'summary', doc: { totalOrders: 3 } },
    ], at(4));
    await store.commit('other', [{ kind: 'put', id: 'z', doc: order('2027-01-01', 'shipped') }], { ...at(1), projection: 'other' });

    const walk = async (options: Parameters<ProjectionStore['walkRanked']>[1], stopAfter = Infinity) => {
      const seen: string[] = [];
      await store.walkRanked('orders', options, (_doc, id) => {
        seen.push(id);
        return seen.length < stopAfter;
      });
      return seen;
    };
    // Same instant: by id descending, as the index keeps them. A document without the field is not listed.
    expect(await walk({ by: 'placedAt' })).toEqual(['b', 'c', 'a']);
    expect(await walk({ by: 'placedAt' }, 2)).toEqual(['b', 'c']);
    expect(await walk({ by: 'placedAt', status: 'shipped' })).toEqual(['b', 'c']);
    // Lowest first: the same order reversed, ties by id ascending.
    expect(await walk({ by: 'placedAt', lowestFirst: true })).toEqual(['a', 'c', 'b']);
    expect(await walk({ by: 'placedAt', lowestFirst: true }, 1)).toEqual(['a']);
    expect(await walk({ by: 'placedAt', status: 'shipped', lowestFirst: true })).toEqual(['c', 'b']);
    expect(await store.countRanked('orders', { by: 'placedAt' })).toBe(3);
    expect(await store.countRanked('orders', { by: 'placedAt', status: 'pending' })).toBe(1);
    expect(await store.countRanked('orders', { by: 'totalSpentCents' })).toBe(0);
  });

  it('walks hundreds of documents in order through long runs of equal values, both ways, and stops anywhere', async () => {
    const store = await create();
    // 700 orders placed at five instants (runs of 140 equal keys, longer than a walk's first chunk), two statuses.
    const ids = Array.from({ length: 700 }, (_, index) => `o${String(index).padStart(4, '0')}`);
    const docOf = (index: number) => ({ placedAt: `2026-01-0${1 + ((index * 7) % 5)}`, status: index % 3 === 0 ? 'shipped' : 'pending', index });
    await store.commit('orders', ids.map((id, index) => ({ kind: 'put' as const, id, doc: docOf(index) })), at(1));
    const highestFirst = ids
      .map((id, index) => ({ id, placedAt: docOf(index).placedAt }))
      .sort((a, b) => (a.placedAt !== b.placedAt ? (a.placedAt < b.placedAt ? 1 : -1) : a.id < b.id ? 1 : -1))
      .map(({ id }) => id);
    const walk = async (options: Parameters<ProjectionStore['walkRanked']>[1], stopAfter = Infinity) => {
      const seen: string[] = [];
      await store.walkRanked<ReturnType<typeof docOf>>('orders', options, (doc, id) => {
        // Each id with its own document.
        expect(id).toBe(ids[doc.index]);
        seen.push(id);
        return seen.length < stopAfter;
      });
      return seen;
    };
    expect(await walk({ by: 'placedAt' })).toEqual(highestFirst);
    expect(await walk({ by: 'placedAt', lowestFirst: true })).toEqual([...highestFirst].reverse());
    const shipped = highestFirst.filter((id) => Number(id.slice(1)) % 3 === 0);
    expect(await walk({ by: 'placedAt', status: 'shipped' })).toEqual(shipped);
    expect(await walk({ by: 'placedAt', status: 'shipped', lowestFirst: true })).toEqual([...shipped].reverse());
    for (const stopAfter of [1, 63, 64, 65, 140, 141, 321, 699])
      expect(await walk({ by: 'placedAt' }, stopAfter)).toEqual(highestFirst.slice(0, stopAfter));
    expect(await walk({ by: 'placedAt', lowestFirst: true }, 200)).toEqual([...highestFirst].reverse().slice(0, 200));
  });

  it('walks one run of equal values longer than any chunk of a walk, every document once', async () => {
    const store = await create();
    const ids = Array.from({ length: 4_500 }, (_, index) => `o${String(index).padStart(4, '0')}`);
    await store.commit('orders', ids.map((id) => ({ kind: 'put' as const, id, doc: { placedAt: '2026-01-01' } })), at(1));
    const seen: string[] = [];
    await store.walkRanked('orders', { by: 'placedAt' }, (_doc, id) => void seen.push(id));
    expect(seen).toEqual([...ids].reverse());
    const fromTheOtherEnd: string[] = [];
    await store.walkRanked('orders', { by: 'placedAt', lowestFirst: true }, (_doc, id) => void fromTheOtherEnd.push(id));
    expect(fromTheOtherEnd).toEqual(ids);
  });
}
