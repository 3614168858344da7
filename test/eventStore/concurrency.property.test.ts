import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { ConcurrencyError } from '../../src/eventStore/errors';
import { createMemoryEventStore } from '../../src/eventStore/memoryEventStore';
import type { AppendResult, EventStore, ExpectedVersion } from '../../src/eventStore/types';

const expectedVersion: fc.Arbitrary<ExpectedVersion> = fc.oneof(
  fc.constantFrom<ExpectedVersion>('any', 'noStream', 'streamExists'),
  fc.integer({ min: 0, max: 6 }),
);
const writer = fc.record({ expectedVersion, events: fc.integer({ min: 1, max: 3 }), tab: fc.integer({ min: 0, max: 1 }) });
type Scenario = {
  readonly existing: number;
  readonly writers: readonly { readonly expectedVersion: ExpectedVersion; readonly events: number; readonly tab: number }[];
};
const scenario: fc.Arbitrary<Scenario> = fc.record({ existing: fc.integer({ min: 0, max: 4 }), writers: fc.array(writer, { minLength: 2, maxLength: 6 }) });

/** Runs the writers all at once and checks that no two events ever share a position. */
async function raceOnOneStream(tabs: readonly EventStore[], { existing, writers }: Scenario) {
  const streamId = 'order-1';
  const [first] = tabs;
  if (existing > 0)
    await first!.appendToStream(streamId, Array.from({ length: existing }, (_, i) => ({ eventId: `old-${i}`, type: 'Old', data: {} })));

  const outcomes = await Promise.allSettled(
    writers.map((w, index) =>
      tabs[w.tab % tabs.length]!.appendToStream(
        streamId,
        Array.from({ length: w.events }, (_, i) => ({ eventId: `w${index}-${i}`, type: 'New', data: { index } })),
        { expectedVersion: w.expectedVersion },
      ),
    ),
  );

  for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConcurrencyError);
  const written = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])) as AppendResult[];
  const stream = await first!.readStream(streamId);
  const log = await first!.readAll();
  const total = existing + written.reduce((sum, result) => sum + result.events.length, 0);

  expect(stream.map((event) => event.streamPosition)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  expect(log.map((event) => event.globalPosition)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  // Each accepted batch sits on consecutive positions of its own.
  for (const result of written) {
    const positions = result.events.map((event) => event.streamPosition);
    expect(positions).toEqual(positions.map((_, i) => positions[0]! + i));
    expect(result.nextExpectedVersion).toBe(positions.at(-1));
  }
  // Writers with the same exact expected version: at most one of them wins.
  const winnersByExpected = new Map<number, number>();
  writers.forEach((w, index) => {
    if (typeof w.expectedVersion === 'number' && outcomes[index]?.status === 'fulfilled')
      winnersByExpected.set(w.expectedVersion, (winnersByExpected.get(w.expectedVersion) ?? 0) + 1);
  });
  for (const winners of winnersByExpected.values()) expect(winners).toBe(1);
}

describe('concurrent appends to one stream', () => {
  it('never put two events at one position (memory)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, (s) => raceOnOneStream([createMemoryEventStore()], s)),
      { numRuns: 200 },
    );
  });

  it('never put two events at one position (Dexie on fake-indexeddb, two tabs)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        run += 1;
        const name = `concurrency-property-${Date.now()}-${run}`;
        const dbs = [new WorkbookDb(name), new WorkbookDb(name)];
        try {
          for (const db of dbs) await db.open();
          await raceOnOneStream(dbs.map((db) => createDexieEventStore(db)), s);
        } finally {
          for (const db of dbs) db.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
