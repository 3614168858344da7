import type { AppendNotice, Unsubscribe } from './types';

/** The listeners of one store. A listener that throws is reported and does not stop the others or the append. */
export function createListeners() {
  const listeners = new Set<(notice: AppendNotice) => void>();
  return {
    add(listener: (notice: AppendNotice) => void): Unsubscribe {
      // Wrapped so the same function subscribed twice is two subscriptions, each removed by its own Unsubscribe.
      const entry = (notice: AppendNotice) => listener(notice);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    notify(notice: AppendNotice): void {
      if (listeners.size === 0) return;
      for (const listener of [...listeners]) {
        try {
          listener(notice);
        } catch (error) {
          console.error('An event store subscriber failed', error);
        }
      }
    },
    get size(): number {
      return listeners.size;
    },
    clear(): void {
      listeners.clear();
    },
  };
}
