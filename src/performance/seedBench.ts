import Dexie from 'dexie';
import { WorkbookDb, type EventRow } from '../db/schema';
import { createBrowserSimulator } from '../simulator/simulator';
import { maxOrdersWithin, planSeed } from '../simulator/seedData';
import { compareThroughput, type BenchResult } from './benchResult';

/**
 * Issue 17 (b): seeding as the Data screen runs it. The screen plans the seed (`planSeed`) and hands its steps to
 * `simulator.appendGenerated` in batches of 10,000 events on the app's browser simulator: personal fields sealed
 * with each customer's key (AES-GCM per field, src/privacy/), the CRUD twin written in the same transaction, the
 * projector and the twin told once at the end. Timed from the hand-over to its return, as the screen times it.
 *
 * The baseline, same page, same run: a raw `bulkAdd` of the very rows the seed stored (encrypted, as read back from
 * its database) into an empty database of the app's schema, 10,000 rows a transaction. Target ≥ 0.8.
 */
export async function benchSeed(events: number, log: (line: string) => void = () => {}): Promise<BenchResult[]> {
  const seedName = `event-workbook-bench-seed-${Date.now()}`;
  const rawName = `${seedName}-raw`;
  const simulator = await createBrowserSimulator({ dbName: seedName });
  try {
    const plan = planSeed({ seed: 17, orders: maxOrdersWithin(17, events) });
    const started = performance.now();
    const result = await simulator.appendGenerated(plan.steps, { batchEvents: 10_000 });
    const seedMs = performance.now() - started;
    simulator.close();

    const seeded = new WorkbookDb(seedName);
    await seeded.open();
    const rows: EventRow[] = await seeded.events.toArray();
    seeded.close();
    const raw = new WorkbookDb(rawName);
    await raw.open();
    const rawStarted = performance.now();
    for (let start = 0; start < rows.length; start += 10_000) await raw.events.bulkAdd(rows.slice(start, start + 10_000));
    const rawMs = performance.now() - rawStarted;
    raw.close();
    log(`seed: ${result.written} events in ${Math.round(seedMs)} ms; raw bulkAdd of the same ${rows.length} rows in ${Math.round(rawMs)} ms`);
    return [
      compareThroughput(
        `seed from the Data screen (appendGenerated, personal fields encrypted, CRUD twin), ${result.written.toLocaleString('en-US')} events`,
        'events/s',
        result.written / (seedMs / 1000),
        'raw bulkAdd of the same stored (encrypted) rows, app schema',
        rows.length / (rawMs / 1000),
        0.8,
      ),
    ];
  } finally {
    simulator.close();
    await Dexie.delete(seedName);
    await Dexie.delete(rawName);
  }
}
