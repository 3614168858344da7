import { afterEach, describe, expect, it } from 'vitest';
import { coordinateTabUpdates, type OpenTabs, type TabChannel, type TabId, type TabWrites } from '../../src/pwa/tabUpdateCoordinator';

/**
 * Reload in one tab switches every tab, and only when none is writing. Each "tab" is a coordinator on its own real
 * BroadcastChannel (Node has them), with the open tabs and the writes in flight as stand-ins.
 */

const open = new Set<TabId>();
const closers = new Map<TabId, () => void>();
const channels: BroadcastChannel[] = [];

type Tab = { writes: TabWrites & { set(count: number): void }; activated: number; coordinator: ReturnType<typeof coordinateTabUpdates> };

function openTab(id: TabId): Tab {
  open.add(id);
  const channel = new BroadcastChannel('update-test');
  channels.push(channel);
  const tabs: OpenTabs = {
    thisTab: id,
    list: async () => [...open],
    whenClosed: (tab) => new Promise((closed) => closers.set(tab, closed)),
  };
  let count = 0;
  const listeners = new Set<() => void>();
  const writes = {
    count: () => count,
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: number) {
      count = next;
      for (const listener of listeners) listener();
    },
  };
  const tab: Tab = { writes, activated: 0, coordinator: undefined as never };
  tab.coordinator = coordinateTabUpdates(channel as unknown as TabChannel, tabs, writes, () => (tab.activated += 1));
  return tab;
}

/** Waits until `condition` holds; messages between channels arrive on later turns of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((turn) => setImmediate(turn));
}

afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
  open.clear();
  closers.clear();
});

describe('switching every tab to a new version', () => {
  it('waits for a tab that is writing, tells it, and activates when its write ends, once per tab', async () => {
    const later = openTab('later');
    const reload = openTab('reload');
    later.writes.set(1);

    reload.coordinator.requestUpdate();
    await until(() => later.coordinator.state().requested && reload.coordinator.state().busyTabs === 1);
    expect(later.coordinator.state()).toEqual({ requested: true, requestedHere: false, busyTabs: 0, busyHere: true });
    expect(reload.activated + later.activated).toBe(0);

    // Either tab may be the one to see everyone idle first; telling the waiting worker twice is harmless, more is a bug.
    later.writes.set(0);
    await until(() => reload.activated + later.activated > 0 && reload.coordinator.state().busyTabs === 0);
    later.writes.set(1);
    later.writes.set(0);
    expect([reload.activated, later.activated].every((times) => times <= 1)).toBe(true);
  });

  it('waits for the asking tab\'s own write, and for a tab opened after the request', async () => {
    const reload = openTab('reload');
    reload.writes.set(1);
    reload.coordinator.requestUpdate();
    const newcomer = openTab('newcomer');
    newcomer.writes.set(2);
    await until(() => newcomer.coordinator.state().requested);
    reload.writes.set(0);
    await until(() => reload.coordinator.state().busyTabs === 1);
    expect(reload.activated + newcomer.activated).toBe(0);

    newcomer.writes.set(0);
    await until(() => reload.activated > 0);
  });

  it('a tab that closes mid-write stops holding the update back', async () => {
    const closing = openTab('closing');
    const reload = openTab('reload');
    closing.writes.set(1);
    reload.coordinator.requestUpdate();
    await until(() => reload.coordinator.state().busyTabs === 1 && closers.has('closing'));
    open.delete('closing');
    closers.get('closing')?.();
    await until(() => reload.activated === 1);
  });
});
