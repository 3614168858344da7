import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, shot } from './support';

/** An instructor sends commands from the architecture screen and the diagrams light each stage they reach. */

mkdirSync(screenshotDir, { recursive: true });

const cqrsDiagram = (page: Page) => page.getByRole('img', { name: /CQRS architecture of the Order Service/ });
const cqrsTimeline = (page: Page) => page.getByRole('list', { name: 'CQRS timeline' });
/** The SVG group Mermaid drew for one node, found by the label a person reads in it. */
const node = (page: Page, label: string) => cqrsDiagram(page).locator('g.node', { hasText: label });

describe('the architecture diagrams', () => {
  it('draws Exercise 06’s CQRS diagram and seed 002’s pipeline with every named node', async () => {
    const { page } = await openApp('#/architecture');
    await expect.poll(() => cqrsDiagram(page).count()).toBe(1);
    for (const label of ['Client', 'Command Handler', 'Write DB', 'Event Bus', 'Event Handler', 'Read DB', 'Query Handler']) {
      await expect.poll(() => node(page, label).count(), { message: label }).toBe(1);
    }
    const pipeline = page.getByRole('img', { name: /Event sourcing pipeline of seed 002/ });
    for (const label of ['Commands', 'Aggregates', 'Events', 'Event Store', 'Event Bus', 'Projections', 'Read Models', 'Queries']) {
      await expect.poll(() => pipeline.locator('g.node', { hasText: label }).count(), { message: label }).toBeGreaterThan(0);
    }
  });

  it('lights each stage a placed order passes, ending at the read side, and lists it in the timeline', async () => {
    const { page } = await openApp('#/architecture');
    await cqrsDiagram(page).waitFor();
    await page.getByRole('button', { name: 'Place a demo order' }).click();
    await expect.poll(() => cqrsTimeline(page).textContent()).toMatch(/Read DB: every read model includes position 1/);
    const timeline = (await cqrsTimeline(page).textContent()) ?? '';
    expect(timeline).toMatch(/Command Handler: PlaceOrder validated, routed to order-A-\w+ \d+\.\d ms/);
    expect(timeline).toMatch(/Write DB: appended to order-A-\w+ at position 1/);
    expect(await node(page, 'Read DB').getAttribute('class')).toMatch(/stage-current/);
    expect(await node(page, 'Command Handler').getAttribute('class')).toMatch(/stage-passed/);
    expect(await node(page, 'Query Handler').getAttribute('class')).not.toMatch(/stage-/);
    await shot(page, `${screenshotDir}/architecture-light.png`, { fullPage: true });
  });

  it('marks a refused command at the Command Handler and a query on the read side only', async () => {
    const { page } = await openApp('#/architecture');
    await cqrsDiagram(page).waitFor();
    await page.getByRole('button', { name: 'Place a demo order' }).click();
    await expect.poll(() => cqrsTimeline(page).textContent()).toMatch(/Read DB/);
    await page.getByRole('button', { name: 'Deliver it (not allowed yet)' }).click();
    await expect.poll(() => node(page, 'Command Handler').getAttribute('class')).toMatch(/stage-rejected/);
    expect(await cqrsTimeline(page).textContent()).toMatch(/DeliverOrder rejected \(rule\)/);

    await page.getByRole('button', { name: 'Query the read model' }).click();
    await expect.poll(() => node(page, 'Query Handler').getAttribute('class')).toMatch(/stage-passed/);
    expect(await node(page, 'Read DB').getAttribute('class')).toMatch(/stage-current/);
    expect(await node(page, 'Write DB').getAttribute('class')).not.toMatch(/stage-/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'answered from the read model' }).textContent()).toMatch(/is pending/);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    // The nodes' colours fade into the dark theme: the screenshot waits until every transition has finished.
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    await shot(page, `${screenshotDir}/architecture-dark.png`, { fullPage: true });
  });

  it('keeps Mermaid out of the initial bundle: its chunk is fetched only when the screen opens', async () => {
    const dist = process.env['E2E_DIST'] ?? join(process.cwd(), 'dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    // What the page loads before any screen: the entry script and the modules it preloads.
    const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
    expect(initial.length).toBeGreaterThan(0);
    for (const file of initial) {
      expect(file).not.toMatch(/mermaid/);
      expect(readFileSync(join(dist, file), 'utf8')).not.toMatch(/mermaid/i);
    }
    expect(readdirSync(join(dist, 'assets')).some((name) => /^mermaid\.core-.+\.js$/.test(name))).toBe(true);

    // Starts on a screen that draws no diagram (the simulator screen may embed <pipeline-diagram>).
    const { page } = await openApp('#/snapshots');
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.getByRole('heading', { name: 'Snapshots and the long tail', level: 2 }).waitFor();
    expect(fetched.filter((url) => /mermaid/.test(url))).toEqual([]);
    await page.getByRole('link', { name: 'Architecture' }).click();
    await cqrsDiagram(page).waitFor();
    expect(fetched.some((url) => /\/assets\/mermaid\.core-[^/]+\.js$/.test(url))).toBe(true);
  });
});
