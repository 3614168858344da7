import type { Page } from 'playwright-core';
import { workbookProjections } from '../src/projections/allProjections';
import { compareThroughput, compareTime, type BenchResult } from '../src/performance/benchResult';
import { rawReadAndWriteFloor } from './writeFloor';

/**
 * The app as a person runs it: `#/simulator` open, with its event log, projection panel and read-model tables live
 * (every listener subscribed), on the app's own database. Each figure is set against a baseline taken in the same
 * page, on the same events, in the same run: the ratios are what count on a busy machine.
 */

/** Opens `#/simulator` and waits for its event log's newest row. */
export async function openSimulator(page: Page, base: string, newest: number): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${base}index.html#/simulator`);
  await page
    .getByRole('table', { name: 'Event log' })
    .getByRole('cell', { name: String(newest), exact: true })
    .first()
    .waitFor({ timeout: 120_000 });
}

/** Waits until the projection panel says every projection is caught up. */
export async function waitCaughtUp(page: Page, timeoutMs = 900_000): Promise<void> {
  const notes = page.locator('projection-panel th .note');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = await notes.allTextContents();
    if (texts.length === workbookProjections.length && texts.every((text) => text.trim() === 'caught up')) return;
    if (Date.now() > deadline) throw new Error(`The projections did not catch up: ${texts.join(', ')}`);
    await page.waitForTimeout(50);
  }
}

/** A raw IndexedDB cursor over the app's events table, in the page: events per second (the read ceiling). */
export async function rawCursorRead(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('event-workbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const started = performance.now();
          let count = 0;
          const cursor = db.transaction('events', 'readonly').objectStore('events').openCursor();
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (at) {
              count += 1;
              at.continue();
              return;
            }
            const seconds = (performance.now() - started) / 1000;
            db.close();
            resolve(count / Math.max(seconds, 1e-9));
          };
        };
      }),
  );
}

/** Presses "Rebuild <name>" (or "Rebuild all") in the projection panel and waits for it to say it finished; ms. */
async function rebuildOnScreen(page: Page, name: string): Promise<number> {
  const started = Date.now();
  await page.getByRole('button', { name: name === 'all' ? 'Rebuild all' : `Rebuild ${name}`, exact: true }).click();
  await page
    .locator('projection-panel [role="status"]')
    .filter({ hasText: `Rebuilt ${name === 'all' ? 'all read models' : name}: replayed` })
    .waitFor({ timeout: 900_000 });
  return Date.now() - started;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * On a store of `stored` events the app has just been seeded with from its Data screen (in `fillMs`, the page still
 * open there): catch-up once the person moves to the Simulator, then every read model rebuilt from the projection
 * panel, each against the raw cursor read of the same events.
 */
export async function benchSimulatorScreen(
  page: Page,
  stored: number,
  fillMs: number,
  log: (line: string) => void,
): Promise<BenchResult[]> {
  const count = stored.toLocaleString('en-US');
  const opened = Date.now();
  // From the Data screen the seed was made on, by the header's link: the same page, its projector already following.
  await page.getByRole('link', { name: 'Simulator', exact: true }).click();
  await page
    .getByRole('table', { name: 'Event log' })
    .getByRole('cell', { name: String(stored), exact: true })
    .first()
    .waitFor({ timeout: 120_000 });
  await waitCaughtUp(page);
  const catchUpMs = Date.now() - opened;
  log(`  caught up ${count} events in ${(catchUpMs / 1000).toFixed(1)} s (seed took ${(fillMs / 1000).toFixed(1)} s)`);

  const reads: number[] = [await rawCursorRead(page)];
  const perProjection = new Map<string, number>();
  for (const projection of workbookProjections) {
    const ms = await rebuildOnScreen(page, projection.name);
    perProjection.set(projection.name, ms);
    log(`  rebuilt ${projection.name} on #/simulator in ${(ms / 1000).toFixed(1)} s`);
    reads.push(await rawCursorRead(page));
  }
  const allAtOnceMs = await rebuildOnScreen(page, 'all');
  log(`  rebuilt all read models at once ("Rebuild all") on #/simulator in ${(allAtOnceMs / 1000).toFixed(1)} s`);
  reads.push(await rawCursorRead(page));
  const floor = await rawReadAndWriteFloor(page);
  log(
    `  write floor: raw cursor read of ${floor.events} events ${(floor.readMs / 1000).toFixed(1)} s + raw put of the ` +
      `${floor.documents} documents the read models hold ${(floor.writeMs / 1000).toFixed(1)} s`,
  );
  const cursor = median(reads);
  const totalMs = [...perProjection.values()].reduce((sum, ms) => sum + ms, 0);
  const rate = (ms: number) => stored / (ms / 1000);
  const baselineName = `raw IndexedDB cursor read of the same events, same page (median of ${reads.length})`;
  return [
    compareThroughput(
      `rebuild all ${workbookProjections.length} read models ("Rebuild all": one pass over the log), #/simulator open, ${count} events`,
      'events/s',
      rate(allAtOnceMs),
      baselineName,
      cursor,
      0.5,
    ),
    compareThroughput(
      `the same "Rebuild all", against the least any rebuild of these read models costs in IndexedDB`,
      'events/s',
      rate(allAtOnceMs),
      `raw cursor read of the events + raw put of the ${floor.documents.toLocaleString('en-US')} documents the read models hold (same indexes, one transaction), same page`,
      stored / ((floor.readMs + floor.writeMs) / 1000),
    ),
    compareThroughput(
      `rebuild all ${workbookProjections.length} read models one after another from the projection panel, #/simulator open, ${count} events`,
      'events/s',
      rate(totalMs),
      baselineName,
      cursor,
    ),
    compareThroughput(
      `rebuild the orders read model from the projection panel, #/simulator open, ${count} events`,
      'events/s',
      rate(perProjection.get('orders') ?? totalMs),
      baselineName,
      cursor,
    ),
    // Ready within 1.5× the seed's own time: seed time ÷ catch-up time ≥ 1/1.5.
    compareTime(
      `read models caught up after a ${count}-event seed, #/simulator opened on it`,
      catchUpMs,
      "the seed itself (the Data screen's Seed button, until the screen said it was done)",
      fillMs,
      Number((1 / 1.5).toFixed(2)),
    ),
  ];
}
