import { circuitView, closedCircuit, defaultCircuitBreakerConfig } from './circuitBreaker';
import { defaultFailureInjection, patchedInjection } from './failureInjection';
import { sagaStreamPrefix } from './sagaMessages';
import type { OwnedSagaCoordinator, SagaCoordinatorParts } from './orderSaga';
import type { FailureInjection, SagaCoordinator } from './types';

/**
 * Seed 004's order saga, its code loaded the first time it has work: a command appended (any append may be an order
 * the saga follows), a saga asked for, or a saga left halfway by a reload. A tab that only shows the log never loads
 * it, so the first screen does not wait for it (the bundle budget, scripts/checkBundleBudget.ts).
 *
 * It behaves as the coordinator made at once would: its watcher starts at the head as this was made, so an order
 * cancelled or shipped before the code arrived is followed up; a failure injection set before then is the one it
 * starts with; `whenIdle` waits for it while it loads.
 */
export function lazySagaCoordinator(parts: SagaCoordinatorParts): OwnedSagaCoordinator {
  const { store } = parts;
  const watchFrom = store.headPosition().catch(() => 0);
  let injection: FailureInjection = { ...defaultFailureInjection, ...parts.injection };
  const listeners = new Set<() => void>();
  let closed = false;
  let loaded: OwnedSagaCoordinator | undefined;
  let loading: Promise<OwnedSagaCoordinator> | undefined;

  const load = (): Promise<OwnedSagaCoordinator> =>
    (loading ??= import('./orderSaga').then(({ createSagaCoordinator }) => {
      const coordinator = createSagaCoordinator({ ...parts, injection, watchFrom });
      if (closed) coordinator.close();
      coordinator.onChange(() => {
        for (const listener of listeners) listener();
      });
      loaded = coordinator;
      return coordinator;
    }));
  const loadForAppend = (): void => {
    if (closed || loading !== undefined) return;
    load().catch((error: unknown) => console.error('The order saga could not be loaded.', error));
  };
  const unsubscribe = store.subscribe(loadForAppend);
  const loadedThen = <T>(use: (coordinator: SagaCoordinator) => Promise<T>): Promise<T> => load().then(use);

  return {
    placeOrder: (input, options) => loadedThen((saga) => saga.placeOrder(input, options)),
    startForPlacedOrder: (orderId) => loadedThen((saga) => saga.startForPlacedOrder(orderId)),
    async whenIdle() {
      if (loading !== undefined) await (await loading).whenIdle();
    },
    async resumeUnfinished() {
      // Nothing to resume without a saga stream: the code is not loaded for that.
      if (loading === undefined && (await store.streamIds(sagaStreamPrefix)).length === 0) return 0;
      return (await load()).resumeUnfinished();
    },
    sagas: () => loadedThen((saga) => saga.sagas()),
    saga: (orderId) => loadedThen((saga) => saga.saga(orderId)),
    outcomes: () => loadedThen((saga) => saga.outcomes()),
    injection: () => loaded?.injection() ?? injection,
    setInjection(patch) {
      if (loaded !== undefined) {
        loaded.setInjection(patch);
        return;
      }
      // Kept here until the code arrives, which starts with it (a load under way reads it when it lands).
      injection = patchedInjection(injection, patch);
      for (const listener of listeners) listener();
    },
    circuit: () => loaded?.circuit() ?? circuitView(closedCircuit, parts.breaker ?? defaultCircuitBreakerConfig),
    stock: () => loadedThen((saga) => saga.stock()),
    restock: (product, quantity) => loadedThen((saga) => saga.restock(product, quantity)),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      unsubscribe();
      listeners.clear();
      loaded?.close();
    },
  };
}
