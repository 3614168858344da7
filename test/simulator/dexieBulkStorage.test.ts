import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../../src/eventStore/errors';
import { createDexieBulkStorage } from '../../src/simulator/dexieBulkStorage';
import { workbookUpcasting } from '../../src/simulator/simulator';
import { planSeed } from '../../src/simulator/seedData';
import type { BulkStep } from '../../src/simulator/bulkStorage';
import { tempWorkbookDbs } from '../support/tempWorkbookDb';

/**
 * The bulk write of a seed or an import on IndexedDB: a new stream's first position is guarded by the unique
 * `[streamId+streamPosition]` index alone (no probe per stream), a continued stream by a probe of its position n.
 * Either way a batch that does not fit is refused whole, naming the stream that did not fit.
 */

const openDb = tempWorkbookDbs('bulk');

/** The steps of a small seed, by stream: each stream's steps in order. */
function stepsByStream(): BulkStep[][] {
  const byStream = new Map<string, BulkStep[]>();
  for (const step of planSeed({ seed: 3, orders: 6 }).steps) byStream.set(step.streamId, [...(byStream.get(step.streamId) ?? []), step]);
  return [...byStream.values()].filter((steps) => steps.length >= 2);
}

async function refusal(work: Promise<unknown>): Promise<ConcurrencyError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConcurrencyError);
  return error as ConcurrencyError;
}

describe('Dexie bulk storage: version checks of a batch', () => {
  it('refuses a batch whose new stream another writer started, naming that stream; nothing of the batch is written', async () => {
    const db = await openDb();
    const bulk = createDexieBulkStorage(db, { upcasting: workbookUpcasting });
    const [first, second] = stepsByStream();
    await bulk.appendSteps([second![0]!], { quiet: true });

    const error = await refusal(bulk.appendSteps([first![0]!, second![0]!], { quiet: true }));
    expect(error).toMatchObject({ streamId: second![0]!.streamId, expected: 0, actual: second![0]!.events.length });
    expect(await db.events.count()).toBe(second![0]!.events.length);
    expect(await db.events.where('streamId').equals(first![0]!.streamId).count()).toBe(0);
  });

  it('refuses to continue a stream from a version it has not reached (no gap), and writes nothing', async () => {
    const db = await openDb();
    const bulk = createDexieBulkStorage(db, { upcasting: workbookUpcasting });
    const [first, second] = stepsByStream();
    await bulk.appendSteps([first![0]!], { quiet: true });

    // The second stream's second step was decided on its first step's events, which were never written.
    const error = await refusal(bulk.appendSteps([first![1]!, second![1]!], { quiet: true }));
    expect(error).toMatchObject({ streamId: second![1]!.streamId, expected: second![1]!.expectedVersion, actual: 0 });
    expect(await db.events.count()).toBe(first![0]!.events.length);
  });

  it('continues streams written by an earlier batch, positions without gaps', async () => {
    const db = await openDb();
    const bulk = createDexieBulkStorage(db, { upcasting: workbookUpcasting });
    const streams = stepsByStream();
    await bulk.appendSteps(streams.map((steps) => steps[0]!), { quiet: true });
    await bulk.appendSteps(streams.flatMap((steps) => steps.slice(1)), { quiet: true });
    for (const steps of streams) {
      const positions = (await db.events.where('streamId').equals(steps[0]!.streamId).toArray()).map((row) => row.streamPosition);
      const count = steps.reduce((sum, step) => sum + step.events.length, 0);
      expect(positions).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    }
  });
});
