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

const WRONG_ARROWS: readonly { from: Component; to: Component; why: string }[] = [
  { from: 'Query Handler', to: 'Write DB', why: 'in CQRS the query side reads the Read DB, never the write model' },
  { from: 'Command Handler', to: 'Read DB', why: 'the command side writes to the Write DB; the Read DB is updated by the Event Handler' },
];

/**
 * Requirement 2: a path for each of the seven arrows. A path may pass through boxes the seed does not name (an API
 * gateway), and the event may reach the bus through the Write DB (an event store that publishes).
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
    for (const arrow of REQUIRED_ARROWS) {
      if (!hasArrow(diagram, arrow.from, arrow.to)) {
        problems.push(`your diagram has no path from the ${arrow.from} to the ${arrow.to} (${arrow.why})`);
      }
    }
    for (const arrow of WRONG_ARROWS) {
      if (diagram.edges.some((e) => e.from === arrow.from && e.to === arrow.to)) {
        problems.push(`your diagram has an arrow from the ${arrow.from} to the ${arrow.to}, but ${arrow.why}`);
      }
    }
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
