import type { ProjectionActivity } from '../../projections/projector';
import type { SagaCoordinator } from '../../sagas/types';
import type { CommandName } from '../types';

/**
 * Seed 004's monitoring section, measured on this tab's simulator: command processing latency, event publishing
 * rate, projection lag (in events and in time) and saga success rate. Times are milliseconds unless a name says
 * otherwise.
 */

/** p50/p95/p99 by nearest rank over the window's samples. */
export type LatencyPercentiles = { readonly p50: number; readonly p95: number; readonly p99: number };

export type LatencySummary = {
  /** Commands finished since recording started (appended or rejected). */
  readonly count: number;
  /** Of those, refused (validation, rule, not found, conflict, storage). */
  readonly errors: number;
  /** Sum of every latency since recording started (a Prometheus summary's `_sum`). */
  readonly totalMs: number;
  /** Over the last `windowSize` commands; null before the first one finished. */
  readonly percentiles: LatencyPercentiles | null;
  /** How many latencies the percentiles were taken over (≤ windowSize). */
  readonly windowCount: number;
};

export type CommandLatencyReport = {
  /** How many of the latest commands the percentiles are taken over. */
  readonly windowSize: number;
  readonly overall: LatencySummary;
  /** Only the commands that ran at least once, in the order they first ran. */
  readonly byCommand: ReadonlyArray<{ readonly command: CommandName } & LatencySummary>;
  /** Refusals by command and kind, for the Prometheus counter. */
  readonly rejections: ReadonlyArray<{ readonly command: CommandName; readonly kind: string; readonly count: number }>;
};

/** One projection as the admin API and the metrics panel show it. */
export type ProjectionLag = {
  readonly name: string;
  readonly checkpoint: number;
  readonly head: number;
  /** Events in the log the projection has not applied: head − checkpoint. */
  readonly lag: number;
  readonly state: ProjectionActivity;
  /**
   * How old the oldest event it has not applied is (now − its recordedAt), in seconds: the lag in time that a
   * reader of this read model experiences. 0 when caught up; null when that event could not be read.
   */
  readonly lagSeconds: number | null;
};

/** Order sagas by outcome, as the saga coordinator counts them (its contract decides which outcomes there are). */
export type SagaOutcomes = Awaited<ReturnType<SagaCoordinator['outcomes']>>;

/** One point of the live charts, taken once a second. */
export type MetricsSample = {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly latency: LatencyPercentiles | null;
  /** Events appended per second over the rate window, every writer (this tab, other tabs, bulk seeding). */
  readonly eventsPerSecond: number;
  readonly headPosition: number;
  readonly projections: readonly ProjectionLag[];
  /** The furthest-behind projection's lag in events. */
  readonly maxLag: number;
  /** The furthest-behind projection's lag in seconds (0 when all are caught up). */
  readonly maxLagSeconds: number | null;
};
