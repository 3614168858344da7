import { describe, expect, it } from 'vitest';
import { cqrsDiagram, diagrams, flowchartNodeId, pipelineDiagram } from '../../../src/ui/diagrams/diagrams';
import { nodeMarks, traceCommand, traceQuery, idleTrace, type PipelineStage } from '../../../src/simulator/pipeline/pipelineStages';

const everyStage: readonly PipelineStage[] = [
  'clientCommand',
  'commandHandler',
  'aggregate',
  'events',
  'eventStore',
  'eventBus',
  'projection',
  'readModel',
  'clientQuery',
  'queryHandler',
];

describe('the teaching diagrams', () => {
  it('declare in their Mermaid source every node they light, under the label a person reads', () => {
    for (const diagram of Object.values(diagrams)) {
      for (const node of diagram.nodes) {
        expect(diagram.source, `${diagram.name}: ${node.id}`).toMatch(new RegExp(`\\b${node.id}\\s*[\\[({/]+${node.label}[\\])}/]+`));
      }
    }
  });

  it('give every stage of a command or query a place to light in both diagrams', () => {
    for (const diagram of Object.values(diagrams)) {
      const covered = new Set(diagram.nodes.flatMap((node) => node.stages));
      expect(everyStage.filter((stage) => !covered.has(stage)), diagram.name).toEqual([]);
    }
  });

  it('draw Exercise 06 requirement 2’s seven boxes and seed 002’s eight stages', () => {
    expect(cqrsDiagram.nodes.map((node) => node.label)).toEqual([
      'Client',
      'Command Handler',
      'Write DB',
      'Event Bus',
      'Event Handler',
      'Read DB',
      'Query Handler',
    ]);
    expect(pipelineDiagram.nodes.map((node) => node.label).join(' → ')).toBe(
      'Commands → Aggregates → Events → Event Store → Event Bus → Projections → Read Models → Queries',
    );
  });

  it('light a query at the Queries end of the pipeline, never at Commands', () => {
    const trace = traceQuery({ id: 'q', name: 'summary()', answer: '3 orders', startedAt: 0, at: 1 });
    const marks = nodeMarks(pipelineDiagram.nodes, trace);
    expect([...marks.keys()].sort()).toEqual(['Queries', 'ReadModels']);
  });

  it('light a received command at Commands in the pipeline and at Client in the CQRS diagram', () => {
    const trace = traceCommand(idleTrace, { phase: 'received', commandId: 'c', command: 'PlaceOrder', at: 0 });
    expect([...nodeMarks(pipelineDiagram.nodes, trace)]).toEqual([['Commands', 'current']]);
    expect([...nodeMarks(cqrsDiagram.nodes, trace)]).toEqual([['Client', 'current']]);
  });
});

describe('reading Mermaid’s node ids back', () => {
  it('finds the node name in the SVG group id, with or without the render id in front', () => {
    expect(flowchartNodeId('wb-diagram-3-flowchart-CommandHandler-1')).toBe('CommandHandler');
    expect(flowchartNodeId('flowchart-ReadDB-12')).toBe('ReadDB');
    expect(flowchartNodeId('wb-diagram-3-L_Client_CommandHandler_0')).toBeNull();
  });
});
