import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/ui/components/update-prompt';
import { updateReadyText, type UpdatePrompt } from '../../src/ui/components/update-prompt';
import type { ServiceWorkerUpdates } from '../../src/pwa/serviceWorkerUpdates';

/**
 * The update banner in a real browser. The service worker side is a stand-in with the same contract as
 * src/pwa/serviceWorkerUpdates.ts: a real waiting worker needs a second build (test/e2e/offline.test.ts drives one
 * that waits at another script URL).
 */

type StandInUpdates = ServiceWorkerUpdates & { announce(): void; applied: number };

function standInUpdates(options: { readyAtStart?: boolean; failApply?: boolean } = {}): StandInUpdates {
  const listeners = new Set<() => void>();
  let ready = options.readyAtStart ?? false;
  const updates: StandInUpdates = {
    applied: 0,
    isUpdateReady: () => ready,
    onUpdateReady(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async applyUpdate() {
      updates.applied += 1;
      if (options.failApply) throw new Error('the new version is gone');
      // The real one resolves once the waiting worker was told to take over; the reload comes after.
      await new Promise<void>(() => undefined);
    },
    announce() {
      ready = true;
      for (const listener of listeners) listener();
    },
  };
  return updates;
}

async function mount(updates: ServiceWorkerUpdates): Promise<UpdatePrompt> {
  const element = document.createElement('update-prompt');
  element.updates = updates;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const banner = () => page.getByRole('region', { name: 'New version' });

afterEach(() => {
  document.body.replaceChildren();
});

describe('the update banner', () => {
  it('shows nothing until a new version is waiting, then says so with Reload and Later', async () => {
    const updates = standInUpdates();
    const element = await mount(updates);
    expect(banner().query()).toBeNull();

    updates.announce();
    await element.updateComplete;
    await expect.element(banner().getByRole('status')).toHaveTextContent(updateReadyText);
    await expect.element(banner().getByRole('button', { name: 'Reload' })).toBeEnabled();
    await expect.element(banner().getByRole('button', { name: 'Later' })).toBeEnabled();
  });

  it('shows at once when the version was already waiting before the page started', async () => {
    await mount(standInUpdates({ readyAtStart: true }));
    await expect.element(banner()).toBeVisible();
  });

  it('Reload applies the waiting version once and says it is updating', async () => {
    const updates = standInUpdates({ readyAtStart: true });
    await mount(updates);
    await banner().getByRole('button', { name: 'Reload' }).click();
    await expect.element(banner().getByRole('status')).toHaveTextContent('Updating Event Workbook…');
    await expect.element(banner().getByRole('button', { name: 'Reload' })).toBeDisabled();
    expect(updates.applied).toBe(1);
  });

  it('Later hides the banner and applies nothing', async () => {
    const updates = standInUpdates({ readyAtStart: true });
    const element = await mount(updates);
    await banner().getByRole('button', { name: 'Later' }).click();
    await element.updateComplete;
    expect(banner().query()).toBeNull();
    expect(updates.applied).toBe(0);
  });

  it('a failed update says so and lets the person try again', async () => {
    const updates = standInUpdates({ readyAtStart: true, failApply: true });
    await mount(updates);
    await banner().getByRole('button', { name: 'Reload' }).click();
    await expect.element(banner().getByRole('alert')).toHaveTextContent('The update could not be applied: the new version is gone.');
    await expect.element(banner().getByRole('button', { name: 'Reload' })).toBeEnabled();
  });
});
