/**
 * A walk down a read-model index in bulk: `IDBIndex.getAllRecords` (Chromium 141 and later) hands back records by
 * the hundred, in either direction, where a cursor costs a round trip to the browser's storage process per record.
 * At 100,000 events a search walks all 25,000 orders: one round trip each through a cursor.
 *
 * Records come in chunks that grow from a few dozen (a screen's newest 50 read about 50) to a few thousand. Each
 * chunk starts at the last key of the one before, inclusive: an index holds many records under one key (orders
 * placed at the same instant), ordered by primary key, so the records of that key already visited are skipped by
 * their primary key, never by position.
 */

/** One record of an index: its key in the index, its primary key and its value. */
type IndexRecord = { readonly key: IDBValidKey; readonly primaryKey: IDBValidKey; readonly value: unknown };

type GetAllRecordsIndex = IDBIndex & {
  getAllRecords(options: { query: IDBKeyRange; count: number; direction: 'next' | 'prev' }): IDBRequest<IndexRecord[]>;
};

const firstChunk = 64;
const largestChunk = 4096;

const settled = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Whether this browser's IndexedDB can walk an index in bulk. */
export const canWalkInBulk = (): boolean =>
  typeof IDBIndex !== 'undefined' && typeof (IDBIndex.prototype as Partial<GetAllRecordsIndex>).getAllRecords === 'function';

/**
 * Visits the values of `range` in `index`, highest key first (`prev`) or lowest first (`next`); equal keys come by
 * primary key in the same direction, as a cursor gives them. Stops when `visit` returns false. One read-only
 * transaction, so the walk sees one state of the store.
 */
export async function walkIndexInBulk(
  db: IDBDatabase,
  storeName: string,
  indexName: string,
  range: IDBKeyRange,
  direction: 'next' | 'prev',
  visit: (value: unknown) => boolean | void,
): Promise<void> {
  const index = db.transaction(storeName, 'readonly').objectStore(storeName).index(indexName) as GetAllRecordsIndex;
  /** How far a visited record is along the walk: negative = before `last`. */
  const along = (a: IDBValidKey, b: IDBValidKey): number => (direction === 'next' ? indexedDB.cmp(a, b) : indexedDB.cmp(b, a));
  let query = range;
  let last: IndexRecord | undefined;
  let count = firstChunk;
  for (;;) {
    const records = await settled(index.getAllRecords({ query, count, direction }));
    let fresh = 0;
    for (const record of records) {
      // The chunk starts at the last key visited: the records under it up to the last one visited come again.
      if (last !== undefined && indexedDB.cmp(record.key, last.key) === 0 && along(record.primaryKey, last.primaryKey) <= 0) continue;
      fresh += 1;
      if (visit(record.value) === false) return;
      last = record;
    }
    if (records.length < count) return;
    // A chunk with nothing new is one key's run longer than the chunk: ask for more of it at once.
    count = fresh === 0 ? count * 4 : Math.min(largestChunk, count * 4);
    if (last === undefined) continue;
    query =
      direction === 'next'
        ? IDBKeyRange.bound(last.key, range.upper, false, range.upperOpen)
        : IDBKeyRange.bound(range.lower, last.key, range.lowerOpen, false);
  }
}
