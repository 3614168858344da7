import type { ProjectorStatus } from '../../projections/projector';
import { assertNever } from '../../domain/core/message';
import type { CommandLifecycle } from '../types';

/**
 * The stages a command (and then a query) passes through, in the vocabulary of both teaching diagrams. Each diagram
 * names its nodes its own way (seed 003's "Write DB", seed 002's "Event Store"); a node covers one or more stages.
 * The client sending a command and the client asking a query are two stages: one CQRS "Client" box draws both,
 * but seed 002's pipeline draws them at opposite ends (Commands … Queries).
 */
export type PipelineStage =
  | 'clientCommand'
  | 'commandHandler'
  | 'aggregate'
  | 'events'
  | 'eventStore'
  | 'eventBus'
  | 'projection'
  | 'readModel'
  | 'clientQuery'
  | 'queryHandler';

/** `passed` = the message went through; `rejected` = it stopped here. */
export type StageMark = 'passed' | 'rejected';

/** One line of the timeline beside the diagram: "Command Handler: PlaceOrder validated 0.4 ms". */
export type TrailEntry = {
  readonly stage: PipelineStage;
  /** What happened there, without the stage's name (each diagram prefixes its own node label). */
  readonly what: string;
  /** Milliseconds since the message entered the system (the command was received or the query asked). */
  readonly elapsedMs: number;
  readonly mark: StageMark;
};

/** What one command or query did so far: the stages it lit and the timeline of it. */
export type PipelineTrace = {
  readonly kind: 'none' | 'command' | 'query';
  readonly id: string | null;
  readonly startedAt: number;
  readonly marks: Readonly<Partial<Record<PipelineStage, StageMark>>>;
  readonly trail: readonly TrailEntry[];
  /** Global position of the command's last event: the read side shows the command once its checkpoints pass it. */
  readonly awaitingPosition: number | null;
};

export const idleTrace: PipelineTrace = { kind: 'none', id: null, startedAt: 0, marks: {}, trail: [], awaitingPosition: null };

function pass(trace: PipelineTrace, at: number, entries: readonly (readonly [PipelineStage, string, StageMark?])[]): PipelineTrace {
  const marks = { ...trace.marks };
  const trail = [...trace.trail];
  for (const [stage, what, mark = 'passed'] of entries) {
    marks[stage] = mark;
    trail.push({ stage, what, elapsedMs: Math.max(0, at - trace.startedAt), mark });
  }
  return { ...trace, marks, trail };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Folds one report of the simulator's `onCommand` into the trace. `received` starts a new trace; reports about
 * another command than the one traced (an older one still finishing) are ignored, so the diagram follows one.
 */
export function traceCommand(trace: PipelineTrace, step: CommandLifecycle): PipelineTrace {
  if (step.phase === 'received') {
    const started: PipelineTrace = { kind: 'command', id: step.commandId, startedAt: step.at, marks: {}, trail: [], awaitingPosition: null };
    return pass(started, step.at, [['clientCommand', `${step.command} sent`]]);
  }
  if (trace.kind !== 'command' || trace.id !== step.commandId) return trace;
  switch (step.phase) {
    case 'validated':
      return pass(trace, step.at, [['commandHandler', `${step.command} validated, routed to ${step.streamId}`]]);
    case 'appended': {
      const { events } = step;
      if (events.length === 0) return pass(trace, step.at, [['aggregate', `${step.command} decided: nothing to record`]]);
      const types = events.map((event) => event.type).join(', ');
      const last = events[events.length - 1]!;
      const positions =
        events.length === 1 ? `position ${last.globalPosition}` : `positions ${events[0]!.globalPosition}–${last.globalPosition}`;
      return {
        ...pass(trace, step.at, [
          ['aggregate', `${step.command} decided ${types}`],
          ['events', `${plural(events.length, 'event')}: ${types}`],
          ['eventStore', `appended to ${step.streamId} at ${positions}`],
          ['eventBus', `published ${types}`],
        ]),
        awaitingPosition: last.globalPosition,
      };
    }
    case 'rejected': {
      // Bad input stops at the boundary; a rule, a missing order or a conflict is the aggregate saying no.
      const stage: PipelineStage = step.kind === 'validation' ? 'commandHandler' : 'aggregate';
      return pass(trace, step.at, [[stage, `${step.command} rejected (${step.kind}): ${step.message}`, 'rejected']]);
    }
    default:
      return assertNever(step);
  }
}

/**
 * Folds a projector status into the trace: once one projection's checkpoint reaches the command's last event an
 * event handler has applied it; once every projection has, the read models answer with it.
 */
export function traceProjector(trace: PipelineTrace, status: ProjectorStatus, at: number): PipelineTrace {
  const position = trace.awaitingPosition;
  if (trace.kind !== 'command' || position === null || trace.marks.readModel !== undefined) return trace;
  const reached = status.projections.filter((projection) => projection.checkpoint >= position);
  if (reached.length === 0) return trace;
  let next = trace;
  if (next.marks.projection === undefined) {
    next = pass(next, at, [['projection', `${plural(reached.length, 'projection')} applied position ${position}`]]);
  }
  if (reached.length === status.projections.length) {
    next = pass(next, at, [['readModel', `every read model includes position ${position}`]]);
  }
  return next;
}

/** A query goes straight to the read side: it never touches the write side or the event store. */
export function traceQuery(query: { readonly id: string; readonly name: string; readonly answer: string; readonly startedAt: number; readonly at: number }): PipelineTrace {
  const started: PipelineTrace = { kind: 'query', id: query.id, startedAt: query.startedAt, marks: {}, trail: [], awaitingPosition: null };
  return pass(started, query.at, [
    ['clientQuery', `asked ${query.name}`],
    ['queryHandler', `${query.name} read the read model`],
    ['readModel', `answered: ${query.answer}`],
  ]);
}

/** A diagram node and the stages it stands for. */
export type DiagramNode = { readonly id: string; readonly label: string; readonly stages: readonly PipelineStage[] };

/** How each node should look: `current` = the stage the message reached last; a rejection wins over a pass. */
export type NodeMark = 'current' | 'passed' | 'rejected';

export function nodeMarks(nodes: readonly DiagramNode[], trace: PipelineTrace): Map<string, NodeMark> {
  const marks = new Map<string, NodeMark>();
  const latest = trace.trail.at(-1)?.stage;
  for (const node of nodes) {
    const stageMarks = node.stages.map((stage) => trace.marks[stage]).filter((mark) => mark !== undefined);
    if (stageMarks.includes('rejected')) marks.set(node.id, 'rejected');
    else if (latest !== undefined && node.stages.includes(latest)) marks.set(node.id, 'current');
    else if (stageMarks.length > 0) marks.set(node.id, 'passed');
  }
  return marks;
}

/** The timeline in a diagram's own words: "Command Handler: PlaceOrder validated…", using the first node per stage. */
export function trailLines(nodes: readonly DiagramNode[], trace: PipelineTrace): { readonly text: string; readonly elapsedMs: number; readonly mark: StageMark }[] {
  return trace.trail.map((entry) => {
    const node = nodes.find((candidate) => candidate.stages.includes(entry.stage));
    return { text: `${node?.label ?? entry.stage}: ${entry.what}`, elapsedMs: entry.elapsedMs, mark: entry.mark };
  });
}
