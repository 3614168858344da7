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

/** What a bucket keeps per order: the read model's own fields, and the order they belong to. */
export type BucketEntry = { readonly orderId: string };

/**
 * One bucket: the entries of the orders whose id hashes to it, in the order they came. An array, not a record keyed
 * by order id: copying and freezing an array of a few dozen items is a copy of pointers, whereas V8 turns a record
 * of tens of changing keys (worse: integer-like ids such as `17`, which become elements) into a dictionary on every
 * spread and freeze (a record made the summary's rebuild in node ten times slower).
 */
export type OrderBucket<Entry extends BucketEntry> = {
  readonly kind: 'orderBucket';
  readonly orders: readonly Entry[];
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
export const asOrderBucket = <Entry extends BucketEntry>(doc: unknown): OrderBucket<Entry> | undefined =>
  typeof doc === 'object' && doc !== null && (doc as { kind?: unknown }).kind === 'orderBucket'
    ? (doc as OrderBucket<Entry>)
    : undefined;

/** Where the order's entry is in the bucket, or −1. A loop: a bucket holds a few dozen entries. */
function indexOfOrder(orders: readonly BucketEntry[], orderId: string): number {
  for (let index = 0; index < orders.length; index += 1) if (orders[index]!.orderId === orderId) return index;
  return -1;
}

/** The order's entry, or undefined when the bucket holds none for it. */
export function bucketEntry<Entry extends BucketEntry>(bucket: OrderBucket<Entry> | undefined, orderId: string): Entry | undefined {
  if (bucket === undefined) return undefined;
  const index = indexOfOrder(bucket.orders, orderId);
  return index < 0 ? undefined : bucket.orders[index];
}

/** The bucket with the entry set for its order (replaced in place, or added last). A copy: the stored one is frozen. */
export function withBucketEntry<Entry extends BucketEntry>(bucket: OrderBucket<Entry> | undefined, entry: Entry): OrderBucket<Entry> {
  const orders = bucket === undefined ? [] : bucket.orders.slice();
  const index = indexOfOrder(orders, entry.orderId);
  if (index < 0) orders.push(entry);
  else orders[index] = entry;
  return { kind: 'orderBucket', orders };
}

/** The bucket without the order, or undefined when that leaves it empty (the document is then deleted). */
export function withoutBucketEntry<Entry extends BucketEntry>(bucket: OrderBucket<Entry>, orderId: string): OrderBucket<Entry> | undefined {
  const index = indexOfOrder(bucket.orders, orderId);
  if (index < 0) return bucket;
  if (bucket.orders.length === 1) return undefined;
  return { kind: 'orderBucket', orders: [...bucket.orders.slice(0, index), ...bucket.orders.slice(index + 1)] };
}

/** Writes the bucket back through an evolve's view: put, or deleted when `withoutBucketEntry` emptied it. */
export function storeBucket<Entry extends BucketEntry>(
  docs: { put(id: string, doc: OrderBucket<Entry>): void; delete(id: string): void },
  bucketId: string,
  bucket: OrderBucket<Entry> | undefined,
): void {
  if (bucket) docs.put(bucketId, bucket);
  else docs.delete(bucketId);
}
