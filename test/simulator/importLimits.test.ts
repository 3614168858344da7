import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/domain/core/limits';
import { importEvents } from '../../src/simulator/dataTransfer';
import { type WorkbookSimulator } from '../../src/simulator/simulator';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import type { CommandName } from '../../src/simulator/types';
import { check, edit, exportedFileLines, lineOf } from './exportFileLines';

/**
 * One schema per event type and version, with the limits of src/domain/core/limits.ts: what a command refuses, an
 * import refuses too, naming the line and why, and writing nothing. Each case is a value a command refuses, put
 * into an export file where the event that command records would hold it.
 */

const megabytes = (count: number): string => 'x'.repeat(count * 1024 * 1024);
const v1Fixture = readFileSync(new URL('../fixtures/seed000-v1-export.jsonl', import.meta.url), 'utf8').trim().split('\n');

async function workbookWithHistory(): Promise<WorkbookSimulator> {
  const simulator = await createMemorySimulator();
  const steps: [CommandName, Record<string, unknown>][] = [
    ['PlaceOrder', { orderId: 'o-1', customerId: 'c-1', customerEmail: 'ada@example.com', items: [{ product: 'Laptop', quantity: 2, unitPrice: 999.99 }] }],
    ['ConfirmOrder', { orderId: 'o-1' }],
    ['StartProcessing', { orderId: 'o-1' }],
    ['ShipOrder', { orderId: 'o-1', trackingNumber: 'TRK-1' }],
    ['PlaceOrder', { orderId: 'o-2', customerId: 'c-2', items: [{ product: 'Mouse', quantity: 1, unitPrice: 25 }] }],
    ['CancelOrder', { orderId: 'o-2', reason: 'changed my mind' }],
    ['CreateUser', { userId: 'u-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }],
  ];
  for (const [name, input] of steps) expect(await simulator.execute(name, input)).toMatchObject({ ok: true });
  return simulator;
}

const orderPlaced = (event: Record<string, any>) => event.type === 'OrderPlaced' && event.data.orderId === 'o-1';
const retotal = (data: Record<string, any>) =>
  (data.total = Math.round(data.items.reduce((sum: number, item: any) => sum + item.quantity * item.unitPrice * 100, 0)) / 100);

type Case = {
  readonly label: string;
  /** The command that refuses the value (name and input). */
  readonly command: readonly [CommandName, Record<string, unknown>];
  /** The event line that holds the value, and the change that puts it there. */
  readonly line: (event: Record<string, any>) => boolean;
  readonly change: (event: Record<string, any>) => void;
  readonly reason: RegExp;
};

const placeWith = (item: Record<string, unknown>, items = [item]) =>
  ['PlaceOrder', { orderId: 'o-9', customerId: 'c-1', items }] as const;
const laptop = { product: 'Laptop', quantity: 1, unitPrice: 1 };

const cases: Case[] = [
  {
    label: 'a 10 MB product',
    command: placeWith({ ...laptop, product: megabytes(10) }),
    line: orderPlaced,
    change: (event) => (event.data.items[0].product = megabytes(10)),
    reason: new RegExp(`^data does not match OrderPlaced v2: data\\.items\\[0\\]\\.product: must be at most ${limits.productName} characters$`),
  },
  {
    label: `a product one character over the limit (${limits.productName + 1})`,
    command: placeWith({ ...laptop, product: 'p'.repeat(limits.productName + 1) }),
    line: orderPlaced,
    change: (event) => (event.data.items[0].product = 'p'.repeat(limits.productName + 1)),
    reason: /data\.items\[0\]\.product: must be at most/,
  },
  {
    label: 'an empty product',
    command: placeWith({ ...laptop, product: '' }),
    line: orderPlaced,
    change: (event) => (event.data.items[0].product = ''),
    reason: /^data does not match OrderPlaced v2: data\.items\[0\]\.product: is required$/,
  },
  {
    label: 'a product of spaces',
    command: placeWith({ ...laptop, product: '   ' }),
    line: orderPlaced,
    change: (event) => (event.data.items[0].product = '   '),
    reason: /data\.items\[0\]\.product: is required/,
  },
  {
    label: `${limits.itemsPerOrder + 1} items`,
    command: placeWith(laptop, Array.from({ length: limits.itemsPerOrder + 1 }, () => laptop)),
    line: orderPlaced,
    change: (event) => {
      event.data.items = Array.from({ length: limits.itemsPerOrder + 1 }, () => event.data.items[0]);
      retotal(event.data);
    },
    reason: new RegExp(`data\\.items: must list at most ${limits.itemsPerOrder} items`),
  },
  {
    label: 'a 1 MB order id',
    command: ['ConfirmOrder', { orderId: megabytes(1) }],
    line: orderPlaced,
    change: (event) => (event.data.orderId = megabytes(1)),
    reason: new RegExp(`data\\.orderId: must be at most ${limits.id} characters`),
  },
  {
    label: 'a 1 MB first name',
    command: ['CreateUser', { userId: 'u-9', firstName: megabytes(1), lastName: 'L', email: 'a@example.com' }],
    line: (event) => event.type === 'UserCreated',
    change: (event) => (event.data.firstName = megabytes(1)),
    reason: new RegExp(`^data does not match UserCreated v1: data\\.firstName: must be at most ${limits.personName} characters$`),
  },
  {
    label: 'an empty last name',
    command: ['CreateUser', { userId: 'u-9', firstName: 'A', lastName: '', email: 'a@example.com' }],
    line: (event) => event.type === 'UserCreated',
    change: (event) => (event.data.lastName = ''),
    reason: /data\.lastName: is required/,
  },
  {
    label: 'a cancel reason over the limit',
    command: ['CancelOrder', { orderId: 'o-1', reason: 'r'.repeat(limits.reason + 1) }],
    line: (event) => event.type === 'OrderCancelled',
    change: (event) => (event.data.reason = 'r'.repeat(limits.reason + 1)),
    reason: new RegExp(`data\\.reason: must be at most ${limits.reason} characters`),
  },
  {
    label: 'a tracking number over the limit',
    command: ['ShipOrder', { orderId: 'o-1', trackingNumber: 't'.repeat(limits.trackingNumber + 1) }],
    line: (event) => event.type === 'OrderShipped',
    change: (event) => (event.data.trackingNumber = 't'.repeat(limits.trackingNumber + 1)),
    reason: new RegExp(`data\\.trackingNumber: must be at most ${limits.trackingNumber} characters`),
  },
];

describe('the import refuses what the commands refuse', () => {
  for (const testCase of cases) {
    it(`${testCase.label}: the command refuses it, and the import names the line and writes nothing`, async () => {
      const simulator = await workbookWithHistory();
      const [name, input] = testCase.command;
      expect(await simulator.execute(name, input)).toMatchObject({ ok: false, kind: 'validation' });

      const original = await exportedFileLines(simulator.store);
      const line = lineOf(original, testCase.line);
      const lines = edit(original, line, testCase.change);
      const before = await simulator.store.readAll({ limit: 100 });
      expect(await importEvents(simulator, lines.join('\n'))).toEqual({ ok: false, line, reason: expect.stringMatching(testCase.reason) });
      expect(await simulator.store.readAll({ limit: 100 })).toEqual(before);
      simulator.close();
    });
  }
});

describe('the envelope’s ids have a limit too', () => {
  for (const field of ['eventId', 'metadata.commandId', 'metadata.correlationId', 'metadata.causationId'] as const) {
    it(`a 1 MB ${field} is refused with its line`, async () => {
      const simulator = await workbookWithHistory();
      const lines = edit(await exportedFileLines(simulator.store), 3, (event) => {
        if (field === 'eventId') event.eventId = megabytes(1);
        else event.metadata[field.slice('metadata.'.length)] = megabytes(1);
      });
      simulator.close();
      expect(check(lines)).toEqual({
        ok: false,
        line: 3,
        reason: `not a recorded event: ${field}: must be at most ${limits.recordId} characters`,
      });
    });
  }
});

describe('a version 1 event is held to its version 1 schema', () => {
  const v1Line = 2; // OrderPlaced v1 of order 1001: {orderId, customerId, product, quantity, placedAt}
  const v1Edit = (change: (data: Record<string, any>) => void) => edit([...v1Fixture], v1Line, (event) => change(event.data));

  it('the fixture itself is accepted', () => {
    expect(check(v1Fixture)).toMatchObject({ ok: true });
  });

  for (const quantity of [-5, 0, 0.5, 1e300, limits.quantity + 1]) {
    it(`quantity ${quantity}: refused as the commands refuse it`, async () => {
      const simulator = await createMemorySimulator();
      expect(await simulator.execute(...placeWith({ ...laptop, quantity }))).toMatchObject({ ok: false, kind: 'validation' });
      simulator.close();
      expect(check(v1Edit((data) => (data.quantity = quantity)))).toEqual({
        ok: false,
        line: v1Line,
        reason: expect.stringMatching(/^data does not match OrderPlaced v1: data\.quantity: must be (a whole number of at least 1|at most)/),
      });
    });
  }

  it('an empty or 1 MB product, and a customer id that is a negative or huge number', () => {
    const reasons = [
      v1Edit((data) => (data.product = '')),
      v1Edit((data) => (data.product = megabytes(1))),
      v1Edit((data) => (data.customerId = -5)),
      v1Edit((data) => (data.customerId = 1e300)),
    ].map((lines) => check(lines));
    expect(reasons).toEqual([
      { ok: false, line: v1Line, reason: 'data does not match OrderPlaced v1: data.product: is required' },
      { ok: false, line: v1Line, reason: `data does not match OrderPlaced v1: data.product: must be at most ${limits.productName} characters` },
      { ok: false, line: v1Line, reason: expect.stringMatching(/^data does not match OrderPlaced v1: data\.customerId: /) },
      { ok: false, line: v1Line, reason: expect.stringMatching(/^data does not match OrderPlaced v1: data\.customerId: /) },
    ]);
  });

  it('the upcaster reads a stored v1 event through the same v1 schema', async () => {
    const { upcastOrderPlacedV1 } = await import('../../src/domain/order/upcasters');
    const data = JSON.parse(v1Fixture[v1Line - 1]!).data;
    expect(() => upcastOrderPlacedV1({ ...data, quantity: 0.5 })).toThrow(/quantity: must be a whole number/);
    expect(() => upcastOrderPlacedV1({ ...data, product: '' })).toThrow(/product: is required/);
  });
});

describe('a file the commands could have written is still accepted', () => {
  it('values exactly at each limit', async () => {
    const simulator = await createMemorySimulator();
    const atLimits = {
      orderId: 'o'.repeat(limits.id),
      customerId: 'c-1',
      items: Array.from({ length: limits.itemsPerOrder }, (_, index) => ({
        product: `${index}`.padEnd(limits.productName, 'p'),
        quantity: limits.quantity,
        unitPrice: limits.unitPrice,
      })),
    };
    expect(await simulator.execute('PlaceOrder', atLimits)).toMatchObject({ ok: true });
    expect(
      await simulator.execute('CreateUser', {
        userId: 'u'.repeat(limits.id),
        firstName: 'f'.repeat(limits.personName),
        lastName: 'l'.repeat(limits.personName),
        email: 'ada@example.com',
      }),
    ).toMatchObject({ ok: true });
    const lines = await exportedFileLines(simulator.store);
    simulator.close();
    expect(check(lines)).toMatchObject({ ok: true });
  });
});

