import { describe, expect, it } from 'vitest';
import { componentOf, diagramToMermaid, missingArrows } from '../../src/workbook/exercise06Diagram';

/** While a student draws requirement 2, the page names the seed's arrows the drawing does not have yet. */

const edge = (from: string, to: string, label?: string) => ({ from, to, ...(label === undefined ? {} : { label }) });

const complete = [
  edge('Client', 'Command Handler', 'POST /orders'),
  edge('Command Handler', 'Write DB (SQL)'),
  edge('Command Handler', 'Event Bus (Kafka)', 'publishes'),
  edge('Event Bus (Kafka)', 'Event Handler', 'consumes'),
  edge('Event Handler', 'Read DB (Elasticsearch)'),
  edge('Client', 'Query Handler', 'GET /orders'),
  edge('Query Handler', 'Read DB (Elasticsearch)'),
];

describe('the seed components in a student diagram', () => {
  it('recognizes the boxes under the names students give them', () => {
    expect(componentOf('Write Model DB (SQL)')).toBe('Write DB');
    expect(componentOf('Read Model DB (Elasticsearch)')).toBe('Read DB');
    expect(componentOf('Kafka')).toBe('Event Bus');
    expect(componentOf('Event Handler / Projector')).toBe('Event Handler');
    expect(componentOf('Query Service')).toBe('Query Handler');
    expect(componentOf('API Gateway')).toBeUndefined();
  });
});

describe('missing arrows', () => {
  it('lists none for the seed diagram', () => {
    expect(missingArrows({ edges: complete })).toEqual([]);
  });

  it('names the query side when it is not drawn', () => {
    const withoutQuery = complete.filter((e) => e.from !== 'Query Handler');
    expect(missingArrows({ edges: withoutQuery })).toEqual([['Query Handler', 'Read DB']]);
  });

  it('accepts a box in between that is not a seed component, but not a detour through the write side', () => {
    const viaGateway = [...complete.filter((e) => !(e.from === 'Client' && e.to === 'Query Handler')), edge('Client', 'API Gateway'), edge('API Gateway', 'Query Handler')];
    expect(missingArrows({ edges: viaGateway })).toEqual([]);
    const viaWrite = [...complete.filter((e) => e.from !== 'Query Handler'), edge('Query Handler', 'Write DB (SQL)'), edge('Write DB (SQL)', 'Read DB (Elasticsearch)')];
    expect(missingArrows({ edges: viaWrite })).toEqual([['Query Handler', 'Read DB']]);
  });
});

describe('the drawn graph', () => {
  it('keeps the student\'s names and labels, and nothing that could break out of a label', () => {
    const source = diagramToMermaid({ nodes: [], edges: [edge('Client', 'Cmd"] --> X[evil', 'POST |x|')] });
    expect(source).toContain('n0["Client"]');
    expect(source).toContain('n1["Cmd -- X evil"]');
    expect(source).toContain('n0 -- "POST x" --> n1');
    expect(source.split('\n').filter((line) => line.includes('-->'))).toHaveLength(1);
  });
});
