import { componentOf, type Component, type Diagram } from '../grading/index';

/**
 * Requirement 2's live view: the student's ASCII diagram (as the grader's `parseDiagram` reads it) drawn as a
 * graph, with the seed's arrows it does not show yet. This is feedback while typing; the Check button's grader
 * has the final word.
 */

/** The grader's component names: one reading of a box's text for the live view and the Check button. */
export { componentOf };
export type SeedComponent = Component;

/** The seed's four lines, as seven arrows. */
export const requiredArrows: readonly (readonly [SeedComponent, SeedComponent])[] = [
  ['Client', 'Command Handler'],
  ['Command Handler', 'Write DB'],
  ['Command Handler', 'Event Bus'],
  ['Event Bus', 'Event Handler'],
  ['Event Handler', 'Read DB'],
  ['Client', 'Query Handler'],
  ['Query Handler', 'Read DB'],
];

/**
 * The required arrows the diagram lacks. An arrow counts when there is a path from one component to the other
 * through boxes that are not seed components (an "API Gateway" in between is fine).
 */
export function missingArrows(diagram: Pick<Diagram, 'edges'>): (readonly [SeedComponent, SeedComponent])[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of diagram.edges) {
    const targets = next.get(from) ?? new Set<string>();
    targets.add(to);
    next.set(from, targets);
  }
  const reaches = (start: string, goal: SeedComponent): boolean => {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const target of next.get(node) ?? []) {
        if (seen.has(target)) continue;
        seen.add(target);
        const component = componentOf(target);
        if (component === goal) return true;
        if (component === undefined) queue.push(target);
      }
    }
    return false;
  };
  const namesOf = (component: SeedComponent): string[] =>
    [...new Set(diagram.edges.flatMap(({ from, to }) => [from, to]))].filter((name) => componentOf(name) === component);
  return requiredArrows.filter(([from, to]) => !namesOf(from).some((name) => reaches(name, to)));
}

/** Text that is safe inside a quoted Mermaid label: no quotes, brackets or pipes that could end it early. */
const label = (text: string): string =>
  text
    .replace(/["'`|<>[\]{}()#;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60) || '?';

/** The diagram as a Mermaid flowchart; boxes keep the student's names, seed components are highlighted. */
export function diagramToMermaid(diagram: Pick<Diagram, 'nodes' | 'edges'>): string {
  const names = [...new Set([...diagram.nodes, ...diagram.edges.flatMap(({ from, to }) => [from, to])])];
  const ids = new Map(names.map((name, index) => [name, `n${index}`]));
  // Top to bottom: seven boxes side by side would shrink to unreadable text in the page's width.
  const lines = ['flowchart TB'];
  for (const name of names) lines.push(`  ${ids.get(name)}["${label(name)}"]`);
  for (const { from, to, label: text } of diagram.edges) {
    const arrow = text !== undefined && label(text) !== '?' ? `-- "${label(text)}" -->` : '-->';
    lines.push(`  ${ids.get(from)} ${arrow} ${ids.get(to)}`);
  }
  const known = names.filter((name) => componentOf(name) !== undefined).map((name) => ids.get(name));
  if (known.length > 0) {
    lines.push('  classDef seed stroke-width:2px');
    lines.push(`  class ${known.join(',')} seed`);
  }
  return lines.join('\n');
}
