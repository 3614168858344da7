import { afterEach } from 'vitest';
import { createMemorySimulator, type WorkbookSimulator } from '../../../src/simulator/simulator';
import { handleApiRequest } from '../../../src/simulator/apiConsole/handleApiRequest';
import type { ApiResponse } from '../../../src/simulator/apiConsole/types';

/** A console on a fresh in-memory simulator, minting order ids o-1, o-2, … so responses can be asserted exactly. */
export type ConsoleFixture = {
  readonly simulator: WorkbookSimulator;
  send(text: string, options?: { readYourWrites?: boolean }): Promise<ApiResponse>;
  /** Waits for the projector: the read models lag the log. */
  settle(): Promise<void>;
  /** Events in the log, to prove a refusal appended nothing. */
  head(): Promise<number>;
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
    settle: () => simulator.projector.whenCaughtUp(),
    head: () => simulator.store.headPosition(),
  };
}
