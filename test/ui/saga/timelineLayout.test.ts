import { describe, expect, it } from 'vitest';
import type { SagaTimelineEntry } from '../../../src/sagas/types';
import { elapsedLabel, layoutTimeline } from '../../../src/ui/saga/timelineLayout';

/** The saga timeline picture: which lanes a person sees, where each step's bar runs, and how it ended. */

let position = 0;
function entry(step: SagaTimelineEntry['step'], outcome: SagaTimelineEntry['outcome'], atMs: number, detail = ''): SagaTimelineEntry {
  position += 1;
  const kind = ['refundPayment', 'releaseStock', 'cancelOrder'].includes(step) ? 'compensation' : 'step';
  return { step, kind, outcome, detail, at: new Date(Date.UTC(2026, 0, 1, 10, 0, 0, atMs)).toISOString(), eventId: `e${position}`, globalPosition: position };
}

const declinedSaga = () => [
  entry('placeOrder', 'succeeded', 0),
  entry('reserveStock', 'started', 0),
  entry('reserveStock', 'succeeded', 500, 'Reserved 2 × Laptop'),
  entry('chargePayment', 'started', 1000),
  entry('chargePayment', 'failed', 1000, 'Payment declined'),
  entry('releaseStock', 'started', 1500),
  entry('releaseStock', 'succeeded', 1500, 'Released 2 × Laptop'),
  entry('cancelOrder', 'succeeded', 2000, 'Order cancelled: Payment declined'),
];

describe('the saga timeline layout', () => {
  it('gives a completed saga its four forward lanes and no compensation lanes', () => {
    const layout = layoutTimeline({
      status: 'completed',
      timeline: [
        entry('placeOrder', 'succeeded', 0),
        entry('reserveStock', 'succeeded', 10),
        entry('chargePayment', 'succeeded', 20),
        entry('confirmOrder', 'succeeded', 30),
      ],
    });
    expect(layout.forwardLanes.map((lane) => [lane.label, lane.result])).toEqual([
      ['Place order', 'succeeded'],
      ['Reserve stock', 'succeeded'],
      ['Charge payment', 'succeeded'],
      ['Confirm order', 'succeeded'],
    ]);
    expect(layout.compensationLanes).toEqual([]);
    expect(layout.columns).toHaveLength(4);
  });

  it('spans each step from its first to its last entry, columns in the order the saga wrote them', () => {
    const timeline = declinedSaga();
    const layout = layoutTimeline({ status: 'compensated', timeline: [...timeline].reverse() });
    const reserve = layout.forwardLanes.find((lane) => lane.step === 'reserveStock');
    expect(reserve?.span).toEqual({ from: 2, to: 3 });
    expect(reserve?.marks.map((mark) => mark.outcome)).toEqual(['started', 'succeeded']);
    expect(layout.forwardLanes.find((lane) => lane.step === 'chargePayment')?.result).toBe('failed');
  });

  it('shows a step the failure cut off as skipped, with no bar', () => {
    const confirm = layoutTimeline({ status: 'compensated', timeline: declinedSaga() }).forwardLanes.find((lane) => lane.step === 'confirmOrder');
    expect(confirm).toMatchObject({ result: 'skipped', span: null, marks: [] });
  });

  it('shows the steps a running saga has not reached yet as not yet, not as skipped', () => {
    const layout = layoutTimeline({ status: 'running', timeline: [entry('placeOrder', 'succeeded', 0), entry('reserveStock', 'succeeded', 1000)] });
    expect(layout.forwardLanes.map((lane) => lane.result)).toEqual(['succeeded', 'succeeded', 'notYet', 'notYet']);
  });

  it('keeps the compensations still to come as not yet while compensating', () => {
    const halfway = declinedSaga().slice(0, 6);
    const layout = layoutTimeline({ status: 'compensating', timeline: halfway });
    expect(layout.compensationLanes.map((lane) => lane.result)).toEqual(['notYet', 'running', 'notYet']);
    expect(layout.forwardLanes.find((lane) => lane.step === 'confirmOrder')?.result).toBe('skipped');
  });

  it('lists compensations in the order they run, each naming the step it undoes, once anything is undone', () => {
    const layout = layoutTimeline({ status: 'compensated', timeline: declinedSaga() });
    expect(layout.compensationLanes.map((lane) => [lane.label, lane.undoes, lane.result])).toEqual([
      ['Refund payment', 'chargePayment', 'skipped'],
      ['Release stock', 'reserveStock', 'succeeded'],
      ['Cancel order', 'placeOrder', 'succeeded'],
    ]);
    expect(layout.compensationLanes.every((lane) => lane.kind === 'compensation')).toBe(true);
  });

  it('keeps retries on the step lane and calls a step still retrying running', () => {
    const layout = layoutTimeline({
      status: 'running',
      timeline: [
        entry('placeOrder', 'succeeded', 0),
        entry('chargePayment', 'started', 0),
        entry('chargePayment', 'retrying', 200, 'Payment service unavailable (attempt 1 of 3)'),
      ],
    });
    const charge = layout.forwardLanes.find((lane) => lane.step === 'chargePayment');
    expect(charge?.result).toBe('running');
    expect(charge?.marks.at(-1)).toEqual({ column: 3, outcome: 'retrying', detail: 'Payment service unavailable (attempt 1 of 3)' });
  });

  it('labels a column with its elapsed time only when the time moved on', () => {
    const layout = layoutTimeline({ status: 'compensated', timeline: declinedSaga() });
    expect(layout.columns.map((column) => column.elapsed)).toEqual(['+0.0 s', null, '+0.5 s', '+1.0 s', null, '+1.5 s', null, '+2.0 s']);
  });

  it('never shows a negative or unreadable elapsed time', () => {
    expect(elapsedLabel(-20)).toBe('+0.0 s');
    expect(elapsedLabel(Number.NaN)).toBe('+0.0 s');
    expect(elapsedLabel(12_340)).toBe('+12.3 s');
  });
});
