import { describe, expect, it } from 'vitest';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import type { CommandOutcome } from '../../../src/simulator/types';
import {
  appendedSummary,
  commandFormOf,
  commandForms,
  commandInput,
  refusalOf,
  type CommandFormSpec,
  type CommandValues,
} from '../../../src/ui/forms/commandForms';

const fixedClock = () => '2026-11-23T10:00:00.000Z';

async function shopWithOrder(orderId = 'o-1') {
  const simulator = await createMemorySimulator({ now: fixedClock });
  await simulator.execute('PlaceOrder', {
    orderId,
    customerId: 'c-1',
    customerEmail: 'ada@example.com',
    items: [{ product: 'Laptop', quantity: 1, unitPrice: 10 }],
  });
  return simulator;
}

type Simulator = Awaited<ReturnType<typeof shopWithOrder>>;

/** Submits a form the way `<command-form>` does. */
const submit = (simulator: Simulator, command: CommandFormSpec['command'], values: CommandValues): Promise<CommandOutcome> => {
  const spec = commandFormOf(command);
  return simulator.execute(spec.command, commandInput(spec, values));
};

const refused = (outcome: CommandOutcome) => {
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome;
};

describe('command forms', () => {
  it('walks an order through its whole lifecycle, each form saying what it appended', async () => {
    const simulator = await shopWithOrder();
    const steps: [CommandFormSpec['command'], CommandValues, string][] = [
      ['ConfirmOrder', { orderId: 'o-1' }, 'OrderConfirmed'],
      ['StartProcessing', { orderId: 'o-1' }, 'OrderProcessingStarted'],
      ['ShipOrder', { orderId: 'o-1', trackingNumber: '' }, 'OrderShipped'],
      ['DeliverOrder', { orderId: 'o-1' }, 'OrderDelivered'],
    ];
    for (const [index, [command, values, eventType]] of steps.entries()) {
      const outcome = await submit(simulator, command, values);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(appendedSummary(outcome)).toBe(`Appended ${eventType} (position ${index + 2}) to order-o-1.`);
    }
  });

  it('shows a bad order id next to the Order ID field, and nothing is appended', async () => {
    const simulator = await shopWithOrder();
    const spec = commandFormOf('ConfirmOrder');
    const refusal = refusalOf(spec, refused(await submit(simulator, 'ConfirmOrder', { orderId: 'no such!' })));

    expect(refusal.fieldIssues.get('orderId')).toMatch(/^Order ID may contain only letters/);
    expect(refusal.message).toMatch(/^Nothing was appended\. Order ID may contain only/);
    expect(await simulator.store.headPosition()).toBe(1);
  });

  it('passes on the domain’s illegal-transition message, naming the status and the allowed next ones', async () => {
    const simulator = await shopWithOrder();
    const outcome = refused(await submit(simulator, 'DeliverOrder', { orderId: 'o-1' }));
    const refusal = refusalOf(commandFormOf('DeliverOrder'), outcome);

    expect(refusal.fieldIssues.size).toBe(0);
    expect(refusal.message).toContain('"pending"');
    expect(refusal.message).toContain('confirmed, cancelled');
  });

  it('cancels with the reason typed, and asks for a reason when there is none', async () => {
    const simulator = await shopWithOrder();
    const spec = commandFormOf('CancelOrder');
    const missing = refusalOf(spec, refused(await submit(simulator, 'CancelOrder', { orderId: 'o-1', reason: '  ' })));
    expect(missing.fieldIssues.get('reason')).toBe('Reason is required.');

    const outcome = await submit(simulator, 'CancelOrder', { orderId: 'o-1', reason: 'Changed my mind' });
    expect(outcome.ok && outcome.events[0]?.data).toMatchObject({ reason: 'Changed my mind', previousStatus: 'pending' });
  });

  it('seed 000’s status update: an unknown status is shown next to the status field', async () => {
    const simulator = await shopWithOrder();
    const spec = commandFormOf('UpdateOrderStatus');
    const refusal = refusalOf(spec, refused(await submit(simulator, 'UpdateOrderStatus', { orderId: 'o-1', status: 'lost' })));
    expect(refusal.fieldIssues.get('status')).toMatch(/^New status "lost" is not a status/);

    expect(await submit(simulator, 'UpdateOrderStatus', { orderId: 'o-1', status: 'confirmed' })).toMatchObject({ ok: true });
  });

  it('creates a user and updates the email; a bad email is shown next to its field', async () => {
    const simulator = await createMemorySimulator({ now: fixedClock });
    const created = await submit(simulator, 'CreateUser', { userId: 'u-1', firstName: 'John', lastName: 'Doe', email: 'john@example.com' });
    expect(created.ok && appendedSummary(created)).toBe('Appended UserCreated (position 1) to user-u-1.');

    const bad = refusalOf(commandFormOf('UpdateUserEmail'), refused(await submit(simulator, 'UpdateUserEmail', { userId: 'u-1', newEmail: 'nope' })));
    expect(bad.fieldIssues.get('newEmail')).toMatch(/^New email must be a valid email address/);

    const updated = await submit(simulator, 'UpdateUserEmail', { userId: 'u-1', newEmail: 'john.new@example.com' });
    expect(updated.ok && updated.events[0]?.data).toMatchObject({ previousEmail: 'john@example.com', newEmail: 'john.new@example.com' });
  });

  it('has a form for every command but Place order (which has its own), each field unique in its form', () => {
    expect(commandForms.map((form) => form.command).sort()).toEqual(
      ['CancelOrder', 'ConfirmOrder', 'CreateUser', 'DeleteOrder', 'DeliverOrder', 'ShipOrder', 'StartProcessing', 'UpdateOrderStatus', 'UpdateUserEmail'],
    );
    for (const form of commandForms) expect(new Set(form.fields.map((field) => field.label)).size).toBe(form.fields.length);
  });
});
