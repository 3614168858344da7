import { describe, expect, it } from 'vitest';
import { checkRequirement, componentOf, parseDiagram } from '../../src/grading';
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

/** A diagram as requirement 2 of a whole answers.md, graded. */
const gradeDiagram = (diagram: string, lang = 'text') => checkRequirement(2, `## Requirement 2\n\n\`\`\`${lang}\n${diagram}\n\`\`\`\n`);
const edgesOf = (diagram: string) => parseDiagram(diagram).edges.map(({ from, to }) => `${from} → ${to}`);

describe('parseDiagram reads ASCII drawings however the boxes and arrows are drawn', () => {
  it('reads an arrow that touches the box walls on both ends as an arrow between the boxes, not a Mermaid label', () => {
    expect(edgesOf('| Client |---->| Command Handler |---->| Write DB |')).toEqual(['Client → Command Handler', 'Command Handler → Write DB']);
    expect(edgesOf(`+--------+     +-----------------+
| Client |---->| Command Handler |
+--------+     +-----------------+`)).toEqual(['Client → Command Handler']);
  });

  it('follows a corner arrow back to its source however many rows it runs', () => {
    const diagram = `+-----------------+
| Command Handler |
+-----------------+
        |
        |
        |
        |
        |
        |
        +---------> Event Bus`;
    expect(edgesOf(diagram)).toEqual(['Command Handler → Event Bus']);
    expect(edgesOf(`Client\n  │\n  │\n  │\n  │\n  │\n  └──────▶ Query Handler`)).toEqual(['Client → Query Handler']);
  });

  it('reads arrows pointing left and both ways', () => {
    expect(edgesOf('Read DB <-- Event Handler')).toEqual(['Event Handler → Read DB']);
    expect(edgesOf('Query Handler <--> Read DB').sort()).toEqual(['Query Handler → Read DB', 'Read DB → Query Handler']);
    expect(edgesOf('Read DB ◀── Event Handler')).toEqual(['Event Handler → Read DB']);
  });

  it('reads boxes of every style, a name split over two lines included', () => {
    expect(edgesOf('┌────────┐      ┌─────────┐\n│ Client │─────▶│ Command │\n│        │      │ Handler │\n└────────┘      └─────────┘')).toEqual(['Client → Command Handler']);
    expect(edgesOf('[Client] --> [Query Handler] --> (Read DB)')).toEqual(['Client → Query Handler', 'Query Handler → Read DB']);
    expect(edgesOf('╭───────────────╮\n│ Event Handler │ ══▶ ( Read DB )\n╰───────────────╯')).toEqual(['Event Handler → Read DB']);
  });

  it('reads vertical arrows pointing down (v, ▼) and up (^, ▲), labels beside or inside the shaft', () => {
    const diagram = `  Event Handler
       |
   updates
       |
       v
    Read DB
       ^
       | reads
       |
  Query Handler`;
    expect(parseDiagram(diagram).edges).toEqual([
      { from: 'Event Handler', to: 'Read DB', label: 'updates' },
      { from: 'Query Handler', to: 'Read DB', label: 'reads' },
    ]);
  });

  it('keeps the label written in the shaft of a horizontal arrow', () => {
    expect(parseDiagram('Client --GET /orders?status=shipped--> Query Handler').edges).toEqual([
      { from: 'Client', to: 'Query Handler', label: 'GET /orders?status=shipped' },
    ]);
  });
});

