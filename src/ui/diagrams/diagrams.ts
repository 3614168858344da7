import type { DiagramNode } from '../../simulator/pipeline/pipelineStages';

/** A teaching diagram: its Mermaid source and the nodes a command or query can light. */
export type DiagramDefinition = {
  readonly name: DiagramName;
  /** Read aloud as the SVG's accessible name. */
  readonly title: string;
  readonly source: string;
  readonly nodes: readonly DiagramNode[];
};

export type DiagramName = 'cqrs' | 'pipeline';

/** Exercise 06, requirement 2: the command side and the query side, joined only by the event bus. */
export const cqrsDiagram: DiagramDefinition = {
  name: 'cqrs',
  title: 'CQRS architecture of the Order Service (Exercise 06, requirement 2)',
  source: `flowchart LR
  Client([Client])
  CommandHandler[Command Handler]
  WriteDB[(Write DB)]
  EventBus{{Event Bus}}
  EventHandler[Event Handler]
  ReadDB[(Read DB)]
  QueryHandler[Query Handler]
  Client -->|command| CommandHandler
  CommandHandler --> WriteDB
  CommandHandler -->|publishes| EventBus
  EventBus -->|consumes| EventHandler
  EventHandler --> ReadDB
  Client -->|query| QueryHandler
  QueryHandler --> ReadDB`,
  nodes: [
    { id: 'Client', label: 'Client', stages: ['clientCommand', 'clientQuery'] },
    { id: 'CommandHandler', label: 'Command Handler', stages: ['commandHandler', 'aggregate', 'events'] },
    { id: 'WriteDB', label: 'Write DB', stages: ['eventStore'] },
    { id: 'EventBus', label: 'Event Bus', stages: ['eventBus'] },
    { id: 'EventHandler', label: 'Event Handler', stages: ['projection'] },
    { id: 'ReadDB', label: 'Read DB', stages: ['readModel'] },
    { id: 'QueryHandler', label: 'Query Handler', stages: ['queryHandler'] },
  ],
};

/** Seed 002's pipeline, one line: Commands → Aggregates → Events → Event Store → Event Bus → Projections → Read Models → Queries. */
export const pipelineDiagram: DiagramDefinition = {
  name: 'pipeline',
  title: 'Event sourcing pipeline of seed 002, from commands to queries',
  // Two rows (write side over read side) so the eight stages stay legible on a projector; one row is too small.
  source: `flowchart TB
  subgraph WriteSide [Write side]
    direction LR
    Commands([Commands]) --> Aggregates[Aggregates] --> Events[/Events/] --> EventStore[(Event Store)]
  end
  subgraph ReadSide [Read side]
    direction LR
    EventBus{{Event Bus}} --> Projections[Projections] --> ReadModels[(Read Models)] --> Queries([Queries])
  end
  WriteSide -->|Event Store → Event Bus| ReadSide`,
  nodes: [
    { id: 'Commands', label: 'Commands', stages: ['clientCommand', 'commandHandler'] },
    { id: 'Aggregates', label: 'Aggregates', stages: ['aggregate'] },
    { id: 'Events', label: 'Events', stages: ['events'] },
    { id: 'EventStore', label: 'Event Store', stages: ['eventStore'] },
    { id: 'EventBus', label: 'Event Bus', stages: ['eventBus'] },
    { id: 'Projections', label: 'Projections', stages: ['projection'] },
    { id: 'ReadModels', label: 'Read Models', stages: ['readModel'] },
    { id: 'Queries', label: 'Queries', stages: ['clientQuery', 'queryHandler'] },
  ],
};

export const diagrams: Readonly<Record<DiagramName, DiagramDefinition>> = { cqrs: cqrsDiagram, pipeline: pipelineDiagram };

/**
 * The node id Mermaid gave an SVG group: flowchart nodes render as `<g id="<render id>-flowchart-<node>-<n>">`
 * (older versions: `flowchart-<node>-<n>`). Null when the element id is not a flowchart node.
 */
export function flowchartNodeId(elementId: string): string | null {
  return /(?:^|-)flowchart-(.+)-\d+$/.exec(elementId)?.[1] ?? null;
}
