import { describe, expect, it } from 'vitest';
import { openApp, screenshotDir, shot } from './support';
import { eventLog, placeOrder } from './simulatorSupport';

/** The screen on a laptop and on a projector: dark theme, large text, nothing pushed off the side. */

describe('the simulator screen’s looks', () => {
  it('fits the window in the dark theme with large text, an envelope open', async () => {
    const { page } = await openApp('#/simulator');
    await placeOrder(page);
    await eventLog(page).getByRole('button', { name: 'JSON of event 1' }).click();

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/simulator-dark.png`, { fullPage: true });

    await page.getByRole('button', { name: 'Large text' }).click();
    await shot(page, `${screenshotDir}/simulator-dark-large.png`, { fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The columns stack in large text; scrolled into view, the log still shows its row (the virtualizer renders
    // only what is in the window, so a full-page screenshot alone would show an empty box below the fold).
    await eventLog(page).scrollIntoViewIfNeeded();
    await expect.poll(() => eventLog(page).getByRole('row').count()).toBe(2);
    await shot(eventLog(page), `${screenshotDir}/simulator-dark-large-log.png`);

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/simulator-large-1024.png`, { fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Every projection's buttons stay inside the Projections panel, not past its edge behind a sideways scroll.
    const panel = await page.getByRole('region', { name: 'Projections' }).boundingBox();
    const rebuild = await page.getByRole('button', { name: 'Rebuild users' }).boundingBox();
    expect((rebuild?.x ?? Infinity) + (rebuild?.width ?? 0)).toBeLessThanOrEqual((panel?.x ?? 0) + (panel?.width ?? 0));
  });
});
