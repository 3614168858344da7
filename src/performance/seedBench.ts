import Dexie, { type Table } from 'dexie';
import { WorkbookDb } from '../db/schema';
import { createBrowserSimulator } from '../simulator/simulator';
import { maxOrdersWithin, planSeed } from '../simulator/seedData';
import { compareThroughput, type BenchResult } from './benchResult';

/**
 * Issue 17 (b): seeding as the Data screen runs it. The screen plans the seed (`planSeed`) and hands its steps to
 * `simulator.appendGenerated` in batches of 10,000 events on the app's browser simulator: personal fields sealed
 * with each customer's key (AES-GCM per field, src/privacy/), the CRUD twin written in the same transaction, the
 * projector and the twin told once at the end. Timed from the hand-over to its return, as the screen times it.
 *
 * The baseline, same page, same run: a raw `bulkAdd` of the very rows the seed stored, read back from its database
 * (events encrypted as stored, the CRUD twin's rows and losses, the customers' keys, the twin's checkpoint), into an
 * empty database of the app's schema, one transaction per 10,000 events holding an even share of the other rows,
 * as the seed's own batches do. Target ≥ 0.8. The same against the event rows alone (what this bench compared with
 * before: the seed writes about twice their rows) is reported with no target.
 */
export async function benchSeed(events: number, log: (line: string) => void = () => {}): Promise<BenchResult[]> {
  const seedName = `event-workbook-bench-seed-${Date.now()}`;
  const rawName = `${seedName}-raw`;
  const eventsOnlyName = `${seedName}-events`;
  const simulator = await createBrowserSimulator({ dbName: seedName });
  try {
    const plan = planSeed({ seed: 17, orders: maxOrdersWithin(17, events) });
    const started = performance.now();
    const result = await simulator.appendGenerated(plan.steps, { batchEvents: 10_000 });
    const seedMs = performance.now() - started;
    simulator.close();

    const seeded = new WorkbookDb(seedName);
    await seeded.open();
    const stored = await Promise.all(storedTables(seeded).map(async (table) => ({ name: table.name, rows: await table.toArray() })));
    seeded.close();
    const eventRows = stored.find(({ name }) => name === 'events')!.rows;
    const chunks = Math.max(1, Math.ceil(eventRows.length / 10_000));

    const raw = new WorkbookDb(rawName);
    await raw.open();
    const rawStarted = performance.now();
    for (let chunk = 0; chunk < chunks; chunk += 1) {
      const tables = storedTables(raw);
      await raw.transaction('rw', tables, () =>
        Promise.all(
          stored.map(({ name, rows }) => {
            const share = Math.ceil(rows.length / chunks);
            return raw.table(name).bulkAdd(rows.slice(chunk * share, (chunk + 1) * share));
          }),
        ),
      );
    }
    const rawMs = performance.now() - rawStarted;
    raw.close();

    const eventsOnly = new WorkbookDb(eventsOnlyName);
    await eventsOnly.open();
    const eventsOnlyStarted = performance.now();
    for (let start = 0; start < eventRows.length; start += 10_000) await eventsOnly.events.bulkAdd(eventRows.slice(start, start + 10_000));
    const eventsOnlyMs = performance.now() - eventsOnlyStarted;
    eventsOnly.close();

    const rowCount = stored.reduce((sum, { rows }) => sum + rows.length, 0);
    log(
      `seed: ${result.written} events in ${Math.round(seedMs)} ms; raw bulkAdd of the same ${rowCount} rows ` +
        `(${stored.map(({ name, rows }) => `${name} ${rows.length}`).join(', ')}) in ${Math.round(rawMs)} ms; ` +
        `of the ${eventRows.length} event rows alone in ${Math.round(eventsOnlyMs)} ms`,
    );
    const name = `seed from the Data screen (appendGenerated, personal fields encrypted, CRUD twin), ${result.written.toLocaleString('en-US')} events`;
    const seedRate = result.written / (seedMs / 1000);
    return [
      compareThroughput(
        name,
        'events/s',
        seedRate,
        `raw bulkAdd of every row it stored (events encrypted, CRUD twin, keys: ${rowCount.toLocaleString('en-US')} rows), app schema, same transactions`,
        result.written / (rawMs / 1000),
        0.8,
      ),
      compareThroughput(
        `${name}, against the event rows alone`,
        'events/s',
        seedRate,
        'raw bulkAdd of its event rows only (not the CRUD twin or keys it also writes), app schema',
        eventRows.length / (eventsOnlyMs / 1000),
      ),
    ];
  } finally {
    simulator.close();
    await Dexie.delete(seedName);
    await Dexie.delete(rawName);
    await Dexie.delete(eventsOnlyName);
  }
}

/** Every table a seed writes to: the log, the CRUD twin and its checkpoint (in `meta`), the customers' keys. */
function storedTables(db: WorkbookDb): Table[] {
  return [db.events, db.crudOrders, db.crudLosses, db.crudUsers, db.crudUserLosses, db.meta, db.subjectKeys];
}
