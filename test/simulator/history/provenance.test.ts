import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../src/eventStore/types';
import { orderRowFieldName, provenanceOf, stateFieldName, summaryFieldName, userRowFieldName } from '../../../src/simulator/history/provenance';
import { prefixAt } from '../../../src/simulator/history/stateAt';
import { demoLog } from './demoLog';

let log: RecordedEvent[];
beforeAll(async () => {
  log = await demoLog();
});

describe('which events made this value', () => {
  it('a status comes from the last event that changed it', () => {
    const provenance = provenanceOf(log);
    expect(provenance.get(orderRowFieldName('status', '1'))).toEqual([11]);
    expect(provenance.get(stateFieldName('status', 'order-1'))).toEqual([11]);
    expect(provenance.get(orderRowFieldName('trackingNumber', '1'))).toEqual([7]);
    expect(provenance.get(orderRowFieldName('cancelReason', '2'))).toEqual([9]);
  });

  it('as of an earlier position, the same field comes from an earlier event', () => {
    expect(provenanceOf(prefixAt(log, 6)).get(orderRowFieldName('status', '1'))).toEqual([5]);
  });

  it('a field set once and never changed comes from the event that created it', () => {
    const provenance = provenanceOf(log);
    expect(provenance.get(orderRowFieldName('total', '1'))).toEqual([1]);
    expect(provenance.get(stateFieldName('customerId', 'order-3'))).toEqual([8]);
    expect(provenance.get(userRowFieldName('email', '1'))).toEqual([10]);
    expect(provenance.get(userRowFieldName('firstName', '1'))).toEqual([4]);
  });

  it('a status history accumulates: every event that moved the order', () => {
    expect(provenanceOf(log).get(orderRowFieldName('statusHistory', '1'))).toEqual([1, 3, 5, 7, 11]);
  });

  it('summary totals come from every event that contributed to them', () => {
    const provenance = provenanceOf(log);
    expect(provenance.get(summaryFieldName('totalOrders'))).toEqual([1, 2, 8]);
    expect(provenance.get(summaryFieldName('byStatus.cancelled.count'))).toEqual([9]);
    // Revenue moved with every status change of every order; the cancellation took the lamp order's total out.
    expect(provenance.get(summaryFieldName('totalRevenue'))).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 11, 12]);
  });
});
