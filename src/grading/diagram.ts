/**
 * Requirement 2: reads an architecture diagram into components and arrows, however it is drawn: ASCII art (one
 * line per arrow, boxes of any style joined by arrows that touch their walls or not, corners, `|` shafts ending in
 * `v`, labels on the arrows; see asciiDiagram.ts) or a Mermaid flowchart (mermaidDiagram.ts). Component names are
 * normalized (Kafka is the Event Bus, Elasticsearch the Read DB) so the check can ask about meaning: "is there an
 * arrow from the Query Handler to the Read DB?".
 */

import { parseAsciiDiagram } from './asciiDiagram';
import { isMermaid, parseMermaidDiagram } from './mermaidDiagram';

export const COMPONENTS = ['Client', 'Command Handler', 'Write DB', 'Event Bus', 'Event Handler', 'Read DB', 'Query Handler'] as const;
export type Component = (typeof COMPONENTS)[number];

export type DiagramEdge = { readonly from: string; readonly to: string; readonly label?: string };
export type Diagram = {
  /** Components found (normalized names), then any other boxes that arrows connect (e.g. "API Gateway"). */
  readonly nodes: readonly string[];
  readonly edges: readonly DiagramEdge[];
  /** What could not be read, for the student: "line 4: an arrow with nothing on its left". */
  readonly problems: readonly string[];
};

/** What a drawing parser reads: the edges between named boxes, and the names of boxes no arrow touches. */
export type DrawingReading = {
  readonly edges: readonly DiagramEdge[];
  readonly boxNames: readonly string[];
  readonly problems: readonly string[];
};

/** A fragment's component is the one whose name appears EARLIEST in it ("Read Model (projection)"), the longest on a tie. */
const COMPONENT_NAMES: readonly (readonly [Component, RegExp])[] = [
  ['Command Handler', /\bcommand\s*(handler|service|side|api|processor|endpoint|bus)s?\b|\bcmd\s*handler\b|\bwrite\s*(api|service|handler|endpoint)\b|\bcommand\s*model\s*handler\b/i],
  ['Query Handler', /\bquery\s*(handler|service|side|api|processor|endpoint)s?\b|\bread\s*(api|service|handler|endpoint)\b|\breporting\s*(api|service)\b/i],
  [
    'Event Handler',
    /\bevent\s*(handler|processor|consumer|listener|subscriber)s?\b|\bprojector\b|\bprojections?\b|\bprojection\s*(worker|service|handler|engine)\b|\bread\s*model\s*updater\b|\bupdater\b|\bconsumer\b|\bsubscriber\b|\bdenormali[sz]er\b|\blistener\b/i,
  ],
  [
    'Event Bus',
    /\bevent\s*bus\b|\bmessage\s*(bus|broker|queue)\b|\bevent\s*broker\b|\bbus\b|\bkafka\b|\bbroker\b|\brabbit\s*mq\b|\bqueue\b|\btopic\b|\bpub\s*\/?\s*sub\b|\bevent\s*stream(s|ing)?\b|\bevent\s*hub\b|\bnats\b|\bsns\b|\bsqs\b|\bkinesis\b|\bpulsar\b/i,
  ],
  [
    'Read DB',
    /\bread\s*(db|database|model|store|side|replica|view|cache)s?\b|\belastic\s*search\b|\belastic\b|\bopen\s*search\b|\bsolr\b|\bsearch\s*index\b|\bquery\s*(db|database|store|model)\b|\bview\s*(db|store)\b|\bmateriali[sz]ed\s*view|\bdenormali[sz]ed\b|\bsql\s*view\b|\bprojections?\s*(db|database|store|table)s?\b|\breporting\s*(db|database|store)\b/i,
  ],
  [
    'Write DB',
    /\bwrite\s*(db|database|model|store|side)s?\b|\bevent\s*store\b|\bcommand\s*(db|database|store)\b|\bsql\b|\bpostgres\w*|\bmysql\b|\bmariadb\b|\boracle\b|\brdbms\b|\brelational\s*(db|database)\b|\b(primary|transactional)\s*(db|database)\b|\border_events\b|\borders?\s*(db|database|table)\b/i,
  ],
  ['Client', /\bclient\b|\buser\b|\bbrowser\b|\bfront\s*-?\s*end\b|\bui\b|\bweb\s*app\b|\bmobile\s*app\b|\bcaller\b|\bcustomer\b/i],
];

/** Which component a box's text names, by the earliest name in it. */
export function componentOf(text: string): Component | undefined {
  let best: { component: Component; index: number; length: number } | undefined;
  for (const [component, pattern] of COMPONENT_NAMES) {
    const match = pattern.exec(text);
    if (match === null) continue;
    if (best === undefined || match.index < best.index || (match.index === best.index && match[0].length > best.length)) {
      best = { component, index: match.index, length: match[0].length };
    }
  }
  return best?.component;
}

/** The name a box goes by in the graph: its component, or its own words ("API Gateway"). */
export function nodeName(text: string): string {
  return componentOf(text) ?? cleanName(text);
}

function cleanName(text: string): string {
  return text
    .replace(/^[\s[({"'<]+|[\s\])}"'>]+$/g, '')
    .replace(/\s+/g, ' ')
    .slice(0, 40);
}

/**
 * A diagram line holds a few boxes and arrows. A longer one is not read: matching arrows and boxes on a line costs
 * time that grows with the square of its length, and a 100,000-character line of dashes froze the page for minutes.
 */
export const maxDiagramLineLength = 500;

export function parseDiagram(text: string): Diagram {
  const problems: string[] = [];
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .split('\n')
    .map((line, row) => {
      if (line.length <= maxDiagramLineLength) return line;
      problems.push(`line ${row + 1}: longer than ${maxDiagramLineLength} characters, so it is not read as part of the diagram`);
      return '';
    });
  const reading = isMermaid(lines) ? parseMermaidDiagram(lines) : parseAsciiDiagram(lines);
  problems.push(...reading.problems);
  const edges = dedupe(reading.edges.filter((edge) => edge.from !== edge.to && edge.from !== '' && edge.to !== ''));
  if (edges.length === 0 && problems.length === 0) {
    problems.push('no arrows found: draw them as ->, -->, ──▶, →, => or a | shaft ending in v');
  }
  const found = new Set([...edges.flatMap((e) => [e.from, e.to]), ...reading.boxNames.filter((name) => (COMPONENTS as readonly string[]).includes(name))]);
  const nodes = [...COMPONENTS.filter((c) => found.has(c)), ...[...found].filter((n) => !(COMPONENTS as readonly string[]).includes(n))];
  return { nodes, edges, problems };
}

function dedupe(edges: readonly DiagramEdge[]): DiagramEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}→${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
