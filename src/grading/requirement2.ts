import type { RequirementSection } from './answersDocument';
import { parseDiagram } from './diagram';
import type { Component, Diagram } from './diagram';
import { fail, pass } from './result';
import type { RequirementResult } from './types';

/** The seven arrows of seed 003's diagram, each with what it stands for. */
const REQUIRED_ARROWS: readonly { from: Component; to: Component; why: string }[] = [
  { from: 'Client', to: 'Command Handler', why: 'the client issues commands' },
  { from: 'Command Handler', to: 'Write DB', why: 'the command handler writes to the write model' },
  { from: 'Command Handler', to: 'Event Bus', why: 'the command handler publishes an event' },
  { from: 'Event Bus', to: 'Event Handler', why: 'the event handler consumes the events the bus carries' },
  { from: 'Event Handler', to: 'Read DB', why: 'the event handler updates the read model' },
  { from: 'Client', to: 'Query Handler', why: 'the client issues queries' },
  { from: 'Query Handler', to: 'Read DB', why: 'queries are answered from the read model' },
];

/**
 * Arrows between two of the seven components that are right although seed 003 does not draw them: an event store
 * that publishes its events (or feeds the projector on replay), and answers flowing back along a request arrow
 * (these count only where the request arrow is drawn too, so a reversed arrow alone is still wrong).
 */
const ALSO_RIGHT: readonly { from: Component; to: Component; replyTo?: true }[] = [
  { from: 'Write DB', to: 'Event Bus' },
  { from: 'Write DB', to: 'Event Handler' },
  { from: 'Query Handler', to: 'Client', replyTo: true },
  { from: 'Command Handler', to: 'Client', replyTo: true },
  { from: 'Read DB', to: 'Query Handler', replyTo: true },
  { from: 'Write DB', to: 'Command Handler', replyTo: true },
];

/** What each component does, to say why an arrow leaving it elsewhere is wrong. */
const ROLE: Record<Component, string> = {
  Client: 'a client only sends commands to the Command Handler and queries to the Query Handler',
  'Command Handler': 'the Command Handler only writes to the Write DB and publishes events to the Event Bus',
  'Write DB': 'the Write DB only stores what the Command Handler writes (and may publish its events to the Event Bus)',
  'Event Bus': 'the Event Bus only delivers events to the Event Handler',
  'Event Handler': 'the Event Handler only consumes events and updates the Read DB',
  'Read DB': 'the Read DB is only written by the Event Handler and read by the Query Handler',
  'Query Handler': 'a query never changes anything: the Query Handler only reads the Read DB',
};

/** "lets the Client write to the Read DB": what an arrow from `from` to `to` says happens. */
function whatTheArrowSays(from: Component, to: Component): string {
  if (from === 'Query Handler') return `lets the Query Handler read the ${to}`;
  if (to === 'Write DB' || to === 'Read DB') return `lets the ${from} write to the ${to}`;
  if (to === 'Event Bus') return `lets the ${from} publish to the Event Bus`;
  if (to === 'Command Handler') return `lets the ${from} send commands to the Command Handler`;
  if (to === 'Query Handler') return `lets the ${from} send queries to the Query Handler`;
  if (to === 'Event Handler') return `lets the ${from} feed the Event Handler`;
  return `lets the ${from} send to the Client`;
}

/** Seed 003 draws the Event Handler pulling from the bus in words ("consumes"); an arrow to the bus saying so is fine. */
const PULLS = /consum|subscrib|listen|poll|pull|reads?\b|fetch/i;

function wrongArrows(diagram: Diagram): string[] {
  const problems: string[] = [];
  const has = (from: string, to: string): boolean => diagram.edges.some((e) => e.from === from && e.to === to);
  for (const edge of diagram.edges) {
    if (!CORE.has(edge.from) || !CORE.has(edge.to)) continue;
    const from = edge.from as Component;
    const to = edge.to as Component;
    if (REQUIRED_ARROWS.some((a) => a.from === from && a.to === to)) continue;
    const alsoRight = ALSO_RIGHT.find((a) => a.from === from && a.to === to);
    if (alsoRight !== undefined && (alsoRight.replyTo === undefined || has(to, from))) continue;
    if (from === 'Event Handler' && to === 'Event Bus' && PULLS.test(edge.label ?? '')) continue;
    const reversed = REQUIRED_ARROWS.find((a) => a.from === to && a.to === from);
    if (reversed !== undefined) {
      if (has(to, from)) continue;
      problems.push(`the arrow between the ${to} and the ${from} points the wrong way: it goes from the ${to} to the ${from} (${reversed.why})`);
      continue;
    }
    problems.push(`your diagram ${whatTheArrowSays(from, to)} (the arrow from the ${from} to the ${to}), but ${ROLE[from]}`);
  }
  return problems;
}

