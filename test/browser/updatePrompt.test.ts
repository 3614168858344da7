import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/ui/components/update-prompt';
import { updateReadyText, type UpdatePrompt } from '../../src/ui/components/update-prompt';
import type { ServiceWorkerUpdates, UpdateStage } from '../../src/pwa/serviceWorkerUpdates';

/**
 * The update banner in a real browser. The service worker side is a stand-in with the same contract as
 * src/pwa/serviceWorkerUpdates.ts: a real waiting worker needs a second build (test/e2e/offline.test.ts drives one
 * that waits at another script URL).
 */

type StandInUpdates = ServiceWorkerUpdates & { moveTo(stage: UpdateStage): void; applied: number };

function standInUpdates(options: { readyAtStart?: boolean; failApply?: boolean } = {}): StandInUpdates {
  const listeners = new Set<() => void>();
  let stage: UpdateStage = { kind: options.readyAtStart === true ? 'ready' : 'none' };
  const updates: StandInUpdates = {
    applied: 0,
    stage: () => stage,
    onStageChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async applyUpdate() {
      updates.applied += 1;
      if (options.failApply) throw new Error('the new version is gone');
      // The real one asks every tab; the switch and the reload come after.
      updates.moveTo({ kind: 'waiting', requestedHere: true, busyTabs: 0, busyHere: false });
    },
    moveTo(next) {
      stage = next;
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

    updates.moveTo({ kind: 'ready' });
    await element.updateComplete;
    await expect.element(banner().getByRole('status')).toHaveTextContent(updateReadyText);
    await expect.element(banner().getByRole('button', { name: 'Reload' })).toBeEnabled();
    await expect.element(banner().getByRole('button', { name: 'Later' })).toBeEnabled();
  });

  it('shows at once when the version was already waiting before the page started', async () => {
    await mount(standInUpdates({ readyAtStart: true }));
    await expect.element(banner()).toBeVisible();
  });

  it('Reload applies the waiting version once and says it is updating, with nothing left to press twice', async () => {
    const updates = standInUpdates({ readyAtStart: true });
    await mount(updates);
    await banner().getByRole('button', { name: 'Reload' }).click();
    await expect.element(banner().getByRole('status')).toHaveTextContent('Updating Event Workbook…');
    expect(banner().getByRole('button').query()).toBeNull();
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

  it('after Reload, says which tabs the update waits for, in words', async () => {
    const updates = standInUpdates({ readyAtStart: true });
    await mount(updates);
    await banner().getByRole('button', { name: 'Reload' }).click();
    updates.moveTo({ kind: 'waiting', requestedHere: true, busyTabs: 2, busyHere: false });
    await expect.element(banner().getByRole('status')).toHaveTextContent('Updating Event Workbook… waiting for 2 other tabs to finish saving');
    updates.moveTo({ kind: 'waiting', requestedHere: true, busyTabs: 0, busyHere: true });
    await expect.element(banner().getByRole('status')).toHaveTextContent('Updating Event Workbook… waiting for this tab to finish saving');
    expect(banner().getByRole('button').query()).toBeNull();
  });

  it('after Later, another tab\'s Reload brings the banner back to say this tab switches too, once its work is saved', async () => {
    const updates = standInUpdates({ readyAtStart: true });
    const element = await mount(updates);
    await banner().getByRole('button', { name: 'Later' }).click();
    await element.updateComplete;
    expect(banner().query()).toBeNull();

    updates.moveTo({ kind: 'waiting', requestedHere: false, busyTabs: 1, busyHere: true });
    await expect
      .element(banner().getByRole('status'))
      .toHaveTextContent('Another tab is updating Event Workbook to its new version; this tab switches with it as soon as your work here is saved.');
    await banner().getByRole('button', { name: 'Reload now' }).click();
    expect(updates.applied).toBe(1);

    updates.moveTo({ kind: 'switching', busyHere: true });
    await expect.element(banner().getByRole('status')).toHaveTextContent('Switching to the new version of Event Workbook once this tab has finished saving…');
  });

  it('a failed update says so and lets the person try again', async () => {
    const updates = standInUpdates({ readyAtStart: true, failApply: true });
    await mount(updates);
    await banner().getByRole('button', { name: 'Reload' }).click();
    await expect.element(banner().getByRole('alert')).toHaveTextContent('The update could not be applied: the new version is gone.');
    await expect.element(banner().getByRole('button', { name: 'Reload' })).toBeEnabled();
  });
});
