import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { openApp, screenshotDir, shot } from './support';

mkdirSync(screenshotDir, { recursive: true });

/** On the simulator screen, the pipeline diagram (opened on demand) follows a command issued from the command panel. */

describe('the simulator’s pipeline diagram', () => {
  it('loads only when opened, then lights each stage a placed order passes through', async () => {
    const { page } = await openApp('#/simulator');
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.getByRole('button', { name: 'Place order' }).waitFor();
    expect(fetched.filter((url) => /mermaid/.test(url))).toEqual([]);

    await page.getByText('Show each command passing through the pipeline').click();
    const diagram = page.getByRole('img', { name: /Event sourcing pipeline of seed 002/ });
    await diagram.locator('g.node', { hasText: 'Event Store' }).first().waitFor();

    await page.getByRole('button', { name: 'Place order' }).click();
    await expect
      .poll(async () => (await diagram.locator('g.node', { hasText: 'Read Models' }).first().getAttribute('class')) ?? '')
      .toMatch(/stage-(current|passed)/);
    expect((await diagram.locator('g.node', { hasText: 'Event Store' }).first().getAttribute('class')) ?? '').toMatch(/stage-passed/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, `${screenshotDir}/simulator-pipeline.png`);
  });
});
