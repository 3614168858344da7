import { requestPersistentStorageOnce } from '../db/storagePersistence';
import { registerServiceWorker, type ServiceWorkerUpdates } from './serviceWorkerUpdates';

let started: ServiceWorkerUpdates | undefined;

/**
 * What the app does once at start so it keeps working without a network: registers the precaching service worker
 * and asks the browser not to evict the student's data (asked on the first start only; the answer is remembered).
 * Calling it again returns the same registration.
 */
export function startOfflineSupport(): ServiceWorkerUpdates {
  if (started !== undefined) return started;
  // A refusal is normal (Chromium decides by site engagement); the Data screen shows the answer.
  void requestPersistentStorageOnce().catch(() => undefined);
  started = registerServiceWorker();
  return started;
}
