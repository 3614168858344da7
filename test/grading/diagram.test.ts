import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../../src/grading';
import { BOX_DIAGRAM, SEED_DIAGRAM } from './answers/requirement2.cases';

describe('parseDiagram', () => {
  it("reads the seed's diagram: normalized names, labels kept", () => {
    const diagram = parseDiagram(SEED_DIAGRAM);
    expect(diagram.edges).toContainEqual({ from: 'Client', to: 'Command Handler', label: 'POST /orders' });
    expect(diagram.edges).toContainEqual({ from: 'Command Handler', to: 'Event Bus', label: 'publishes' });
    expect(diagram.edges).toContainEqual({ from: 'Query Handler', to: 'Read DB' });
    expect(diagram.nodes).toEqual(['Client', 'Command Handler', 'Write DB', 'Event Bus', 'Event Handler', 'Read DB', 'Query Handler']);
    expect(diagram.problems).toEqual([]);
  });

  it('follows a | shaft ending in v from the box above to the box beneath, and a leftward arrow', () => {
    const edges = parseDiagram(BOX_DIAGRAM).edges;
    expect(edges).toContainEqual({ from: 'Command Handler', to: 'Event Bus', label: 'publishes OrderPlaced' });
    expect(edges).toContainEqual({ from: 'Client', to: 'Query Handler', label: 'GET /orders' });
    expect(edges).toContainEqual({ from: 'Event Bus', to: 'Event Handler' });
    expect(edges).toContainEqual({ from: 'Event Handler', to: 'Read DB' });
  });

  it('reads every arrow style of the grading contract', () => {
    for (const arrow of ['->', '-->', '──▶', '→', '=>']) {
      expect(parseDiagram(`Query Handler ${arrow} Read DB`).edges, arrow).toEqual([{ from: 'Query Handler', to: 'Read DB' }]);
    }
  });

  it('keeps boxes the seed does not name, so paths through them count', () => {
    expect(parseDiagram('Client -> API Gateway -> Query Handler').edges).toEqual([
      { from: 'Client', to: 'API Gateway' },
      { from: 'API Gateway', to: 'Query Handler' },
    ]);
  });

  it('says so when there is nothing to read', () => {
    expect(parseDiagram('Client   Command Handler').problems[0]).toContain('no arrows found');
    expect(parseDiagram('--> Read DB').problems[0]).toContain('nothing on its left');
  });
});
