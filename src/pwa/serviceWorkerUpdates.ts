/**
 * The service worker's side of "a new version is ready": the app precaches itself (vite.config.ts) and, when a
 * newer build's worker has installed and is waiting, asks the person before switching, because swapping the code
 * under an open lesson or a half-typed answer would lose their place. Reload activates the waiting worker; the
 * page reloads once that worker controls it.
 */
export type ServiceWorkerUpdates = {
  /** Whether a new version is installed and waiting for the person's go-ahead. */
  readonly isUpdateReady: () => boolean;
  /** Calls `listener` when a new version becomes ready; returns the unsubscribe. */
  readonly onUpdateReady: (listener: () => void) => () => void;
  /** Activates the waiting version; the page reloads when it takes control. */
  readonly applyUpdate: () => Promise<void>;
};

/** Registers the app's service worker (a no-op under `vite` dev, where vite-plugin-pwa's devOptions are off). */
export function registerServiceWorker(): ServiceWorkerUpdates {
  const listeners = new Set<() => void>();
  let updateReady = false;
  let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | undefined;

  // Imported lazily: registration waits for nothing on the first paint, and workbox-window stays out of the entry
  // chunk. Where the virtual module does not exist (a test bundle without the PWA plugin) there is nothing to do.
  const registered = import('virtual:pwa-register')
    .then(({ registerSW }) => {
      // Not `immediate`: workbox-window registers after the window's load event, so precaching the whole app
      // (~5 MB) never competes with the first screen's own loading.
      updateServiceWorker = registerSW({
        onNeedRefresh() {
          updateReady = true;
          for (const listener of [...listeners]) listener();
        },
        onRegisterError(error: unknown) {
          // Without a worker the app still runs online; say why offline will not work instead of failing.
          console.warn('The service worker could not be registered, so the app will not work offline:', error);
        },
      });
    })
    .catch(() => undefined);

  return {
    isUpdateReady: () => updateReady,
    onUpdateReady(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async applyUpdate() {
      await registered;
      // `true`: reload the page once the new worker controls it (vite-plugin-pwa reloads on 'controlling').
      await updateServiceWorker?.(true);
    },
  };
}
