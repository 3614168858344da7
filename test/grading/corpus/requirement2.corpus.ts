import { fence } from './case';
import type { CorpusCase } from './case';

/**
 * Requirement 2 (architecture diagram). The seven arrows a teacher expects, from seed 003: Client → Command Handler,
 * Command Handler → Write DB, Command Handler → Event Bus, Event Bus → Event Handler, Event Handler → Read DB,
 * Client → Query Handler, Query Handler → Read DB. A right diagram has all seven and no arrow between two of these
 * components that is not one of them; a wrong one misses one, adds one, or reverses one.
 */

const pass = (name: string, body: string, lang = 'text', why = 'all seven arrows, nothing extra'): CorpusCase => ({
  name,
  verdict: 'pass',
  why,
  section: fence(body, lang),
});
const fail = (name: string, why: string, body: string, lang = 'text', mentions?: string): CorpusCase => ({
  name,
  verdict: 'fail',
  why,
  section: fence(body, lang),
  ...(mentions ? { mentions } : {}),
});

const RIGHT: readonly CorpusCase[] = [
  pass(
    'plain arrow list, one arrow a line',
    `Client -> Command Handler
Command Handler -> Write DB
Command Handler -> Event Bus
Event Bus -> Event Handler
Event Handler -> Read DB
Client -> Query Handler
Query Handler -> Read DB`,
  ),
  pass(
    'seed-style unicode arrows with labels, Event Bus line added',
    `Client ──POST /orders──▶ Command Handler ──▶ Write DB (SQL)
Command Handler ──publishes OrderPlaced──▶ Event Bus (Kafka)
Event Bus ──delivers──▶ Event Handler
Event Handler ──updates──▶ Read DB (Elasticsearch)
Client ──GET /orders?status=paid──▶ Query Handler ──▶ Read DB`,
  ),
  pass(
    'fat arrows with trailing labels',
    `Client => Command Handler          : PlaceOrder
Command Handler => Write DB        : INSERT
Command Handler => Event Bus       : OrderPlaced
Event Bus => Event Handler         : subscribe
Event Handler => Read DB           : upsert view
Client => Query Handler            : GetOrdersByCustomer
Query Handler => Read DB           : SELECT`,
  ),
  pass(
    'unicode → chains with parenthesised technology',
    `Client → Command Handler → Write Model DB (PostgreSQL)
Command Handler → Event Bus (Kafka) → Event Handler → Read Model DB (Elasticsearch)
Client → Query Handler → Read Model DB (Elasticsearch)`,
  ),
  pass(
    'Mermaid flowchart LR, node ids and |labels|',
    `flowchart LR
  C[Client] -->|POST /orders| CH[Command Handler]
  CH --> WDB[(Write DB SQL)]
  CH -->|OrderPlaced| EB[Event Bus]
  EB --> EH[Event Handler]
  EH --> RDB[(Read DB Elasticsearch)]
  C -->|GET /orders| QH[Query Handler]
  QH --> RDB`,
    'mermaid',
  ),
  pass(
    'Mermaid graph TD with -- label --> edges',
    `graph TD
    client[Client] -- PlaceOrder --> cmd[Command Handler]
    cmd -- save --> wdb[(Write DB)]
    cmd -- publish event --> bus[Event Bus]
    bus -- deliver --> evh[Event Handler]
    evh -- project --> rdb[(Read DB)]
    client -- GetOrder --> qry[Query Handler]
    qry -- read --> rdb`,
    'mermaid',
  ),
  pass(
    'Mermaid with thick and dotted edges',
    `flowchart LR
  A[Client] ==> B[Command Handler]
  B ==> C[(Write DB)]
  B -.-> D[Event Bus]
  D -.-> E[Event Handler]
  E ==> F[(Read DB)]
  A ==> G[Query Handler]
  G ==> F`,
    'mermaid',
  ),
  pass(
    'Mermaid with command-side and query-side subgraphs',
    `flowchart LR
  client[Client]
  subgraph Command side
    ch[Command Handler] --> wdb[(Write DB)]
  end
  subgraph Messaging
    bus[Event Bus]
  end
  subgraph Query side
    eh[Event Handler] --> rdb[(Read DB)]
    qh[Query Handler] --> rdb
  end
  client --> ch
  ch --> bus
  bus --> eh
  client --> qh`,
    'mermaid',
  ),
  pass(
    'Mermaid chained edges',
    `flowchart LR
  Client[Client] --> CH[Command Handler] --> W[(Write DB)]
  CH --> Bus[Event Bus] --> EH[Event Handler] --> R[(Read DB)]
  Client --> QH[Query Handler] --> R`,
    'mermaid',
  ),
  pass(
    'Mermaid with round, hexagon and cylinder shapes',
    `graph LR
  c((Client)) --> ch[Command Handler]
  ch --> w[(Write DB)]
  ch --> b{{Event Bus}}
  b --> e[/Event Handler/]
  e --> r[(Read DB)]
  c --> q[Query Handler]
  q --> r`,
    'mermaid',
  ),
  pass(
    'Mermaid with the & shorthand',
    `flowchart TB
  Client[Client] --> CH[Command Handler] & QH[Query Handler]
  CH --> WDB[(Write DB)] 
  CH --> BUS[Event Bus]
  BUS --> EH[Event Handler]
  EH --> RDB[(Read DB)]
  QH --> RDB`,
    'mermaid',
  ),
  pass(
    'Mermaid with quoted edge labels',
    `flowchart LR
  C["Client"] -->|"POST /orders"| CH["Command Handler"]
  CH -->|"INSERT order"| W[("Write DB (SQL)")]
  CH -->|"publish OrderPlaced"| B["Event Bus (Kafka)"]
  B -->|"consume"| H["Event Handler"]
  H -->|"update view"| R[("Read DB (Elasticsearch)")]
  C -->|"GET /orders?status=shipped"| Q["Query Handler"]
  Q -->|"search"| R`,
    'mermaid',
  ),
  pass(
    '+---+ boxes, arrows touching the box walls',
    `+--------+        +-----------------+        +----------+
| Client |------->| Command Handler |------->| Write DB |
+--------+        +-----------------+        +----------+
    |                      |
    |                      | publishes
    |                      v
    |             +-----------+       +---------------+       +---------+
    |             | Event Bus |------>| Event Handler |------>| Read DB |
    |             +-----------+       +---------------+       +---------+
    |                                                              ^
    |             +---------------+                                |
    +------------>| Query Handler |--------------------------------+
                  +---------------+`,
  ),
  pass(
    'box-drawing ┌──┐ boxes with ──▶ and │ ▼',
    `┌────────┐  PlaceOrder  ┌─────────────────┐      ┌──────────┐
│ Client │─────────────▶│ Command Handler │─────▶│ Write DB │
└────────┘              └─────────────────┘      └──────────┘
    │                            │
    │ GetOrders                  │ OrderPlaced
    ▼                            ▼
┌───────────────┐        ┌───────────┐
│ Query Handler │        │ Event Bus │
└───────────────┘        └───────────┘
    │                            │
    ▼                            ▼
┌─────────┐              ┌───────────────┐
│ Read DB │◀─────────────│ Event Handler │
└─────────┘              └───────────────┘`,
  ),
  pass(
    'boxes with leftward arrows into the Read DB',
    `+--------+      +-----------------+      +----------+
| Client | ---> | Command Handler | ---> | Write DB |
+--------+      +-----------------+      +----------+
                         |
                         v
                  +-----------+      +---------------+
                  | Event Bus | ---> | Event Handler |
                  +-----------+      +---------------+
                                             |
                                             v
+--------+      +---------------+      +---------+
| Client | ---> | Query Handler | ---> | Read DB |
+--------+      +---------------+      +---------+`,
  ),
  pass(
    'a vertical stack on each side',
    `   COMMAND SIDE                  QUERY SIDE

   +--------+                    +--------+
   | Client |                    | Client |
   +--------+                    +--------+
       |                              |
       v                              v
+-----------------+           +---------------+
| Command Handler |           | Query Handler |
+-----------------+           +---------------+
   |          |                       |
   v          v                       v
+----------+ +-----------+      +---------+
| Write DB | | Event Bus |      | Read DB |
+----------+ +-----------+      +---------+
                   |                  ^
                   v                  |
           +---------------+          |
           | Event Handler |----------+
           +---------------+`,
  ),
  pass(
    'right-to-left lines',
    `Write DB <-- Command Handler <-- Client
Event Handler <-- Event Bus <-- Command Handler
Read DB <-- Event Handler
Read DB <-- Query Handler <-- Client`,
  ),
  pass(
    'bracketed labels on the shafts',
    `Client --[PlaceOrder]--> Command Handler
Command Handler --[INSERT]--> Write DB
Command Handler --[OrderPlaced]--> Event Bus
Event Bus --[push]--> Event Handler
Event Handler --[UPSERT]--> Read DB
Client --[GetOrderById]--> Query Handler
Query Handler --[SELECT]--> Read DB`,
  ),
  pass(
    'full names from the requirement (Write Model DB, Read Model DB)',
    `Client --(command)--> Command Handler --> Write Model DB (SQL)
Command Handler --(event)--> Event Bus (Kafka)
Event Bus --> Event Handler
Event Handler --> Read Model DB (read-optimized, denormalized SQL view)
Client --(query)--> Query Handler --> Read Model DB`,
  ),
  pass(
    'numbered steps',
    `1. Client --PlaceOrder--> Command Handler
2. Command Handler --> Write DB
3. Command Handler --OrderPlaced--> Event Bus
4. Event Bus --> Event Handler
5. Event Handler --> Read DB
6. Client --GetOrders--> Query Handler
7. Query Handler --> Read DB`,
  ),
  pass(
    'lower-case names',
    `client -> command handler -> write db
command handler -> event bus -> event handler -> read db
client -> query handler -> read db`,
    'text',
    'all seven arrows, lower case',
  ),
  pass(
    'through an API gateway',
    `Client → API Gateway → Command Handler → Write DB
Command Handler → Event Bus → Event Handler → Read DB
Client → API Gateway → Query Handler → Read DB`,
    'text',
    'the gateway only relays; all seven flows are there',
  ),
  pass(
    'a corner far below its source',
    `+--------+      +-----------------+      +----------+
| Client |----->| Command Handler |----->| Write DB |
+--------+      +-----------------+      +----------+
  |                    |
  |                    v
  |              +-----------+
  |              | Event Bus |
  |              +-----------+
  |                    |
  |                    v
  |              +---------------+
  |              | Event Handler |
  |              +---------------+
  |                    |
  |                    v
  |              +---------+
  |              | Read DB |
  |              +---------+
  |                    ^
  |                    |
  |              +---------------+
  +------------->| Query Handler |
                 +---------------+`,
  ),
  pass(
    'an upward arrow with ^',
    `                 +---------+
                 | Read DB |<------------------+
                 +---------+                   |
                      ^                        |
                      |                        |
+--------+     +---------------+       +---------------+
| Client |---->| Query Handler |       | Event Handler |
+--------+     +---------------+       +---------------+
    |                                          ^
    |                                          |
    |          +-----------------+       +-----------+
    +--------->| Command Handler |------>| Event Bus |
               +-----------------+       +-----------+
                       |
                       v
                 +----------+
                 | Write DB |
                 +----------+`,
  ),
  pass(
    'labels in parentheses and Kafka/Elasticsearch annotations',
    `Client --(POST /orders)--> Command Handler
Command Handler --(INSERT INTO orders)--> Write DB [PostgreSQL]
Command Handler --(publish OrderCreated)--> Event Bus [Kafka]
Event Bus [Kafka] --(OrderCreated)--> Event Handler
Event Handler --(index document)--> Read DB [Elasticsearch]
Client --(GET /orders?customer=123)--> Query Handler
Query Handler --(search)--> Read DB [Elasticsearch]`,
  ),
  pass(
    'two halves with a legend',
    `Legend: [X] = component, --> = call or message

WRITE
  [Client] --> [Command Handler] --> [Write DB]
  [Command Handler] --> [Event Bus]

ASYNC
  [Event Bus] --> [Event Handler] --> [Read DB]

READ
  [Client] --> [Query Handler] --> [Read DB]`,
  ),
  pass(
    'long shafts touching boxes on both ends',
    `| Client |----------POST /orders---------->| Command Handler |
| Command Handler |------------------------->| Write DB |
| Command Handler |-----OrderPlaced--------->| Event Bus |
| Event Bus |------------------------------->| Event Handler |
| Event Handler |------------------------------>| Read DB |
| Client |----------GET /orders----------->| Query Handler |
| Query Handler |------------------------------>| Read DB |`,
  ),
  pass(
    'Mermaid without brackets, ids are the names',
    `flowchart LR
  Client --> CommandHandler
  CommandHandler --> WriteDB
  CommandHandler --> EventBus
  EventBus --> EventHandler
  EventHandler --> ReadDB
  Client --> QueryHandler
  QueryHandler --> ReadDB`,
    'mermaid',
    'all seven arrows; names written as identifiers',
  ),
  pass(
    '─► shafts with ► heads',
    `Client ─────► Command Handler ─────► Write DB
Command Handler ─────► Event Bus ─────► Event Handler ─────► Read DB
Client ─────► Query Handler ─────► Read DB`,
  ),
  pass(
    'boxes side by side, arrows with labels in the middle of the shaft',
    `+--------+ --PlaceOrder--> +-----------------+ --save--> +----------+
| Client |                 | Command Handler |           | Write DB |
+--------+                 +-----------------+           +----------+

Command Handler --publish--> Event Bus --deliver--> Event Handler --write--> Read DB
Client --GetOrder--> Query Handler --read--> Read DB`,
    'text',
    'arrows drawn along the top edge of the boxes read Client → Command Handler → Write DB; the lines below give the other five',
  ),
  pass(
    'Event Bus named Message Broker (Kafka)',
    `Client -> Command Handler -> Write DB (SQL)
Command Handler -> Message Broker / Event Bus (Kafka)
Message Broker / Event Bus (Kafka) -> Event Handler
Event Handler -> Read DB (Elasticsearch)
Client -> Query Handler -> Read DB (Elasticsearch)`,
  ),
  pass(
    'Event Handler also called projector',
    `Client --> Command Handler --> Write DB
Command Handler --> Event Bus --> Event Handler (projector) --> Read DB
Client --> Query Handler --> Read DB`,
  ),
  pass(
    'mixed arrow styles in one drawing',
    `Client ──▶ Command Handler -> Write DB
Command Handler => Event Bus
Event Bus --> Event Handler → Read DB
Client -> Query Handler ──▶ Read DB`,
  ),
];

