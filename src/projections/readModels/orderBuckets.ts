/**
 * Per-order bookkeeping that a read model keeps for itself (the summary remembers each order's status and total,
 * top customers each order's customer and whether it is counted), packed into a fixed number of bucket documents
 * instead of one document per order.
 *
 * Why: IndexedDB in Chromium costs about 90 µs per row written, whatever the row's size or indexes, so one private
 * row per order made a rebuild of 20,000 orders write 40,000 rows nobody queries. With buckets an event still loads
 * and rewrites one small document (its order's bucket), and a rebuild batch writes at most `orderBucketCount`
 * bucket rows per projection, however many orders it touched.
 *
 * Why 512: a bucket is copied whenever one of its orders changes (documents are frozen), so it must stay small;
 * at 20,000 orders a bucket holds about 39 entries, and at 100,000 events a 5,000-event batch touches most buckets
 * anyway, so more buckets would write more rows for the same orders.
 */
export const orderBucketCount = 512;

/** One bucket: the entries of the orders whose id hashes to it, by order id. */
export type OrderBucket<Entry> = {
  readonly kind: 'orderBucket';
  readonly orders: Readonly<Record<string, Entry>>;
};

export const orderBucketIdPrefix = 'orders:';

/**
 * The bucket an order id falls in: FNV-1a over the id's UTF-16 code units. Stable across runs, tabs and browsers (a
 * replay must put every order where the last run put it), and spreads ids that differ in one character.
 */
export function orderBucketOf(orderId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < orderId.length; index += 1) {
    hash ^= orderId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % orderBucketCount;
}

export const orderBucketId = (orderId: string): string => `${orderBucketIdPrefix}${orderBucketOf(orderId)}`;

/** A stored document as a bucket, or undefined when it is none (not there yet). */
export const asOrderBucket = <Entry>(doc: unknown): OrderBucket<Entry> | undefined =>
  typeof doc === 'object' && doc !== null && (doc as { kind?: unknown }).kind === 'orderBucket'
    ? (doc as OrderBucket<Entry>)
    : undefined;

/**
 * The order's entry. `hasOwn`, not `orders[orderId]`: an order id is whatever a client sent, and `constructor` or
 * `__proto__` must find nothing rather than Object.prototype's members.
 */
export function bucketEntry<Entry>(bucket: OrderBucket<Entry> | undefined, orderId: string): Entry | undefined {
  return bucket !== undefined && Object.hasOwn(bucket.orders, orderId) ? bucket.orders[orderId] : undefined;
}

/**
 * The bucket with the order's entry set. A new record, since the stored one is frozen; a computed key defines an
 * own property even for `__proto__`, and spreading copies one as such.
 */
export function withBucketEntry<Entry>(bucket: OrderBucket<Entry> | undefined, orderId: string, entry: Entry): OrderBucket<Entry> {
  return { kind: 'orderBucket', orders: { ...bucket?.orders, [orderId]: entry } };
}

/** The bucket without the order, or undefined when that leaves it empty (the document is then deleted). */
export function withoutBucketEntry<Entry>(bucket: OrderBucket<Entry>, orderId: string): OrderBucket<Entry> | undefined {
  const orders: Record<string, Entry> = {};
  let left = 0;
  for (const id of Object.keys(bucket.orders)) {
    if (id === orderId) continue;
    // Defined as data properties, so an id `__proto__` stays an entry rather than setting the prototype.
    Object.defineProperty(orders, id, { value: bucket.orders[id], enumerable: true, writable: true, configurable: true });
    left += 1;
  }
  return left === 0 ? undefined : { kind: 'orderBucket', orders };
}

/** Writes the bucket back through an evolve's view: put, or deleted when `withoutBucketEntry` emptied it. */
export function storeBucket<Entry>(
  docs: { put(id: string, doc: OrderBucket<Entry>): void; delete(id: string): void },
  bucketId: string,
  bucket: OrderBucket<Entry> | undefined,
): void {
  if (bucket) docs.put(bucketId, bucket);
  else docs.delete(bucketId);
}
