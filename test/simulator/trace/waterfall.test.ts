import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../../src/simulator/trace/buildTrace';
import { serviceOf } from '../../../src/simulator/trace/serviceOf';
import { waterfallOf } from '../../../src/simulator/trace/waterfall';
import { formatOffset } from '../../../src/simulator/trace/formatTime';
import { sagaLog } from './traceFixtures';

describe('the waterfall of a trace', () => {
  it('draws one lane per service, in the order a saga reaches them', () => {
    const waterfall = waterfallOf(buildTrace('place-1', sagaLog)!);
    expect(waterfall.lanes.map((lane) => [lane.service, lane.bars.map((bar) => bar.event.type)])).toEqual([
      ['order', ['OrderPlaced', 'OrderConfirmed']],
      ['payment', ['PaymentCharged']],
      ['inventory', ['StockReserved']],
      ['saga', ['SagaStarted']],
    ]);
  });

  it('runs each bar from when its cause was recorded to when the event was', () => {
    // Fixture times: position × 10 ms after 09:00.
    const waterfall = waterfallOf(buildTrace('place-1', sagaLog)!);
    const bar = (type: string) => waterfall.lanes.flatMap((lane) => lane.bars).find((candidate) => candidate.event.type === type)!;
    expect(waterfall.durationMs).toBe(50);
    expect([bar('OrderPlaced').startMs, bar('OrderPlaced').endMs]).toEqual([0, 0]);
    expect([bar('StockReserved').startMs, bar('StockReserved').endMs]).toEqual([10, 30]);
    expect([bar('OrderConfirmed').startMs, bar('OrderConfirmed').endMs, bar('OrderConfirmed').depth]).toEqual([40, 50, 4]);
  });

  it('names a stream’s service by its prefix', () => {
    expect(['order-42', 'payment-42', 'inventory-laptop', 'saga-42', 'user-7', 'ledger'].map(serviceOf)).toEqual([
      'order',
      'payment',
      'inventory',
      'saga',
      'user',
      'ledger',
    ]);
  });
});

describe('times on the trace', () => {
  it('reads offsets in the unit a person would say', () => {
    expect([0, 35, 1250, 12_000, 125_000, 120_000].map(formatOffset)).toEqual(['+0 ms', '+35 ms', '+1.25 s', '+12 s', '+2 min 5 s', '+2 min']);
  });
});
