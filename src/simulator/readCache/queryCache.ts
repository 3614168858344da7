import type { ProjectionStore } from '../../projections/projectionStore';
import type { ReadModelQueries } from '../../projections/queries/readModelQueries';

/**
 * Seed 004's read-model cache (Redis in the seed), in the tab: the answers of the queries that scan a read model,
 * kept until that read model changes. An event-driven read side makes the invalidation exact: a read model changes
 * only when its projection applies events, and every apply moves the projection's checkpoint in the same
 * transaction. So an answer is valid exactly while the checkpoint it was computed at is still the stored one: no
 * time-to-live, no guessing which writes touch which keys.
 *
 * The checkpoint is stamped with the projection's version (new evolve code, other documents) and its epoch: which
 * clearing of the read model the documents were built after (CheckpointRow.epoch). A rebuild, or a replaced log
 * (an import) rebuilt from 0, can end at the very position the old read model was at; it cannot end at the same
 * epoch, since every reset takes a new one from a counter that never goes back. The stamp is read from the
 * projection store, where every tab commits and resets, so another tab's projector or rebuild invalidates this
 * tab's answers too.
 */

/** The queries worth caching: each scans a read model. A lookup by id (or the one summary document) is one read
 * already, as cheap as checking the stamp, so those pass through. */
const cachedQueries = {
  listOrders: 'orders',
  ordersByStatus: 'orders',
  ordersByCustomerEmail: 'orders',
  searchOrders: 'orders',
  topCustomers: 'topCustomers',
  listUsers: 'users',
} as const satisfies Partial<Record<keyof ReadModelQueries, string>>;

type CachedQueryName = keyof typeof cachedQueries;

export type ReadCacheStats = {
  /** Answers served from the cache since it was created. */
  readonly hits: number;
  /** Answers computed from the read model (first time asked, or the read model changed since). */
  readonly misses: number;
  /** hits / (hits + misses); null before the first query. */
  readonly hitRatio: number | null;
  readonly entries: number;
};

export interface ReadCache {
  stats(): ReadCacheStats;
  /** Forgets every answer (the counters stay). */
  clear(): void;
}

export type ReadCacheOptions = {
  /** Answers kept at most; the least recently used goes first. Defaults to 200. */
  readonly maxEntries?: number;
};

type Entry = { readonly stamp: string; readonly value: unknown };

/** Freezes an answer before it is shared, so no caller can change what the next one gets. */
function freezeAnswer<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) freezeAnswer(child);
  return Object.freeze(value);
}

export function createCachedQueries(
  queries: ReadModelQueries,
  parts: { readonly projectionStore: ProjectionStore },
  options: ReadCacheOptions = {},
): { readonly queries: ReadModelQueries; readonly cache: ReadCache } {
  const { projectionStore } = parts;
  const maxEntries = options.maxEntries ?? 200;
  /** Map keeps insertion order: re-inserting on a hit makes the first key the least recently used. */
  const entries = new Map<string, Entry>();
  let hits = 0;
  let misses = 0;
  /** How many times the cache was cleared: an answer computed across a clear is not kept. */
  let clears = 0;

  /** `v3.e7@42`: the projection's version, its epoch and its position (one read of the checkpoint). */
  async function stampOf(projection: string): Promise<string> {
    const checkpoint = await projectionStore.readCheckpoint(projection);
    if (checkpoint === undefined) return 'never-run';
    return `v${checkpoint.projectionVersion}.e${checkpoint.epoch ?? 0}@${checkpoint.position}`;
  }

  function cached<Name extends CachedQueryName>(name: Name): ReadModelQueries[Name] {
    const run = queries[name] as (...args: unknown[]) => Promise<unknown>;
    const projection = cachedQueries[name];
    const answer = async (...args: unknown[]): Promise<unknown> => {
      const key = `${name}${JSON.stringify(args)}`;
      const before = await stampOf(projection);
      const entry = entries.get(key);
      if (entry !== undefined && entry.stamp === before) {
        hits += 1;
        entries.delete(key);
        entries.set(key, entry);
        return entry.value;
      }
      misses += 1;
      const clearedBefore = clears;
      const value = freezeAnswer(await run.apply(queries, args));
      // Kept only when the read model did not move while it was read: the answer is then exactly that checkpoint's.
      // A clear meanwhile (forgetting a customer) also discards it.
      if ((await stampOf(projection)) === before && clears === clearedBefore) {
        entries.delete(key);
        entries.set(key, { stamp: before, value });
        while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      } else {
        entries.delete(key);
      }
      return value;
    };
    return answer as ReadModelQueries[Name];
  }

  const cachedOnes = Object.fromEntries(
    (Object.keys(cachedQueries) as CachedQueryName[]).map((name) => [name, cached(name)]),
  ) as Pick<ReadModelQueries, CachedQueryName>;

  return {
    // Every query of the facade (through the prototype), the scanning ones answered through the cache; a query added
    // later passes through until it is listed above.
    queries: Object.assign(Object.create(queries) as ReadModelQueries, cachedOnes),
    cache: {
      stats: () => ({ hits, misses, hitRatio: hits + misses === 0 ? null : hits / (hits + misses), entries: entries.size }),
      clear: () => {
        clears += 1;
        entries.clear();
      },
    },
  };
}
