import type { RecordedEvent } from '../../eventStore/types';
import { serviceOf } from './serviceOf';
import type { Trace, TraceCommandNode, TraceEventNode, TraceLinks, TraceNode } from './types';

/** Where an event hangs: under the event that caused it, or under a command. */
type Parent = { readonly kind: 'event'; readonly eventId: string } | { readonly kind: 'command'; readonly commandId: string };

const parentKey = (parent: Parent): string => `${parent.kind}:${parent.kind === 'event' ? parent.eventId : parent.commandId}`;

/**
 * The causal tree of one correlation. Each event hangs under its cause: the event whose id is its `causationId`, or
 * a command when the `causationId` is a command id (its own command, normally). What cannot be followed (a cause that
 * is not in the log, an event that names itself, causes that go round in a loop) hangs under the root with a note, so
 * every event of the correlation is shown exactly once. A cause recorded under another correlation (a process
 * manager's follow-up of a person's command) is no mistake: the event hangs under the root too, naming that trace,
 * and the person's event names the traces it caused follow-ups in. Undefined when no event carries the correlation.
 */
export function buildTrace(
  correlationId: string,
  log: readonly RecordedEvent[],
  links: TraceLinks = linksWithin(log),
): Trace | undefined {
  const events = log
    .filter((event) => event.metadata.correlationId === correlationId)
    .sort((a, b) => a.globalPosition - b.globalPosition);
  if (events.length === 0) return undefined;

  const byId = new Map(events.map((event) => [event.eventId, event]));
  const commandIds = [...new Set(events.map((event) => event.metadata.commandId))];
  const parents = new Map<string, Parent>();
  const notes = new Map<string, string>();
  const causeTraces = new Map<string, string>();
  const toRoot = (event: RecordedEvent, note: string): void => {
    parents.set(event.eventId, { kind: 'command', commandId: correlationId });
    notes.set(event.eventId, note);
  };

  for (const event of events) {
    const { causationId } = event.metadata;
    if (causationId === event.eventId) toRoot(event, `It names itself as its own cause, so it is shown under the command.`);
    else if (byId.has(causationId)) parents.set(event.eventId, { kind: 'event', eventId: causationId });
    else if (commandIds.includes(causationId) || causationId === correlationId)
      parents.set(event.eventId, { kind: 'command', commandId: causationId });
    else {
      const causeTrace = links.correlationOf(causationId);
      if (causeTrace !== undefined && causeTrace !== correlationId) {
        parents.set(event.eventId, { kind: 'command', commandId: correlationId });
        causeTraces.set(event.eventId, causeTrace);
      } else toRoot(event, `Its cause ${causationId} is not in this trace (never recorded, or recorded under another correlation).`);
    }
  }
  cutLoops(events, byId, parents, toRoot);

  const childrenOf = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const key = parentKey(parents.get(event.eventId)!);
    const siblings = childrenOf.get(key);
    if (siblings) siblings.push(event);
    else childrenOf.set(key, [event]);
  }

  const eventNode = (event: RecordedEvent, parentCommandId: string): TraceEventNode => ({
    kind: 'event',
    event,
    service: serviceOf(event.streamId),
    byAnotherCommand: event.metadata.commandId !== parentCommandId,
    children: (childrenOf.get(parentKey({ kind: 'event', eventId: event.eventId })) ?? []).map((child) =>
      eventNode(child, event.metadata.commandId),
    ),
    note: notes.get(event.eventId) ?? null,
    causeTrace: causeTraces.get(event.eventId) ?? null,
    followUpTraces: links.followUpsOf(event.eventId).filter((other) => other !== correlationId),
  });
  const commandChildren = (commandId: string): TraceEventNode[] =>
    (childrenOf.get(parentKey({ kind: 'command', commandId })) ?? []).map((child) => eventNode(child, commandId));

  // Other commands of the correlation that events name as their cause, but that no recorded event caused: siblings
  // of the root's own events, in the order their first event was recorded.
  const otherCommands: TraceCommandNode[] = commandIds
    .filter((commandId) => commandId !== correlationId && childrenOf.has(parentKey({ kind: 'command', commandId })))
    .map((commandId) => ({ kind: 'command', commandId, children: commandChildren(commandId), note: null }));
  const rootChildren: TraceNode[] = [...commandChildren(correlationId), ...otherCommands].sort(
    (a, b) => firstPosition(a) - firstPosition(b),
  );

  return {
    correlationId,
    root: {
      kind: 'command',
      commandId: correlationId,
      children: rootChildren,
      note: commandIds.includes(correlationId)
        ? null
        : `No event was recorded by command ${correlationId} itself; the commands and events that carry its correlation id hang below it.`,
    },
    events,
    commandIds,
    orphans: notes.size,
  };
}

/** The links a log holds within itself: right when it is the whole log (tests, small logs), empty-handed otherwise. */
export function linksWithin(log: readonly RecordedEvent[]): TraceLinks {
  const correlations = new Map(log.map((event) => [event.eventId, event.metadata.correlationId]));
  const followUps = new Map<string, string[]>();
  for (const event of log) {
    const causeCorrelation = correlations.get(event.metadata.causationId);
    if (causeCorrelation === undefined || causeCorrelation === event.metadata.correlationId) continue;
    const known = followUps.get(event.metadata.causationId);
    if (known === undefined) followUps.set(event.metadata.causationId, [event.metadata.correlationId]);
    else if (!known.includes(event.metadata.correlationId)) known.push(event.metadata.correlationId);
  }
  return {
    correlationOf: (eventId) => correlations.get(eventId),
    followUpsOf: (eventId) => followUps.get(eventId) ?? [],
  };
}

/** The position of the first event under a node: how siblings are ordered. */
function firstPosition(node: TraceNode): number {
  if (node.kind === 'event') return node.event.globalPosition;
  return node.children.reduce((first, child) => Math.min(first, firstPosition(child)), Number.POSITIVE_INFINITY);
}

/**
 * Causation ids are data, and data can be wrong (an import, a bug in a saga): A caused by B caused by A would make
 * the tree endless. Each loop is cut at its oldest event, which moves under the root with a note.
 */
function cutLoops(
  events: readonly RecordedEvent[],
  byId: ReadonlyMap<string, RecordedEvent>,
  parents: Map<string, Parent>,
  toRoot: (event: RecordedEvent, note: string) => void,
): void {
  const loopFrom = (start: string): string[] | undefined => {
    const path: string[] = [];
    let current = start;
    for (;;) {
      const seenAt = path.indexOf(current);
      if (seenAt !== -1) return path.slice(seenAt);
      path.push(current);
      const parent = parents.get(current);
      if (parent?.kind !== 'event') return undefined;
      current = parent.eventId;
    }
  };
  for (const event of events) {
    for (let loop = loopFrom(event.eventId); loop !== undefined; loop = loopFrom(event.eventId)) {
      const members = loop.map((id) => byId.get(id)!);
      const oldest = members.reduce((a, b) => (b.globalPosition < a.globalPosition ? b : a));
      const positions = [...members].sort((a, b) => a.globalPosition - b.globalPosition).map((member) => `#${member.globalPosition}`);
      toRoot(oldest, `Its causes go round in a loop (${positions.join(', ')}); the loop is cut here.`);
    }
  }
}
