import type { GradedCase } from './case';

/** Requirement 2 (architecture diagram): the same seven arrows drawn in many ways, and diagrams missing one. */

const fence = (diagram: string, lang = 'text'): string => `\`\`\`${lang}\n${diagram}\n\`\`\`\n`;

export const SEED_DIAGRAM = `Client ──POST /orders──▶ Command Handler ──▶ Write DB (SQL)
Command Handler ──publishes──▶ Event Bus (Kafka)
Event Handler ──consumes──▶ Read DB (Elasticsearch)
Client ──GET /orders?...──▶ Query Handler ──▶ Read DB`;

export const BOX_DIAGRAM = `+--------+  POST /orders   +-----------------+        +----------------+
| Client | --------------> | Command Handler | -----> | Write DB (SQL) |
+--------+                 +-----------------+        +----------------+
    |                              |
    | GET /orders                  | publishes OrderPlaced
    v                              v
+---------------+          +-------------------+
| Query Handler |          | Event Bus (Kafka) |
+---------------+          +-------------------+
    |                              |
    v                              v
+---------------------------+   +---------------+
| Read DB (Elasticsearch)   |<--| Event Handler |
+---------------------------+   +---------------+`;

export const REQUIREMENT_2_CASES: readonly GradedCase[] = [
  { name: "the seed's own expected output", section: fence(SEED_DIAGRAM), verdict: 'pass' },
  { name: 'boxes with vertical | v arrows and a leftward arrow', section: fence(BOX_DIAGRAM), verdict: 'pass' },
  {
    name: 'ASCII arrows, one per line, other names (Postgres, Kafka, Projector)',
    section: fence(`User -> Command API
Command API -> Postgres write model
Command API => Kafka
Kafka --> Projector
Projector --> Read Model DB
User -> Query API
Query API -> Read Model DB`),
    verdict: 'pass',
  },
  {
    name: 'a Mermaid flowchart with node ids',
    section: fence(
      `flowchart LR
  C[Client] -->|PlaceOrder| CH[Command Handler]
  CH --> W[(Write DB)]
  CH -->|OrderPlaced| B[Event Bus]
  B --> EH[Event Handler]
  EH --> R[(Read DB)]
  C -->|GetOrders| QH[Query Handler]
  QH --> R`,
      'mermaid',
    ),
    verdict: 'pass',
  },
  {
    name: 'unicode arrows through an API gateway',
    section: fence(`Client → API Gateway → Command Handler → Event Store
Command Handler → Message Broker → Event Handler → Read DB
Client → API Gateway → Query Handler → Read DB`),
    verdict: 'pass',
  },
  {
    name: 'box-drawing characters with ▼',
    section: fence(`┌────────┐        ┌─────────────────┐       ┌──────────┐
│ Client │──────▶ │ Command Handler │──────▶│ Write DB │
└────────┘        └─────────────────┘       └──────────┘
     │                     │
     │                     ▼
     │             ┌─────────────┐      ┌───────────────┐      ┌─────────┐
     │             │  Event Bus  │─────▶│ Event Handler │─────▶│ Read DB │
     │             └─────────────┘      └───────────────┘      └─────────┘
     ▼
┌───────────────┐
│ Query Handler │ ──▶ Read DB
└───────────────┘`),
    verdict: 'pass',
  },
  {
    name: 'query handler reading nothing',
    section: fence(SEED_DIAGRAM.replace('Client ──GET /orders?...──▶ Query Handler ──▶ Read DB', 'Client ──GET /orders──▶ Query Handler')),
    verdict: 'fail',
    mentions: 'no path from the Query Handler to the Read DB',
  },
  {
    name: 'queries answered from the write database',
    section: fence(`${SEED_DIAGRAM}\nQuery Handler --> Write DB`),
    verdict: 'fail',
    mentions: 'from the Query Handler to the Write DB',
  },
  {
    name: 'no event bus at all',
    section: fence(`Client --> Command Handler --> Write DB
Command Handler --> Event Handler --> Read DB
Client --> Query Handler --> Read DB`),
    verdict: 'fail',
    mentions: 'no Event Bus',
  },
  {
    name: 'the diagram is not in a code block',
    section: 'Client --> Command Handler --> Write DB, and the Query Handler reads the Read DB.',
    verdict: 'fail',
    mentions: 'fenced code block',
  },
  {
    name: 'boxes without arrows',
    section: fence(`[Client]   [Command Handler]   [Write DB]   [Event Bus]
[Event Handler]   [Read DB]   [Query Handler]`),
    verdict: 'fail',
    mentions: 'no path from the Client to the Command Handler',
  },
  {
    name: 'the read side drawn backwards',
    section: fence(`Client --> Command Handler --> Write DB
Command Handler --> Event Bus --> Event Handler
Read DB --> Event Handler
Client --> Query Handler
Read DB --> Query Handler`),
    verdict: 'fail',
    mentions: 'arrow between the Event Handler and the Read DB points the wrong way',
  },
];