const WRONG: readonly CorpusCase[] = [
  fail(
    'no publish to the Event Bus',
    'Command Handler → Event Bus missing',
    `Client -> Command Handler -> Write DB
Event Bus -> Event Handler -> Read DB
Client -> Query Handler -> Read DB`,
    'text',
    'Event Bus',
  ),
  fail(
    'the Query Handler reads nothing',
    'Query Handler → Read DB missing',
    `Client -> Command Handler -> Write DB
Command Handler -> Event Bus -> Event Handler -> Read DB
Client -> Query Handler`,
    'text',
    'Query Handler',
  ),
  fail(
    'the Command Handler stores nothing',
    'Command Handler → Write DB missing',
    `flowchart LR
  C[Client] --> CH[Command Handler]
  CH --> B[Event Bus]
  B --> EH[Event Handler]
  EH --> R[(Read DB)]
  C --> QH[Query Handler]
  QH --> R
  W[(Write DB)]`,
    'mermaid',
    'Write DB',
  ),
  fail(
    'no query from the Client',
    'Client → Query Handler missing',
    `Client ──▶ Command Handler ──▶ Write DB
Command Handler ──▶ Event Bus ──▶ Event Handler ──▶ Read DB
Query Handler ──▶ Read DB`,
    'text',
    'Query Handler',
  ),
  fail(
    'the Event Handler writes nowhere',
    'Event Handler → Read DB missing',
    `+--------+     +-----------------+     +----------+
| Client |---->| Command Handler |---->| Write DB |
+--------+     +-----------------+     +----------+
    |                  |
    |                  v
    |            +-----------+     +---------------+
    |            | Event Bus |---->| Event Handler |
    |            +-----------+     +---------------+
    |
    |            +---------------+     +---------+
    +----------->| Query Handler |---->| Read DB |
                 +---------------+     +---------+`,
    'text',
    'Event Handler',
  ),
  fail(
    'the Client writes the Read DB',
    'extra arrow: Client → Read DB',
    `Client -> Command Handler -> Write DB
Command Handler -> Event Bus -> Event Handler -> Read DB
Client -> Query Handler -> Read DB
Client -> Read DB`,
    'text',
    'Client',
  ),
  fail(
    'the Query Handler reads the Write DB too',
    'extra arrow: Query Handler → Write DB',
    `flowchart LR
  C[Client] --> CH[Command Handler] --> W[(Write DB)]
  CH --> B[Event Bus] --> EH[Event Handler] --> R[(Read DB)]
  C --> QH[Query Handler] --> R
  QH --> W`,
    'mermaid',
    'Write DB',
  ),
  fail(
    'the Command Handler writes the Read DB directly',
    'extra arrow: Command Handler → Read DB',
    `Client → Command Handler → Write DB
Command Handler → Read DB
Command Handler → Event Bus → Event Handler → Read DB
Client → Query Handler → Read DB`,
    'text',
    'Read DB',
  ),
  fail(
    'the Event Handler writes the Write DB as well',
    'extra arrow: Event Handler → Write DB',
    `Client --> Command Handler --> Write DB
Command Handler --> Event Bus --> Event Handler --> Read DB
Event Handler --> Write DB
Client --> Query Handler --> Read DB`,
    'text',
    'Write DB',
  ),
  fail(
    'the Event Bus drives the Command Handler',
    'reversed arrow: Event Bus → Command Handler',
    `Client -> Command Handler -> Write DB
Event Bus -> Command Handler
Event Bus -> Event Handler -> Read DB
Client -> Query Handler -> Read DB`,
    'text',
    'Event Bus',
  ),
  fail(
    'the Read DB feeds the Event Handler',
    'reversed arrow: Read DB → Event Handler',
    `flowchart LR
  C[Client] --> CH[Command Handler] --> W[(Write DB)]
  CH --> B[Event Bus] --> EH[Event Handler]
  R[(Read DB)] --> EH
  C --> QH[Query Handler] --> R`,
    'mermaid',
    'Event Handler',
  ),
  fail(
    'the Write DB feeds the Command Handler',
    'reversed arrow: Write DB → Command Handler',
    `Client ──▶ Command Handler
Write DB ──▶ Command Handler
Command Handler ──▶ Event Bus ──▶ Event Handler ──▶ Read DB
Client ──▶ Query Handler ──▶ Read DB`,
    'text',
    'Write DB',
  ),
  fail(
    'queries answered from the Write DB',
    'Query Handler reads the Write DB instead of the Read DB',
    `Client -> Command Handler -> Write DB
Command Handler -> Event Bus -> Event Handler -> Read DB
Client -> Query Handler -> Write DB`,
    'text',
    'Query Handler',
  ),
  fail(
    'boxes with the Client writing straight to the Write DB',
    'extra arrow: Client → Write DB',
    `+--------+     +-----------------+     +----------+
| Client |---->| Command Handler |---->| Write DB |
+--------+     +-----------------+     +----------+
  |  |                  |                  ^
  |  |                  v                  |
  |  |            +-----------+            |
  |  |            | Event Bus |            |
  |  |            +-----------+            |
  |  |                  |                  |
  |  |                  v                  |
  |  |            +---------------+        |
  |  |            | Event Handler |        |
  |  |            +---------------+        |
  |  |                  |                  |
  |  |                  v                  |
  |  |            +---------+              |
  |  |            | Read DB |              |
  |  |            +---------+              |
  |  |                  ^                  |
  |  |                  |                  |
  |  |            +---------------+        |
  |  +----------->| Query Handler |        |
  |               +---------------+        |
  +----------------------------------------+`,
    'text',
    'Client',
  ),
  fail(
    'the Query Handler publishes to the Event Bus',
    'extra arrow: Query Handler → Event Bus',
    `graph LR
  client[Client] --> ch[Command Handler]
  ch --> wdb[(Write DB)]
  ch --> bus[Event Bus]
  bus --> eh[Event Handler]
  eh --> rdb[(Read DB)]
  client --> qh[Query Handler]
  qh --> rdb
  qh --> bus`,
    'mermaid',
    'Query Handler',
  ),
  fail(
    'no Event Bus: the Command Handler calls the Event Handler',
    'no Event Bus; Command Handler → Event Handler directly',
    `Client -> Command Handler -> Write DB
Command Handler -> Event Handler -> Read DB
Client -> Query Handler -> Read DB`,
    'text',
    'Event Bus',
  ),
  fail(
    'one shared database for both sides',
    'no separate read and write stores',
    `Client -> Command Handler -> Database
Command Handler -> Event Bus -> Event Handler
Client -> Query Handler -> Database`,
  ),
  fail(
    'the Client never sends a command',
    'Client → Command Handler missing',
    `┌────────┐                       ┌─────────────────┐      ┌──────────┐
│ Client │                       │ Command Handler │─────▶│ Write DB │
└────────┘                       └─────────────────┘      └──────────┘
    │                                     │
    ▼                                     ▼
┌───────────────┐                   ┌───────────┐      ┌───────────────┐
│ Query Handler │                   │ Event Bus │─────▶│ Event Handler │
└───────────────┘                   └───────────┘      └───────────────┘
    │                                                         │
    ▼                                                         ▼
┌─────────┐◀──────────────────────────────────────────────────┘
│ Read DB │
└─────────┘`,
    'text',
    'Command Handler',
  ),
  fail(
    'the Client publishes to the Event Bus itself',
    'extra arrow: Client → Event Bus',
    `Client => Command Handler => Write DB
Client => Event Bus
Command Handler => Event Bus => Event Handler => Read DB
Client => Query Handler => Read DB`,
    'text',
    'Event Bus',
  ),
  fail(
    'the Command Handler calls the Query Handler',
    'extra arrow: Command Handler → Query Handler',
    `flowchart LR
  C[Client] --> CH[Command Handler] --> W[(Write DB)]
  CH --> B[Event Bus] --> EH[Event Handler] --> R[(Read DB)]
  C --> QH[Query Handler] --> R
  CH --> QH`,
    'mermaid',
    'Query Handler',
  ),
  fail(
    'components listed, no arrows',
    'no arrows at all',
    `Client, Command Handler, Write DB, Event Bus, Event Handler, Read DB, Query Handler`,
  ),
  fail(
    'the Event Handler notifies the Query Handler',
    'extra arrow: Event Handler → Query Handler',
    `Client -> Command Handler -> Write DB
Command Handler -> Event Bus -> Event Handler -> Read DB
Event Handler -> Query Handler
Client -> Query Handler -> Read DB`,
    'text',
    'Query Handler',
  ),
  fail(
    'the Event Handler sends commands back',
    'extra arrow: Event Handler → Command Handler',
    `Client --> Command Handler --> Write DB
Command Handler --> Event Bus --> Event Handler --> Read DB
Event Handler --> Command Handler
Client --> Query Handler --> Read DB`,
    'text',
    'Command Handler',
  ),
  fail(
    'the Event Handler reads from the Write DB, no bus delivery',
    'Event Bus → Event Handler missing; extra Write DB → Event Handler',
    `Client -> Command Handler -> Write DB
Command Handler -> Event Bus
Write DB -> Event Handler -> Read DB
Client -> Query Handler -> Read DB`,
    'text',
    'Event Handler',
  ),
];

export const REQUIREMENT_2_CORPUS: readonly CorpusCase[] = [...RIGHT, ...WRONG];
