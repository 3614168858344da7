import type { SagaCompensation, SagaStep, SagaTimelineEntry, SagaView } from '../../sagas/types';
import { compensations, forwardSteps, stepLabel } from './stepLabels';

/**
 * The saga timeline as a picture: one lane per step (forward steps on top, compensations below them), one column per
 * recorded entry in the order the saga wrote them. Columns are ordinal, not to scale: with no step delay a whole saga
 * takes a few milliseconds and every entry would sit on the same pixel; each column is labelled with its elapsed time.
 */

export type TimelineOutcome = SagaTimelineEntry['outcome'];

export type TimelineMark = {
  /** 1-based column of the entry. */
  readonly column: number;
  readonly outcome: TimelineOutcome;
  readonly detail: string;
};

/**
 * Where a lane's step is. A step with no entry is `notYet` while the saga may still get to it (running forward, or
 * compensating), else `skipped`: a step the failure cut off, or a compensation with nothing to undo.
 */
export type LaneResult = 'notYet' | 'skipped' | 'running' | 'succeeded' | 'failed';

export type TimelineLane = {
  readonly step: SagaStep | SagaCompensation;
  readonly kind: 'step' | 'compensation';
  readonly label: string;
  /** For a compensation, the step it undoes. */
  readonly undoes: SagaStep | null;
  /** First and last column the step appears in; null when it has no entry. */
  readonly span: { readonly from: number; readonly to: number } | null;
  readonly marks: readonly TimelineMark[];
  readonly result: LaneResult;
};

export type TimelineColumn = {
  readonly column: number;
  /** "+1.5 s" since the first entry; null when it reads the same as the column before (no clutter of "+0.0 s"). */
  readonly elapsed: string | null;
};

export type TimelineLayout = {
  readonly columns: readonly TimelineColumn[];
  readonly forwardLanes: readonly TimelineLane[];
  /** Empty when nothing had to be undone; otherwise every compensation, in the order they run. */
  readonly compensationLanes: readonly TimelineLane[];
};

export function layoutTimeline(saga: Pick<SagaView, 'timeline' | 'status'>): TimelineLayout {
  const entries = [...saga.timeline].sort((a, b) => a.globalPosition - b.globalPosition);
  const firstAt = entries.length > 0 ? Date.parse(entries[0]!.at) : 0;
  const columns: TimelineColumn[] = [];
  let previousLabel: string | null = null;
  entries.forEach((entry, index) => {
    const label = elapsedLabel(Date.parse(entry.at) - firstAt);
    columns.push({ column: index + 1, elapsed: label === previousLabel ? null : label });
    previousLabel = label;
  });

  const laneOf = (step: SagaStep | SagaCompensation, kind: TimelineLane['kind'], undoes: SagaStep | null): TimelineLane => {
    const marks: TimelineMark[] = [];
    entries.forEach((entry, index) => {
      if (entry.step === step && entry.kind === kind) marks.push({ column: index + 1, outcome: entry.outcome, detail: entry.detail });
    });
    const first = marks[0];
    const last = marks.at(-1);
    return {
      step,
      kind,
      label: stepLabel(step),
      undoes,
      span: first === undefined || last === undefined ? null : { from: first.column, to: last.column },
      marks,
      result: last === undefined ? (mayStillRun(saga.status, kind) ? 'notYet' : 'skipped') : resultOf(last.outcome),
    };
  };

  const forwardLanes = forwardSteps.map((step) => laneOf(step, 'step', null));
  const anyCompensation = entries.some((entry) => entry.kind === 'compensation');
  const compensationLanes = anyCompensation
    ? compensations.map(({ compensation, undoes }) => laneOf(compensation, 'compensation', undoes))
    : [];
  return { columns, forwardLanes, compensationLanes };
}

function mayStillRun(status: SagaView['status'], kind: TimelineLane['kind']): boolean {
  return kind === 'step' ? status === 'running' : status === 'compensating';
}

function resultOf(lastOutcome: TimelineOutcome): LaneResult {
  switch (lastOutcome) {
    case 'started':
    case 'retrying':
      return 'running';
    case 'succeeded':
      return 'succeeded';
    case 'failed':
      return 'failed';
  }
}

/** Tenths of a second: step delays are set in whole and half seconds, retries back off in hundreds of ms. */
export function elapsedLabel(milliseconds: number): string {
  const safe = Number.isFinite(milliseconds) && milliseconds > 0 ? milliseconds : 0;
  return `+${(safe / 1000).toFixed(1)} s`;
}