/**
 * Requirement 2, judged as a whole graph: a path for each of the seven arrows (through boxes the seed does not
 * name, such as an API gateway, and for the event through the Write DB, an event store that publishes), and no
 * arrow between two of the seven components that is not one of them, each wrong or reversed arrow named.
 */
export function checkRequirement2(section: RequirementSection): RequirementResult {
  const blocks = section.codeBlocks.filter((b) => b.text.trim() !== '' && !/^\s*todo\b/i.test(b.text.trim()));
  if (blocks.length === 0) {
    return fail(2, ['requirement 2 has no diagram: draw it inside a fenced code block (``` on the lines before and after)']);
  }
  const diagram = parseDiagram(blocks.map((b) => b.text).join('\n\n'));
  const problems: string[] = [];
  for (const component of ['Client', 'Command Handler', 'Write DB', 'Event Bus', 'Event Handler', 'Read DB', 'Query Handler'] as const) {
    if (!diagram.nodes.includes(component)) problems.push(`your diagram has no ${component}${ALSO_CALLED[component]}`);
  }
  if (problems.length === 0) {
    const wrong = wrongArrows(diagram);
    for (const arrow of REQUIRED_ARROWS) {
      // A reversed arrow is already named as one: "no path" would say the same thing twice.
      if (!hasArrow(diagram, arrow.from, arrow.to) && !wrong.some((p) => p.startsWith(`the arrow between the ${arrow.from} and the ${arrow.to}`))) {
        problems.push(`your diagram has no path from the ${arrow.from} to the ${arrow.to} (${arrow.why})`);
      }
    }
    problems.push(...wrong);
  }
  if (diagram.edges.length === 0) problems.push(...diagram.problems);
  return problems.length > 0 ? fail(2, problems) : pass(2, 'The diagram has all seven arrows of the CQRS Order Service.');
}

const ALSO_CALLED: Record<Component, string> = {
  Client: ' (a box named Client or User)',
  'Command Handler': ' (a box named Command Handler)',
  'Write DB': " (a box named Write DB, Write Model DB or Event Store)",
  'Event Bus': ' (a box named Event Bus, Kafka or message broker)',
  'Event Handler': ' (a box named Event Handler or Projector)',
  'Read DB': ' (a box named Read DB, Read Model DB or Elasticsearch)',
  'Query Handler': ' (a box named Query Handler)',
};

const CORE = new Set<string>(['Client', 'Command Handler', 'Write DB', 'Event Bus', 'Event Handler', 'Read DB', 'Query Handler']);

function hasArrow(diagram: Diagram, from: Component, to: Component): boolean {
  if (from === 'Event Bus' && to === 'Event Handler' && consumesFromBus(diagram)) return true;
  // Boxes a path may pass through: anything that is not one of the seven, and for the publish arrow the Write DB.
  const passable = (node: string): boolean => !CORE.has(node) || (from === 'Command Handler' && to === 'Event Bus' && node === 'Write DB');
  const seen = new Set<string>([from]);
  const queue: string[] = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const edge of diagram.edges.filter((e) => e.from === node)) {
      if (edge.to === to) return true;
      if (!seen.has(edge.to) && passable(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return false;
}

/** Seed 003's own expected output draws `Event Handler ──consumes──▶ Read DB`: "consumes" says it reads from the bus. */
function consumesFromBus(diagram: Diagram): boolean {
  return diagram.nodes.includes('Event Bus') && diagram.edges.some((e) => e.from === 'Event Handler' && /consum|subscrib|listen|poll/i.test(e.label ?? ''));
}
