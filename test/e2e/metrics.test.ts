import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';
import { cancelOrder, projections, setRange } from './simulatorSupport';

/** Seed 004's monitoring, live: a person generates load and watches latency, event rate and projection lag move. */

mkdirSync(screenshotDir, { recursive: true });

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** The cells of a table row, by the row header's text. */
async function rowCells(table: Locator, header: string | RegExp): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: header }) });
  if ((await row.count()) === 0) return [];
  return (await row.first().getByRole('cell').allInnerTexts()).map((text) => text.trim());
}

const latencyNow = (page: Page) => page.getByRole('table', { name: 'Command latency now' });
const byCommand = (page: Page) => page.getByRole('table', { name: 'Command latency by command' });
const lagTable = (page: Page) => page.getByRole('table', { name: 'Projection lag', exact: true });
const duration = /^\d+(\.\d+)? (ms|s)$/;

async function generateLoad(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Generate load' }).click();
  await expect.poll(() => page.getByRole('progressbar', { name: /Sending command/ }).count()).toBe(1);
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: /^Sent 50 commands/ }).count(), { timeout: 20_000 })
    .toBe(1);
}

describe('metrics screen', () => {
  it('generated load shows command latency percentiles, counts and errors, drawn as a live chart', async () => {
    const { page } = await openApp('#/metrics');
    await page.getByRole('heading', { name: 'Metrics', level: 2 }).waitFor();
    await generateLoad(page);
    expect(await page.getByRole('status').filter({ hasText: /^Sent 50/ }).innerText()).toContain('48 accepted, 2 refused');

    const overall = await rowCells(byCommand(page), 'All commands');
    expect(overall.slice(0, 2)).toEqual(['50', '2']);
    for (const percentile of overall.slice(2)) expect(percentile).toMatch(duration);
    expect((await rowCells(byCommand(page), 'DeliverOrder')).slice(0, 2)).toEqual(['2', '2']);

    // The chart's text equivalent and the line itself follow at the next sample (once a second).
    for (const percentile of ['p50', 'p95', 'p99']) {
      await expect.poll(async () => (await rowCells(latencyNow(page), percentile))[0]).toMatch(duration);
    }
    const chart = page.getByRole('img', { name: 'Command latency, last minute' });
    await expect.poll(() => chart.locator('path.series-3').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+ L/);
    await expect
      .poll(async () => Number((await rowCells(page.getByRole('table', { name: 'Event rate now' }), /Events appended/))[0]))
      .toBeGreaterThan(0);

    await shot(page, `${screenshotDir}/metrics-light.png`, { fullPage: true });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/metrics-dark.png`, { fullPage: true });
    // Large text on a 1024-pixel screen: the charts stack, the tables scroll inside their panels, the page does not widen.
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole('button', { name: 'Large text' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, `${screenshotDir}/metrics-large-text.png`, { fullPage: true });
  });

  it('commands sent on another screen count, and a projection delay shows as lag in events and time that returns to 0', async () => {
    const { page } = await openApp('#/simulator');
    await setRange(projections(page).getByLabel('Projection delay'), 2500);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('status').filter({ hasText: /Order .+ placed/ }).waitFor();

    await nav(page, 'Metrics').click();
    await expect.poll(async () => (await rowCells(byCommand(page), 'PlaceOrder'))[0]).toBe('1');
    await page.getByRole('button', { name: 'Generate load' }).click();
    // Sampled while the load runs or in the delay after it (the whole load long, not only the delay after it, which
    // a busy machine's slow sampling could miss): the log is ahead of the read models.
    let lagging: string[] = [];
    await expect
      .poll(async () => {
        lagging = await rowCells(lagTable(page), 'orders');
        return Number(lagging[3]);
      })
      .toBeGreaterThan(0);
    // The same row, read at once: behind by events, and by the age of the oldest one it has not applied.
    expect(lagging[0]).toBe('catching up');
    expect(lagging[4]).toMatch(/^\d+(\.\d+)? s$/);
    await shot(page, `${screenshotDir}/metrics-lag.png`, { fullPage: true });
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Sent 50 commands/ }).count()).toBe(1);

    // Once the delay is over, every projection catches up.
    await expect
      .poll(async () => (await rowCells(page.getByRole('table', { name: 'Projection lag in events now' }), /Furthest/))[0])
      .toBe('0 events');
    // In the Simulator's words for the same state. Polled too: the table is a once-a-second sample, and one taken
    // while the projector had caught up with the load's 47th event could still be the latest for a moment.
    await expect
      .poll(async () => (await rowCells(lagTable(page), 'orders')).slice(0, 5))
      .toEqual(['caught up', '49', '49', '0', '0 s']);
  });

  it('leaving the page while load is generated stops the load, so none runs unseen behind an enabled button', async () => {
    const { page } = await openApp('#/metrics');
    await page.getByRole('button', { name: 'Generate load' }).click();
    await expect.poll(() => page.getByRole('progressbar', { name: /Sending command/ }).count()).toBe(1);
    await nav(page, 'Saga').click();
    await page.getByRole('heading', { name: /^Saga/, level: 2 }).waitFor();
    await nav(page, 'Metrics').click();
    expect(await page.getByRole('button', { name: 'Generate load' }).isEnabled()).toBe(true);
    // The load ended when the screen was left, and the screen says after how many commands.
    const stopped = page.getByRole('status').filter({ hasText: /^You left this screen: stopped after \d+ commands?:/ });
    await stopped.waitFor();
    const ran = Number(/after (\d+) commands?:/.exec(await stopped.innerText())![1]);
    expect(ran).toBeLessThan(50);
    // Every command counted by the metrics is one the load sent before it ended, and none came after.
    const sent = async () => Number((await rowCells(byCommand(page), 'All commands'))[0] ?? 0);
    await expect.poll(sent).toBe(ran);
  });

  it('a saga run on the Saga screen shows in the saga success rate', async () => {
    const { page } = await openApp('#/saga');
    await page.getByRole('spinbutton', { name: 'Quantity of Laptop' }).fill('1');
    await page.getByRole('button', { name: 'Place order through the saga' }).click();
    await page.getByRole('status').filter({ hasText: /placed: its saga runs below/ }).waitFor();

    await nav(page, 'Metrics').click();
    const figures = async (): Promise<Record<string, string>> => {
      const [terms, values] = await Promise.all([page.getByRole('term').allInnerTexts(), page.getByRole('definition').allInnerTexts()]);
      return Object.fromEntries(terms.map((term, index) => [term, values[index] ?? '']));
    };
    await expect
      .poll(figures, { timeout: 15_000 })
      .toMatchObject({ 'Success rate': '100 %', Completed: '1', Compensated: '0', Running: '0' });
    await shot(page.getByRole('region', { name: 'Saga success rate' }), `${screenshotDir}/metrics-sagas.png`);
  });

  it('a saga whose order a person cancelled afterwards still counts as run: cancelled after completing, not "no saga yet"', async () => {
    const { page } = await openApp('#/saga');
    await page.getByRole('spinbutton', { name: 'Quantity of Laptop' }).fill('1');
    await page.getByRole('button', { name: 'Place order through the saga' }).click();
    const placed = page.getByRole('status').filter({ hasText: /placed: its saga runs below/ });
    await placed.waitFor();
    const orderId = /Order (\S+) placed/.exec(await placed.innerText())?.[1] ?? '';
    await page.getByRole('button', { name: /Order \S+ completed/ }).waitFor({ timeout: 15_000 });

    await nav(page, 'Simulator').click();
    await cancelOrder(page, orderId, 'Changed my mind');

    await nav(page, 'Metrics').click();
    const sagas = page.getByRole('region', { name: 'Saga success rate' });
    // The row shows while the follow-up (refund, releases) still runs: wait for the figures it ends with.
    const figures = async () => {
      const [terms, values] = await Promise.all([sagas.getByRole('term').allInnerTexts(), sagas.getByRole('definition').allInnerTexts()]);
      return Object.fromEntries(terms.map((term, index) => [term, values[index]]));
    };
    await expect
      .poll(figures, { timeout: 15_000 })
      .toMatchObject({ Completed: '0', Compensated: '0', 'Cancelled after completing': '1', Running: '0' });
    expect(await sagas.getByText(/No saga has run yet/).count()).toBe(0);
  });

  it('the admin API replays a projection and exposes the metrics as Prometheus text', async () => {
    const { page } = await openApp('#/console');
    await page.getByRole('heading', { name: 'API console', level: 2 }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Send', exact: true }).isEnabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Read your writes' }).check();
    const body = page.getByRole('region', { name: 'Response body' });
    const status = page.getByRole('region', { name: 'Response' }).getByRole('status');
    const sendExample = async (label: string) => {
      const before = await page.getByRole('list', { name: 'History' }).getByRole('listitem').count();
      await page.getByRole('button', { name: label, exact: true }).click();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => page.getByRole('list', { name: 'History' }).getByRole('listitem').count()).toBe(before + 1);
    };

    await sendExample('POST /api/v1/orders');
    await sendExample('POST /api/v1/admin/projections/orders/replay');
    expect((await status.textContent())?.trim()).toBe('200 OK');
    // The order and whatever its saga recorded by then (stock, payment, confirmation): the whole log, replayed.
    expect(JSON.parse((await body.textContent()) ?? 'null')).toMatchObject({ projection: 'orders', events_replayed: expect.any(Number), lag: 0, state: 'idle' });

    await sendExample('GET /metrics');
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('# TYPE workbook_command_duration_seconds summary');
    expect(text).toMatch(/^workbook_command_duration_seconds_count [1-9]\d*$/m);
    expect(text).toMatch(/^workbook_projection_lag_events\{projection="orders"\} 0$/m);
    await shot(page, `${screenshotDir}/metrics-prometheus.png`, { fullPage: true });

    // The same query again before its read model moves is a cache hit (a saga step landing in between is a miss,
    // so ask until one hits), and the Metrics screen shows the ratio.
    const hits = async () => {
      await sendExample('GET /api/v1/orders?status=pending');
      await sendExample('GET /metrics');
      return Number(/^workbook_read_cache_hits_total (\d+)$/m.exec((await body.textContent()) ?? '')?.[1] ?? 0);
    };
    await expect.poll(hits).toBeGreaterThan(0);
    await nav(page, 'Metrics').click();
    const cache = page.getByRole('region', { name: 'Read-side cache hit ratio' });
    await expect.poll(() => cache.getByRole('definition').first().innerText()).toMatch(/^\d+(\.\d)? %$/);
    await cache.scrollIntoViewIfNeeded();
    await shot(page, `${screenshotDir}/metrics-read-cache.png`, { fullPage: true });
  });
});
