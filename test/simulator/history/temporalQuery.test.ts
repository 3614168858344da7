import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../src/eventStore/types';
import { orderStatusAt } from '../../../src/simulator/history/temporalQuery';
import { demoLog, minute } from './demoLog';

let log: RecordedEvent[];
beforeAll(async () => {
  log = await demoLog();
});

describe('status of order X at time T', () => {
  it('answers with the status and the event that set it', () => {
    const answer = orderStatusAt(log, '1', minute(6));
    expect(answer).toMatchObject({ kind: 'status', status: 'processing', deleted: false, setBy: { globalPosition: 5, type: 'OrderProcessingStarted' } });
  });

  it('an event at exactly T has happened at T', () => {
    expect(orderStatusAt(log, '1', minute(7))).toMatchObject({ status: 'shipped', setBy: { globalPosition: 7 } });
  });

  it('before the order was placed, says so; an order the log never saw is unknown', () => {
    expect(orderStatusAt(log, '3', minute(5))).toMatchObject({ kind: 'notYetPlaced', placedBy: { globalPosition: 8 } });
    expect(orderStatusAt(log, '42', minute(5))).toEqual({ kind: 'unknownOrder', orderId: '42' });
  });

  it('refuses a time it cannot read', () => {
    expect(() => orderStatusAt(log, '1', 'yesterday-ish')).toThrow(/not a date/);
  });
});
