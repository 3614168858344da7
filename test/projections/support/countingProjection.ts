import type { RecordedEvent } from '../../../src/eventStore/types';
import type { Projection } from '../../../src/projections/types';
import { orderEventTypes } from '../../../src/projections/readModels/orderEvents';

/** How many events each order had, and how many in all: a read model where applying an event twice shows. */
export type CountDoc = { readonly count: number; readonly positions: readonly number[] };

export type CountingOptions = {
  readonly name?: string;
  readonly version?: number;
  /** Throw on this event (evolve fails, the projection faults). */
  readonly failOn?: (event: RecordedEvent) => boolean;
  /** Every event evolve is called with, to tell what a run re-applied. */
  readonly calls?: number[];
  /** Added per event; a new version can count differently. */
  readonly weight?: number;
};

const orderIdOf = (event: RecordedEvent): string => (event.data as { orderId: string }).orderId;

export function countingProjection(options: CountingOptions = {}): Projection<CountDoc> {
  const weight = options.weight ?? 1;
  return {
    name: options.name ?? 'counts',
    version: options.version ?? 1,
    handles: orderEventTypes,
    documentIds: (event) => [orderIdOf(event), 'all'],
    evolve(docs, event) {
      options.calls?.push(event.globalPosition);
      for (const id of [orderIdOf(event), 'all']) {
        const doc = docs.get(id) ?? { count: 0, positions: [] };
        docs.put(id, { count: doc.count + weight, positions: [...doc.positions, event.globalPosition] });
        // Fail after writing: the write of a failing event must not survive.
        if (options.failOn?.(event)) throw new Error(`cannot count event ${event.globalPosition}`);
      }
    },
  };
}

/** Fails on the given position the first time only: a crash that a retry or a restart gets past. */
export function failsOnceAt(position: number): (event: RecordedEvent) => boolean {
  let failed = false;
  return (event) => {
    if (failed || event.globalPosition !== position) return false;
    failed = true;
    return true;
  };
}
