/**
 * One new version for every open tab, at a moment when no tab is writing. The service worker is shared by all tabs
 * of the app: once the waiting version takes over, every tab must switch to it (a tab left on the old build asks the
 * server for screen files that are gone). So Reload in one tab does not activate the new version at once: it asks
 * every tab over a BroadcastChannel, each tab answers whether it is mid-write (src/db/writesInFlight.ts) and answers
 * again when that changes, and the version is activated only when no open tab is. Which tabs are open comes from Web
 * Locks: each tab holds a lock named after it for its whole life, so a tab that closes (or crashes) drops out.
 */

export type TabId = string;

/** What the tabs tell each other. */
export type TabUpdateMessage =
  /** A tab started: a tab that already asked for the update asks it too. */
  | { readonly type: 'hello'; readonly from: TabId }
  /** A person pressed Reload in `from`: every tab answers with its state, now and on every change. */
  | { readonly type: 'update-requested'; readonly from: TabId }
  | { readonly type: 'tab-state'; readonly from: TabId; readonly busy: boolean };

/** The channel between the tabs (a BroadcastChannel: a tab never receives its own messages). */
export type TabChannel = {
  postMessage(message: TabUpdateMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TabUpdateMessage>) => void): void;
};

/** The open tabs of the app, this one included. */
export type OpenTabs = {
  readonly thisTab: TabId;
  /** Every tab open now. */
  list(): Promise<readonly TabId[]>;
  /** Resolves when `tab` has closed. */
  whenClosed(tab: TabId): Promise<void>;
};

/** This tab's writes in flight (src/db/writesInFlight.ts). */
export type TabWrites = {
  count(): number;
  onChange(listener: () => void): () => void;
};

/** Where an asked-for update stands, seen from this tab. */
export type TabUpdateState = {
  /** Some tab (maybe this one) pressed Reload. */
  readonly requested: boolean;
  /** This tab's person pressed Reload (or Reload now). */
  readonly requestedHere: boolean;
  /** Other tabs still writing (or that have not answered yet): the update waits for them. */
  readonly busyTabs: number;
  /** This tab is writing: the update waits for it too. */
  readonly busyHere: boolean;
};

export type TabUpdateCoordinator = {
  readonly state: () => TabUpdateState;
  readonly onChange: (listener: () => void) => () => void;
  /** This tab's consent: asks every tab and activates the new version once none is writing. */
  readonly requestUpdate: () => void;
};

/**
 * `activate` is called once, when an update was asked for and no open tab is writing (the waiting service worker is
 * then told to skip waiting; each tab reloads when it takes control, at its own safe point).
 */
export function coordinateTabUpdates(channel: TabChannel, tabs: OpenTabs, writes: TabWrites, activate: () => void): TabUpdateCoordinator {
  const listeners = new Set<() => void>();
  /** What the other tabs last said about themselves; a tab absent here has not answered yet. */
  const busyByTab = new Map<TabId, boolean>();
  const watched = new Set<TabId>();
  let requested = false;
  let requestedHere = false;
  let busyTabs = 0;
  let activated = false;

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const sayState = () => channel.postMessage({ type: 'tab-state', from: tabs.thisTab, busy: writes.count() > 0 });

  /** A tab that closes stops holding the update back. */
  const watch = (tab: TabId) => {
    if (watched.has(tab)) return;
    watched.add(tab);
    void tabs.whenClosed(tab).then(() => {
      busyByTab.delete(tab);
      void settle();
    });
  };

  const settle = async (): Promise<void> => {
    if (!requested) return;
    const others = (await tabs.list()).filter((tab) => tab !== tabs.thisTab);
    others.forEach(watch);
    busyTabs = others.filter((tab) => busyByTab.get(tab) !== false).length;
    notify();
    if (activated || busyTabs > 0 || writes.count() > 0) return;
    activated = true;
    activate();
  };

  const join = () => {
    const first = !requested;
    requested = true;
    sayState();
    if (first) notify();
    void settle();
  };

  channel.addEventListener('message', ({ data: message }) => {
    switch (message.type) {
      case 'hello':
        if (requested) channel.postMessage({ type: 'update-requested', from: tabs.thisTab });
        return;
      case 'update-requested':
        join();
        return;
      case 'tab-state':
        busyByTab.set(message.from, message.busy);
        void settle();
        return;
      default: {
        const unknown: never = message;
        return unknown;
      }
    }
  });

  writes.onChange(() => {
    if (!requested) return;
    sayState();
    void settle();
  });

  channel.postMessage({ type: 'hello', from: tabs.thisTab });

  return {
    state: () => ({ requested, requestedHere, busyTabs, busyHere: writes.count() > 0 }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    requestUpdate() {
      requestedHere = true;
      channel.postMessage({ type: 'update-requested', from: tabs.thisTab });
      join();
      notify();
    },
  };
}

const tabLockPrefix = 'event-workbook-tab:';

/**
 * The open tabs as Web Locks sees them: this tab holds its lock until it goes away. Where Web Locks is missing, only
 * this tab is known, so an update waits for this tab's own writes and for the tabs that answered.
 */
export function openTabsByWebLocks(locks: LockManager | undefined, thisTab: TabId = crypto.randomUUID()): OpenTabs {
  const held = new Promise<void>((acquired) => {
    void locks?.request(`${tabLockPrefix}${thisTab}`, () => {
      acquired();
      // Held for the page's whole life.
      return new Promise<never>(() => undefined);
    });
    if (locks === undefined) acquired();
  });
  return {
    thisTab,
    async list() {
      await held;
      if (locks === undefined) return [thisTab];
      const { held: locksHeld = [] } = await locks.query();
      return locksHeld.flatMap(({ name }) => (name?.startsWith(tabLockPrefix) ? [name.slice(tabLockPrefix.length)] : []));
    },
    async whenClosed(tab) {
      // Granted only once the tab's own lock is released: when it closed.
      await locks?.request(`${tabLockPrefix}${tab}`, () => undefined);
      if (locks === undefined) await new Promise<never>(() => undefined);
    },
  };
}
