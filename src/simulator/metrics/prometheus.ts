import type { ReadCacheStats } from '../readCache/queryCache';
import type { CommandLatencyReport, LatencySummary, ProjectionLag, SagaOutcomes } from './types';
import { sagaSuccessRate } from './sagaSuccess';

/**
 * The metrics in Prometheus' text exposition format (version 0.0.4), as seed 004's services expose them on
 * `GET /metrics` for Prometheus to scrape and Grafana to chart. Units follow Prometheus' conventions: seconds, and
 * `_total` for counters.
 */

export type MetricsExpositionInput = {
  readonly latency: CommandLatencyReport;
  readonly projections: readonly ProjectionLag[];
  readonly headPosition: number;
  readonly eventsPerSecond: number;
  readonly sagas: SagaOutcomes;
  /** The read-side cache in front of the queries; its families are left out when absent. */
  readonly readCache?: ReadCacheStats;
};

/** In this order; an outcome the coordinator does not count is left out. */
const sagaOutcomeNames = ['completed', 'compensated', 'cancelled', 'running'] as const;

export const prometheusContentType = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Readonly<Record<string, string>>;
type Sample = { readonly suffix?: string; readonly labels?: Labels; readonly value: number };
type Family = { readonly name: string; readonly type: 'counter' | 'gauge' | 'summary'; readonly help: string; readonly samples: readonly Sample[] };

/** Label values escape backslash, double quote and newline; HELP text escapes backslash and newline. */
const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const escapeHelp = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function renderFamily(family: Family): string {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
  for (const sample of family.samples) {
    const labels = Object.entries(sample.labels ?? {});
    const labelText = labels.length === 0 ? '' : `{${labels.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(',')}}`;
    lines.push(`${family.name}${sample.suffix ?? ''}${labelText} ${formatValue(sample.value)}`);
  }
  return lines.join('\n');
}

/** Milliseconds to seconds, rounded to the microsecond so `0.1 + 0.2` noise does not reach the text. */
const seconds = (ms: number): number => Math.round(ms * 1000) / 1e6;

/** A summary's quantiles (NaN before any observation, as Prometheus clients write it), its sum and its count. */
function summarySamples(summary: LatencySummary, labels: Labels = {}): Sample[] {
  const quantiles: Array<[string, number | undefined]> = [
    ['0.5', summary.percentiles?.p50],
    ['0.95', summary.percentiles?.p95],
    ['0.99', summary.percentiles?.p99],
  ];
  return [
    ...quantiles.map(([quantile, ms]) => ({ labels: { ...labels, quantile }, value: ms === undefined ? Number.NaN : seconds(ms) })),
    { suffix: '_sum', labels, value: seconds(summary.totalMs) },
    { suffix: '_count', labels, value: summary.count },
  ];
}

export function metricsExposition(input: MetricsExpositionInput): string {
  const { latency, projections, sagas } = input;
  const families: readonly Family[] = [
    {
      name: 'workbook_command_duration_seconds',
      type: 'summary',
      help: `Command processing latency, received to appended or rejected; quantiles over the last ${latency.windowSize} commands.`,
      samples: summarySamples(latency.overall),
    },
    {
      name: 'workbook_command_duration_by_type_seconds',
      type: 'summary',
      help: 'Command processing latency per command type.',
      samples: latency.byCommand.flatMap((entry) => summarySamples(entry, { command: entry.command })),
    },
    {
      name: 'workbook_commands_rejected_total',
      type: 'counter',
      help: 'Commands refused (nothing appended), by command type and reason.',
      samples: latency.rejections.map((entry) => ({ labels: { command: entry.command, kind: entry.kind }, value: entry.count })),
    },
    {
      name: 'workbook_events_total',
      type: 'counter',
      help: 'Events in the log (its head position: positions have no gaps). rate(workbook_events_total[5s]) is the publishing rate.',
      samples: [{ value: input.headPosition }],
    },
    {
      name: 'workbook_events_per_second',
      type: 'gauge',
      help: 'Events appended per second over the last 5 seconds, as this tab measured it.',
      samples: [{ value: Math.round(input.eventsPerSecond * 1000) / 1000 }],
    },
    {
      name: 'workbook_projection_checkpoint',
      type: 'gauge',
      help: 'Global position of the last event each projection applied.',
      samples: projections.map((projection) => ({ labels: { projection: projection.name }, value: projection.checkpoint })),
    },
    {
      name: 'workbook_projection_lag_events',
      type: 'gauge',
      help: 'Events in the log each projection has not applied yet (head minus checkpoint).',
      samples: projections.map((projection) => ({ labels: { projection: projection.name }, value: projection.lag })),
    },
    {
      name: 'workbook_projection_lag_seconds',
      type: 'gauge',
      help: 'Age of the oldest event each projection has not applied yet (0 when caught up).',
      samples: projections.flatMap((projection) =>
        projection.lagSeconds === null ? [] : [{ labels: { projection: projection.name }, value: Math.round(projection.lagSeconds * 1000) / 1000 }],
      ),
    },
    {
      name: 'workbook_sagas',
      type: 'gauge',
      help:
        'Order sagas by outcome: completed, compensated (a step failed and was undone), cancelled (completed, then ' +
        'cancelled by a person and undone: neither success nor failure) or still running.',
      samples: sagaOutcomeNames.flatMap((outcome) => {
        const count = (sagas as Readonly<Partial<Record<string, number>>>)[outcome];
        return count === undefined ? [] : [{ labels: { outcome }, value: count }];
      }),
    },
    {
      name: 'workbook_saga_success_ratio',
      type: 'gauge',
      help: 'Completed sagas over finished sagas (completed plus compensated); NaN before any finished.',
      samples: [{ value: sagaSuccessRate(sagas) ?? Number.NaN }],
    },
    ...(input.readCache === undefined ? [] : readCacheFamilies(input.readCache)),
  ];
  return `${families.map(renderFamily).join('\n')}\n`;
}

/** Seed 004's "cache hit ratio": queries answered from the read-side cache, and the ratio Grafana would chart. */
function readCacheFamilies(cache: ReadCacheStats): Family[] {
  return [
    {
      name: 'workbook_read_cache_hits_total',
      type: 'counter',
      help: "Queries answered from the read-side cache (the read model's checkpoint had not moved since the answer was computed).",
      samples: [{ value: cache.hits }],
    },
    {
      name: 'workbook_read_cache_misses_total',
      type: 'counter',
      help: 'Queries computed from the read model: asked for the first time, or its projection applied events since.',
      samples: [{ value: cache.misses }],
    },
    {
      name: 'workbook_read_cache_hit_ratio',
      type: 'gauge',
      help: 'Cache hit ratio: hits over hits plus misses since the tab opened; NaN before the first cached query.',
      samples: [{ value: cache.hitRatio === null ? Number.NaN : Math.round(cache.hitRatio * 1000) / 1000 }],
    },
  ];
}
