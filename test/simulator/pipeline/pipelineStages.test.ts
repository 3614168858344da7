import { describe, expect, it } from 'vitest';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import type { CommandLifecycle } from '../../../src/simulator/types';
import {
  idleTrace,
  nodeMarks,
  traceCommand,
  traceProjector,
  traceQuery,
  trailLines,
  type DiagramNode,
  type PipelineTrace,
} from '../../../src/simulator/pipeline/pipelineStages';

/** Exercise 06's diagram, as the architecture screen names its nodes. */
const cqrsNodes: DiagramNode[] = [
  { id: 'Client', label: 'Client', stages: ['clientCommand', 'clientQuery'] },
  { id: 'CommandHandler', label: 'Command Handler', stages: ['commandHandler', 'aggregate'] },
  { id: 'WriteDB', label: 'Write DB', stages: ['eventStore'] },
  { id: 'EventBus', label: 'Event Bus', stages: ['eventBus'] },
  { id: 'EventHandler', label: 'Event Handler', stages: ['projection'] },
  { id: 'ReadDB', label: 'Read DB', stages: ['readModel'] },
  { id: 'QueryHandler', label: 'Query Handler', stages: ['queryHandler'] },
];

const placeOrder = {
  orderId: 'A1',
  customerId: 'c-1',
  customerEmail: 'ada@example.com',
  items: [{ product: 'Laptop', quantity: 1, unitPrice: 999.99 }],
};

/** Runs commands on a real memory simulator and folds what it reports into a trace, as the diagram does. */
async function traced(run: (simulator: Awaited<ReturnType<typeof createMemorySimulator>>) => Promise<unknown>) {
  const simulator = await createMemorySimulator();
  let trace: PipelineTrace = idleTrace;
  const steps: CommandLifecycle[] = [];
  simulator.onCommand((step) => {
    steps.push(step);
    trace = traceProjector(traceCommand(trace, step), simulator.projector.getStatus(), step.at);
  });
  simulator.projector.onChange((status) => {
    trace = traceProjector(trace, status, performance.now());
  });
  await run(simulator);
  await simulator.projector.whenCaughtUp();
  return { trace, steps, simulator };
}

describe('a command lighting the CQRS diagram', () => {
  it('passes Client, Command Handler, Write DB, Event Bus, then Event Handler and Read DB once projected', async () => {
    const { trace, simulator } = await traced((s) => s.execute('PlaceOrder', placeOrder));
    const lines = trailLines(cqrsNodes, trace).map((line) => line.text);
    expect(lines[0]).toBe('Client: PlaceOrder sent');
    expect(lines[1]).toBe('Command Handler: PlaceOrder validated, routed to order-A1');
    expect(lines).toContain('Write DB: appended to order-A1 at position 1');
    expect(lines).toContain('Event Bus: published OrderPlaced');
    expect(lines.at(-2)).toMatch(/^Event Handler: \d+ projections? applied position 1$/);
    expect(lines.at(-1)).toBe('Read DB: every read model includes position 1');
    const marks = nodeMarks(cqrsNodes, trace);
    expect(marks.get('ReadDB')).toBe('current');
    expect(marks.get('CommandHandler')).toBe('passed');
    // A command never goes near the query side.
    expect(marks.has('QueryHandler')).toBe(false);
    simulator.close();
  });

  it('times each stage from the moment the command was received', async () => {
    const { trace, simulator } = await traced((s) => s.execute('PlaceOrder', placeOrder));
    const times = trace.trail.map((entry) => entry.elapsedMs);
    expect(times[0]).toBe(0);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    simulator.close();
  });

  it('stops at the Command Handler when the input is invalid, and lights nothing after it', async () => {
    const { trace, simulator } = await traced((s) => s.execute('PlaceOrder', { ...placeOrder, items: [] }));
    const marks = nodeMarks(cqrsNodes, trace);
    expect(marks.get('CommandHandler')).toBe('rejected');
    expect(marks.has('WriteDB')).toBe(false);
    expect(marks.has('ReadDB')).toBe(false);
    expect(trailLines(cqrsNodes, trace).at(-1)!.text).toMatch(/^Command Handler: PlaceOrder rejected \(validation\): items/);
    simulator.close();
  });

  it('marks the aggregate’s refusal of an illegal transition as a rejection, with its reason', async () => {
    const { trace, simulator } = await traced(async (s) => {
      await s.execute('PlaceOrder', placeOrder);
      await s.execute('DeliverOrder', { orderId: 'A1' });
    });
    expect(trace.marks.aggregate).toBe('rejected');
    expect(trace.trail.at(-1)!.what).toMatch(/DeliverOrder rejected \(rule\): Cannot deliver order A1: it is "pending"/);
    simulator.close();
  });

  it('keeps the read side dark while a projection is paused, and lights it once it catches up', async () => {
    const simulator = await createMemorySimulator();
    const name = simulator.projector.getStatus().projections[0]!.name;
    simulator.projector.pause(name);
    let trace: PipelineTrace = idleTrace;
    simulator.onCommand((step) => {
      trace = traceProjector(traceCommand(trace, step), simulator.projector.getStatus(), step.at);
    });
    simulator.projector.onChange((status) => {
      trace = traceProjector(trace, status, performance.now());
    });
    await simulator.execute('PlaceOrder', placeOrder);
    await simulator.projector.whenCaughtUp();
    expect(trace.marks.readModel).toBeUndefined();
    simulator.projector.resume(name);
    await simulator.projector.whenCaughtUp();
    await expect.poll(() => trace.marks.readModel).toBe('passed');
    simulator.close();
  });
});

describe('following one command at a time', () => {
  it('ignores the late reports of an earlier command once a new one is received', () => {
    let trace = traceCommand(idleTrace, { phase: 'received', commandId: 'first', command: 'PlaceOrder', at: 1 });
    trace = traceCommand(trace, { phase: 'received', commandId: 'second', command: 'ConfirmOrder', at: 2 });
    trace = traceCommand(trace, { phase: 'validated', commandId: 'first', command: 'PlaceOrder', streamId: 'order-x', at: 3 });
    expect(trace.id).toBe('second');
    expect(trace.trail.map((entry) => entry.what)).toEqual(['ConfirmOrder sent']);
  });
});

describe('a query', () => {
  it('goes from the Client to the Query Handler and the Read DB, never to the write side', () => {
    const trace = traceQuery({ id: 'q1', name: 'orderById', answer: 'order A1, pending', startedAt: 10, at: 10.5 });
    const marks = nodeMarks(cqrsNodes, trace);
    expect([...marks.keys()].sort()).toEqual(['Client', 'QueryHandler', 'ReadDB']);
    expect(trailLines(cqrsNodes, trace).map((line) => line.text)).toEqual([
      'Client: asked orderById',
      'Query Handler: orderById read the read model',
      'Read DB: answered: order A1, pending',
    ]);
  });
});
