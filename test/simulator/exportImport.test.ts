import { describe, expect, it } from 'vitest';
import { workbookUpcasting } from '../../src/simulator/simulator';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import { planSeed } from '../../src/simulator/seedData';
import { validateImport } from '../../src/simulator/exportImport';
import { check, edit, exportedFileLines, lineOf } from './exportFileLines';

/** An import is checked whole, and a refusal names the first bad line (1 = the header) and why. */

async function exportedLines(): Promise<string[]> {
  const simulator = await createMemorySimulator();
  await simulator.appendGenerated(planSeed({ seed: 8, orders: 12 }).steps);
  await simulator.execute('CreateUser', { userId: 'u-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
  const lines = await exportedFileLines(simulator.store);
  simulator.close();
  return lines;
}


describe('export file', () => {
  it('starts with a header naming the format, its version and the counts, then one event per line', async () => {
    const lines = await exportedLines();
    expect(JSON.parse(lines[0]!)).toEqual({
      format: 'event-workbook-events',
      version: 1,
      events: lines.length - 1,
      streams: 13,
      exportedAt: '2025-06-01T00:00:00.000Z',
    });
    expect(JSON.parse(lines[1]!)).toMatchObject({ globalPosition: 1, streamPosition: 1, type: 'OrderPlaced', schemaVersion: 2 });
  });

  it('reads back as the same events', async () => {
    const lines = await exportedLines();
    const result = check(lines);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.events).toEqual(lines.slice(1).map((line) => JSON.parse(line)));
  });
});

describe('seed 000’s status overwrites in an export', () => {
  it('read back: OrderStatusSet is what the decider records for any status after any other', async () => {
    const simulator = await createMemorySimulator();
    await simulator.execute('PlaceOrder', { orderId: 'o-1', customerId: '123', items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }] });
    for (const status of ['shipped', 'pending', 'cancelled']) {
      expect(await simulator.execute('SetOrderStatus', { orderId: 'o-1', status })).toMatchObject({ ok: true });
    }
    const lines = await exportedFileLines(simulator.store);
    simulator.close();
    const result = check(lines);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.events.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderStatusSet', 'OrderStatusSet', 'OrderStatusSet']);
  });
});

describe('import refusals', () => {
  it('bad JSON: names the line', async () => {
    const lines = await exportedLines();
    lines[6] = lines[6]!.slice(0, -3);
    expect(check(lines)).toMatchObject({ ok: false, line: 7, reason: expect.stringMatching(/^bad JSON/) });
  });

  it('an unknown event type', async () => {
    const lines = edit(await exportedLines(), 12, (event) => (event.type = 'OrderTeleported'));
    expect(check(lines)).toMatchObject({ ok: false, line: 12, reason: expect.stringMatching(/unknown event type "OrderTeleported"/) });
  });

  it('a gap in a stream', async () => {
    const original = await exportedLines();
    const line = lineOf(original, (event) => event.streamPosition === 2);
    const lines = edit(original, line, (event) => (event.streamPosition = 3));
    const streamId = JSON.parse(original[line - 1]!).streamId;
    expect(check(lines)).toMatchObject({ ok: false, line, reason: `streamPosition gap in stream ${streamId}: expected 2, got 3` });
  });

  it('a global position that does not increase', async () => {
    const lines = edit(await exportedLines(), 9, (event) => (event.globalPosition = 3));
    expect(check(lines)).toMatchObject({ ok: false, line: 9, reason: 'globalPosition is not increasing: 3 comes after 7' });
  });

  it('an unknown schema version', async () => {
    const lines = edit(await exportedLines(), 2, (event) => (event.schemaVersion = 7));
    expect(check(lines)).toMatchObject({ ok: false, line: 2, reason: expect.stringMatching(/schemaVersion 7 of OrderPlaced is unknown/) });
  });

  it("data that does not match the event's schema", async () => {
    const lines = edit(await exportedLines(), 2, (event) => (event.data.items[0].quantity = -1));
    expect(check(lines)).toMatchObject({
      ok: false,
      line: 2,
      reason: expect.stringMatching(/^data does not match OrderPlaced v2: data\.items\[0\]\.quantity: /),
    });
  });

  it('an id or an email the commands would have refused: such an event could never have been recorded here', async () => {
    const lines = await exportedLines();
    expect(check(edit(lines, 2, (event) => (event.data.customerId = '<img src=x onerror=alert(1)>')))).toMatchObject({
      ok: false,
      line: 2,
      reason: expect.stringMatching(/^data does not match OrderPlaced v2: data\.customerId: may contain only letters/),
    });
    const user = lineOf(lines, (event) => event.type === 'UserCreated');
    expect(check(edit(lines, user, (event) => (event.data.email = 'not-an-email')))).toMatchObject({
      ok: false,
      line: user,
      reason: expect.stringMatching(/data\.email: must be a valid email address/),
    });
  });

  it('a first line that is not JSON: the file is not an export at all', () => {
    expect(validateImport('hello world\n', workbookUpcasting)).toMatchObject({
      ok: false,
      line: 1,
      reason: expect.stringMatching(/^this is not an Event Workbook export: its first line should be a JSON header/),
    });
  });

  it('an event the decider would not have recorded there', async () => {
    const original = await exportedLines();
    const line = lineOf(original, (event) => event.type === 'OrderCancelled');
    const lines = edit(original, line, (event) => (event.data.previousStatus = 'shipped'));
    expect(check(lines)).toMatchObject({ ok: false, line, reason: expect.stringMatching(/previousStatus is "shipped" in the file/) });
  });

  it('a header of another format, another version, or wrong counts', async () => {
    const lines = await exportedLines();
    expect(check(edit(lines, 1, (header) => (header.format = 'csv')))).toMatchObject({ ok: false, line: 1, reason: expect.stringMatching(/not an Event Workbook export/) });
    expect(check(edit(lines, 1, (header) => (header.version = 2)))).toMatchObject({ ok: false, line: 1, reason: expect.stringMatching(/format version 2 is unknown/) });
    expect(check(lines.slice(0, -1))).toMatchObject({ ok: false, line: 1, reason: expect.stringMatching(/announces \d+ events, but the file holds/) });
  });

  it('an empty file, and a blank line in the middle', async () => {
    expect(validateImport('', workbookUpcasting)).toMatchObject({ ok: false, line: 1, reason: expect.stringMatching(/empty/) });
    const lines = await exportedLines();
    expect(check([...lines.slice(0, 4), '', ...lines.slice(4)])).toMatchObject({ ok: false, line: 5 });
  });

  it('an event id used twice', async () => {
    const original = await exportedLines();
    const lines = edit(original, 3, (event) => (event.eventId = JSON.parse(original[1]!).eventId));
    expect(check(lines)).toMatchObject({ ok: false, line: 3, reason: expect.stringMatching(/already used at line 2/) });
  });
});
