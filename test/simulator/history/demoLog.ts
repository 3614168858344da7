import type { RecordedEvent } from '../../../src/eventStore/types';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import { demoHistory, loadDemoHistory } from '../../../src/simulator/history/demoHistory';

/** Minute n of the demo morning: the n-th command (1-based) is issued at 09:0n. */
export const minute = (n: number): string => new Date(Date.UTC(2026, 2, 2, 9, n)).toISOString();

/**
 * The demo history as the time-travel screen gets it, recorded by a real memory simulator whose clock moves one
 * minute per command, so event #n happened at minute n.
 */
export async function demoLog(): Promise<RecordedEvent[]> {
  let tick = 0;
  let commands = 0;
  const simulator = await createMemorySimulator({ now: () => minute(tick), newId: () => `demo-${++commands}` });
  const execute: typeof simulator.execute = (command, input, options) => {
    tick += 1;
    // This clock, not the story's own times, decides when each command happened: minute n for command n.
    return simulator.execute(command, input, options?.commandId === undefined ? {} : { commandId: options.commandId });
  };
  const refusal = await loadDemoHistory({ execute });
  if (refusal) throw new Error(refusal.message);
  const events = await simulator.store.readAll();
  simulator.close();
  if (events.length !== demoHistory.length) throw new Error('each demo command records one event');
  return events;
}

/** "#3 OrderConfirmed order-1": enough to read a failing assertion. */
export const describeEvent = (event: RecordedEvent): string => `#${event.globalPosition} ${event.type} ${event.streamId}`;
