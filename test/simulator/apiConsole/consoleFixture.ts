import { afterEach } from 'vitest';
import { type WorkbookSimulator } from '../../../src/simulator/simulator';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import { handleApiRequest } from '../../../src/simulator/apiConsole/handleApiRequest';
import type { ApiResponse } from '../../../src/simulator/apiConsole/types';

/** A console on a fresh in-memory simulator, minting order ids o-1, o-2, … so responses can be asserted exactly. */
export type ConsoleFixture = {
  readonly simulator: WorkbookSimulator;
  send(text: string, options?: { readYourWrites?: boolean }): Promise<ApiResponse>;
  /** Waits for the sagas seed 004's orders started, then for the projector: the read models lag the log. */
  settle(): Promise<void>;
  /** Events in the log once no saga is running, to prove a refusal appended nothing. */
  head(): Promise<number>;
  /** OrderPlaced events in the log: how many orders were recorded, whatever their sagas appended after. */
  ordersPlaced(): Promise<number>;
};

const open: WorkbookSimulator[] = [];
afterEach(() => {
  for (const simulator of open.splice(0)) simulator.close();
});

export async function openConsole(): Promise<ConsoleFixture> {
  const simulator = await createMemorySimulator();
  open.push(simulator);
  let next = 0;
  return {
    simulator,
    send: (text, options = {}) => handleApiRequest(simulator, text, { newId: () => `o-${++next}`, ...options }),
    async settle() {
      await simulator.sagas.whenIdle();
      await simulator.projector.whenCaughtUp();
    },
    async head() {
      await simulator.sagas.whenIdle();
      return simulator.store.headPosition();
    },
    async ordersPlaced() {
      await simulator.sagas.whenIdle();
      const events = await simulator.store.readAll({ after: 0, limit: 1_000_000 });
      return events.filter((event) => event.type === 'OrderPlaced').length;
    },
  };
}