describe('parseDiagram reads Mermaid flowcharts in their common syntaxes', () => {
  it('reads node ids with labels, edge labels in pipes and in the link, dotted and thick links, chains and &', () => {
    const diagram = `flowchart TD
  %% the command side
  subgraph Write side
    CH[Command Handler] -- persists --> W[("Write DB (PostgreSQL)")]
  end
  subgraph read["Read side"]
    EH(Event Handler) ==> R[(Read DB)]
  end
  C((Client)) -->|PlaceOrder| CH
  CH -.->|OrderPlaced| B{{Kafka}}
  B --> EH
  C & Admin --> QH[Query Handler] --> R
  classDef db fill:#eee;
  class W,R db`;
    expect(edgesOf(diagram)).toEqual([
      'Command Handler → Write DB',
      'Event Handler → Read DB',
      'Client → Command Handler',
      'Command Handler → Event Bus',
      'Event Bus → Event Handler',
      'Client → Query Handler',
      'Admin → Query Handler',
      'Query Handler → Read DB',
    ]);
    expect(parseDiagram(diagram).edges).toContainEqual({ from: 'Command Handler', to: 'Write DB', label: 'persists' });
    expect(parseDiagram(diagram).edges).toContainEqual({ from: 'Client', to: 'Command Handler', label: 'PlaceOrder' });
  });

  it('reads a flowchart whose nodes are bare ids and a graph with arrows pointing back', () => {
    expect(edgesOf('graph LR\n  Client --> CommandHandler\n  ReadDB <-- EventHandler;')).toEqual(['Client → Command Handler', 'Event Handler → Read DB']);
  });
});

describe('componentOf knows the components by their usual names', () => {
  it.each([
    ['write database', 'Write DB'],
    ['PostgreSQL', 'Write DB'],
    ['Orders DB (MySQL)', 'Write DB'],
    ['Elasticsearch', 'Read DB'],
    ['read store', 'Read DB'],
    ['denormalized SQL view', 'Read DB'],
    ['Projection store', 'Read DB'],
    ['Kafka', 'Event Bus'],
    ['message broker', 'Event Bus'],
    ['RabbitMQ exchange', 'Event Bus'],
    ['Projector', 'Event Handler'],
    ['Read model updater', 'Event Handler'],
    ['Web browser', 'Client'],
  ])('%s is the %s', (name, component) => {
    expect(componentOf(name)).toBe(component);
  });
});

describe('requirement 2 judges the diagram as a whole graph', () => {
  const SEED = SEED_DIAGRAM;

  it('passes the seed diagram with response arrows back to the caller and an event store that publishes', () => {
    expect(gradeDiagram(`${SEED}\nQuery Handler --results--> Client\nRead DB --> Query Handler\nWrite DB --> Event Bus`).status).toBe('pass');
    expect(gradeDiagram(`${SEED}\nEvent Bus --> Event Handler\nEvent Handler --subscribes--> Event Bus`).status).toBe('pass');
  });

  it.each([
    ['Client --> Read DB', 'Your diagram lets the Client write to the Read DB'],
    ['Client --> Write DB', 'Your diagram lets the Client write to the Write DB'],
    ['Event Bus --> Query Handler', 'from the Event Bus to the Query Handler'],
    ['Event Handler --> Write DB', 'lets the Event Handler write to the Write DB'],
    ['Command Handler --> Event Handler', 'from the Command Handler to the Event Handler'],
    ['Query Handler --> Event Bus', 'from the Query Handler to the Event Bus'],
    ['Write DB --> Read DB', 'lets the Write DB write to the Read DB'],
  ])('fails an extra arrow %s, naming it', (arrow, message) => {
    const result = gradeDiagram(`${SEED}\n${arrow}`);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(message);
  });

  it('fails an arrow drawn the wrong way round, saying which way it goes', () => {
    const result = gradeDiagram(SEED.replace('Event Handler ──consumes──▶ Read DB', 'Event Bus ──▶ Event Handler\nRead DB ──▶ Event Handler'));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('The arrow between the Event Handler and the Read DB points the wrong way: it goes from the Event Handler to the Read DB');
  });

  it('passes a diagram whose arrows touch the walls and turn corners far from their source', () => {
    const diagram = `+--------+      +-----------------+      +----------------+
| Client |----->| Command Handler |----->| Write DB (SQL) |
|        |      +-----------------+      +----------------+
|        |               |
|        |               |
|        |               | publishes
|        |               |
|        |               +--------------------+
|        |                                    v
|        |      +---------------+      +-----------+
|        |      | Event Handler |<-----| Event Bus |
|        |      +---------------+      +-----------+
|        |              |
|        |              +-----------------+
|        |                                v
|        |      +---------------+      +---------+
|        |----->| Query Handler |----->| Read DB |
+--------+      +---------------+      +---------+`;
    expect(gradeDiagram(diagram).message).toBe('The diagram has all seven arrows of the CQRS Order Service.');
  });
});
