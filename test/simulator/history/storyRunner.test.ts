import { describe, expect, it } from 'vitest';
import { crudStories, storyById } from '../../../src/simulator/history/crudStory';
import { frameFromSimulator, playStory } from '../../../src/simulator/history/storyRunner';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';

const answerTo = (frame: Awaited<ReturnType<typeof playStory>>, text: string) => {
  const answer = frame.answers.find((entry) => entry.question.text === text);
  if (!answer) throw new Error(`no question "${text}"`);
  return answer;
};

describe('the CRUD vs event sourcing stories', () => {
  it('every step of every story is accepted by the simulator', async () => {
    for (const story of crudStories) {
      const frame = await playStory(story, story.steps.length);
      expect(frame.refusal, story.id).toBeUndefined();
      expect(frame.events, story.id).toHaveLength(story.steps.length);
    }
  });

  it('seed 000: after "shipped" CRUD shows only shipped and marks processing as lost; the events keep both', async () => {
    const story = storyById('seed-000');
    const frame = await playStory(story, story.steps.length);

    expect(frame.crudRow).toMatchObject({ order_id: '1', status: 'shipped', updatedAt: '2026-03-02T14:30:00.000Z' });
    expect(frame.losses).toContainEqual({ field: 'status', oldValue: 'processing', newValue: 'shipped', at: '2026-03-02T14:30:00.000Z' });
    // Seed 000's own sequence, and its own kind of update: the status is set, no state machine.
    expect(frame.events.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderStatusSet', 'OrderStatusSet']);
    expect(frame.events.map((event) => (event.data as { status?: string }).status)).toEqual([undefined, 'processing', 'shipped']);
  });

  it('seed 000: "When did order 1 start processing?" — the events answer 10:15 citing event #2, CRUD says unknown', async () => {
    const frame = await playStory(storyById('seed-000'), 3);
    const { fromEvents, fromCrud } = answerTo(frame, 'When did order 1 start processing?');

    expect(fromEvents).toEqual({ known: true, text: 'At 10:15 UTC (OrderStatusSet, event #2).', evidence: [2] });
    expect(fromCrud.known).toBe(false);
    expect(fromCrud.text).toMatch(/^Unknown/);
  });

  it('seed 000: while the order is processing CRUD can still answer; one step later it cannot', async () => {
    const processing = await playStory(storyById('seed-000'), 2);
    expect(answerTo(processing, 'When did order 1 start processing?').fromCrud).toMatchObject({ known: true, text: expect.stringContaining('10:15') });
    expect(processing.losses.map((loss) => loss.oldValue)).toEqual(['pending']);
  });

  it('seed 000: the time in pending comes from OrderPlaced and the first status set after it', async () => {
    const frame = await playStory(storyById('seed-000'), 3);
    expect(answerTo(frame, 'How long did order 1 sit in pending?').fromEvents).toMatchObject({ known: true, text: expect.stringMatching(/^1 h 15 min/), evidence: [1, 2] });
    expect(answerTo(frame, 'Which statuses has order 1 been through?').fromEvents.text).toMatch(/^pending → processing → shipped/);
  });

  it('seed 001: the old email is gone from CRUD and kept by UserEmailUpdated', async () => {
    const story = storyById('seed-001');
    const frame = await playStory(story, 2);

    expect(frame.crudRow).toMatchObject({ email: 'john.new@example.com' });
    expect(frame.losses).toEqual([{ field: 'email', oldValue: 'john.doe@example.com', newValue: 'john.new@example.com', at: '2026-03-02T11:30:00.000Z' }]);
    const { fromEvents, fromCrud } = answerTo(frame, 'What was the email before the change?');
    expect(fromEvents).toMatchObject({ known: true, text: expect.stringContaining('john.doe@example.com'), evidence: [2] });
    expect(fromCrud.known).toBe(false);
  });

  it('going back a step replays from the start: the same frame every time, nothing lost yet at step 1', async () => {
    const story = storyById('seed-000');
    const first = await playStory(story, 1);
    const again = await playStory(story, 1);

    const facts = (frame: typeof first) => frame.events.map(({ globalPosition, type, data }) => ({ globalPosition, type, data }));
    expect(facts(again)).toEqual(facts(first));
    expect(first.losses).toEqual([]);
    expect(first.lastStep?.request).toMatch(/^POST \/orders\//);
    expect((await playStory(story, 99)).done).toBe(story.steps.length);
  });

  it('an unknown story id falls back to seed 000', () => {
    expect(storyById('seed-999').id).toBe('seed-000');
    expect(storyById('seed-001').id).toBe('seed-001');
  });
});

describe('the comparison over the app’s own simulator', () => {
  it('reads the real CRUD row, its losses and the order’s events, and answers from them', async () => {
    let clock = '2026-03-02T08:00:00.000Z';
    const simulator = await createMemorySimulator({ now: () => clock });
    await simulator.execute('PlaceOrder', { orderId: 'A7', customerId: 'c', customerEmail: null, items: [{ product: 'Pen', quantity: 1, unitPrice: 2 }] });
    for (const [status, at] of [['confirmed', '08:30'], ['processing', '09:05'], ['shipped', '12:00']] as const) {
      clock = `2026-03-02T${at}:00.000Z`;
      await simulator.execute('UpdateOrderStatus', { orderId: 'A7', new_status: status });
    }

    const frame = await frameFromSimulator(simulator, { kind: 'order', orderId: 'A7' });
    expect(frame.crudRow).toMatchObject({ order_id: 'A7', status: 'shipped' });
    expect(frame.losses.at(-1)).toMatchObject({ oldValue: 'processing', newValue: 'shipped' });
    expect(frame.answers[0]?.question.text).toBe('When did order A7 start processing?');
    expect(frame.answers[0]?.fromEvents.text).toBe('At 09:05 UTC (OrderProcessingStarted, event #3).');
    expect(frame.answers[0]?.fromCrud.known).toBe(false);
    simulator.close();
  });
});
