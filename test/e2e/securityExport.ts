import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import { exportStore } from '../../src/simulator/exportImport';
import { payloads, payloadsUpTo } from './securityCorpus';

/** An export file, made by the workbook's own deciders, whose every free-text field and id that allows text is a payload. */
export async function payloadExport(): Promise<string> {
  const simulator = await createMemorySimulator();
  const expectOk = (outcome: Awaited<ReturnType<typeof simulator.execute>>) => {
    if (!outcome.ok) throw new Error(`the payload history could not be made: ${outcome.message}`);
  };
  const products = payloadsUpTo(200);
  const tracking = payloadsUpTo(100);
  for (const [index, payload] of products.entries()) {
    const orderId = `sec-${index + 1}`;
    expectOk(
      await simulator.execute('PlaceOrder', {
        orderId,
        customerId: `c-${index % 3}`,
        customerEmail: null,
        items: [{ product: payload.text, quantity: 1, unitPrice: 1 }],
      }),
    );
    if (index % 2 === 0) {
      expectOk(await simulator.execute('CancelOrder', { orderId, reason: payload.text }));
    } else {
      for (const command of ['ConfirmOrder', 'StartProcessing'] as const) expectOk(await simulator.execute(command, { orderId }));
      expectOk(await simulator.execute('ShipOrder', { orderId, trackingNumber: tracking[index % tracking.length]!.text }));
    }
  }
  for (const [index, payload] of payloadsUpTo(100).entries()) {
    expectOk(
      await simulator.execute('CreateUser', { userId: `u-${index + 1}`, firstName: payload.text, lastName: payload.text, email: `user${index}@example.com` }),
    );
  }
  const { lines } = await exportStore(simulator.store);
  simulator.close();
  // Ids the store keeps as free text (they are not checked against the deciders): payloads too, kept unique.
  return lines
    .map((line, index) => {
      if (index === 0) return line;
      const event = JSON.parse(line) as { eventId: string; metadata: Record<string, string> };
      const payload = payloads[index % payloads.length]!.text;
      event.eventId = `${payload} #${index}`;
      event.metadata['commandId'] = `${payload} command ${event.metadata['commandId']}`;
      event.metadata['correlationId'] = `${payload} correlation ${event.metadata['correlationId']}`;
      event.metadata['causationId'] = `${payload} cause ${event.metadata['causationId']}`;
      return `${JSON.stringify(event)}\n`;
    })
    .join('');
}
