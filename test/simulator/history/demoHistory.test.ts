import { describe, expect, it } from 'vitest';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import { demoHistory, demoTime, loadDemoHistory } from '../../../src/simulator/history/demoHistory';
import { orderStatusAt } from '../../../src/simulator/history/temporalQuery';

describe('the demo story', () => {
  it('happened yesterday morning, 25 minutes a step, whatever the time now', () => {
    const today = new Date('2026-11-23T06:30:00.000Z');
    expect(demoTime(today, 0)).toBe('2026-11-22T08:00:00.000Z');
    expect(demoTime(today, 4)).toBe('2026-11-22T09:40:00.000Z');
  });

  it('spreads its events over the morning, so a status at a time between them is a real question', async () => {
    const simulator = await createMemorySimulator();
    const today = new Date('2026-11-23T12:00:00.000Z');
    expect(await loadDemoHistory(simulator, () => {}, today)).toBeUndefined();
    const log = await simulator.store.readAll();
    expect(log).toHaveLength(demoHistory.length);

    // Order 1 was confirmed at 08:50 (step 2) and started processing at 09:40 (step 4).
    expect(orderStatusAt(log, '1', '2026-11-22T09:00:00.000Z')).toMatchObject({ kind: 'status', status: 'confirmed' });
    expect(orderStatusAt(log, '1', '2026-11-22T09:45:00.000Z')).toMatchObject({ kind: 'status', status: 'processing' });
    simulator.close();
  });
});
