import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { order, simulator } from '../sagas/sagaSimulators';

/**
 * Lesson 8's sequence diagram is what the saga does: the same run (Laptop and Mouse reserved, payment declined) is
 * played on the simulator, and the diagram's messages are compared with the events the store recorded.
 */

const lesson = resolve(import.meta.dirname, '../../content/08-sagas.md');

/** `S->>I: ReleaseStock (Mouse)` → { from: 'S', to: 'I', text: 'ReleaseStock (Mouse)' }, for the first diagram. */
async function diagramMessages(): Promise<{ from: string; to: string; text: string }[]> {
  const markdown = await readFile(lesson, 'utf8');
  const diagram = /```mermaid\nsequenceDiagram\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  return [...diagram.matchAll(/^\s*(\w+)-{1,2}>>(\w+):\s*(.+)$/gm)].map(([, from, to, text]) => ({ from: from!, to: to!, text: text!.trim() }));
}

/** `StockReleased (Mouse)`: an event's type and, when it has one, its product, as the diagram writes a message. */
const described = (type: string, product: unknown) => (typeof product === 'string' ? `${type} (${product})` : type);

describe("lesson 8's saga diagram", () => {
  it('shows the events a declined payment really causes: a refund check, both releases last-first, the cancel', async () => {
    const sim = await simulator({ injection: { paymentService: 'declines' } });
    const started = await sim.sagas.placeOrder(order(['Laptop', 1], ['Mouse', 1]));
    if (!started.ok) throw new Error(started.message);
    await sim.sagas.whenIdle();

    const recorded = (await sim.store.readAll()).filter(
      (event) => event.metadata.correlationId === started.correlationId && !event.type.startsWith('Saga') && !event.type.startsWith('Compensation'),
    );
    const replies = recorded
      .filter((event) => event.type !== 'OrderPlaced')
      .map((event) => described(event.type, (event.data as { product?: unknown }).product));
    expect(replies).toEqual([
      'StockReserved (Laptop)',
      'StockReserved (Mouse)',
      'PaymentDeclined',
      'StockReleased (Mouse)',
      'StockReleased (Laptop)',
      'OrderCancelled',
    ]);

    const messages = await diagramMessages();
    // Every reply to the saga that names an event is one the store recorded, in the same order.
    const diagramReplies = messages
      .filter((message) => message.to === 'S' && /^[A-Z][a-z]+[A-Z]\w*/.test(message.text) && message.from !== 'O')
      .map((message) => message.text);
    const cancel = messages.find((message) => message.from === 'O' && message.text.startsWith('OrderCancelled'));
    expect([...diagramReplies, ...(cancel ? ['OrderCancelled'] : [])]).toEqual(replies);

    // The saga's commands, compensations included, in the order it sent them.
    const timeline = (await sim.sagas.saga(started.orderId))!.timeline
      .filter((entry) => entry.outcome !== 'started' && entry.step !== 'placeOrder')
      .map((entry) => entry.step);
    const commands = messages.filter((message) => message.from === 'S').map((message) => message.text.split(' ')[0]);
    expect(commands.map((name) => name!.charAt(0).toLowerCase() + name!.slice(1))).toEqual(timeline);
    sim.close();
  });
});
