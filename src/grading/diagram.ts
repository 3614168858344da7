/** Requirement 2: reads an ASCII architecture diagram into components and arrows. (Body in progress.) */

export const COMPONENTS = ['Client', 'Command Handler', 'Write DB', 'Event Bus', 'Event Handler', 'Read DB', 'Query Handler'] as const;
export type Component = (typeof COMPONENTS)[number];

export type DiagramEdge = { readonly from: string; readonly to: string; readonly label?: string };
export type Diagram = { readonly nodes: readonly string[]; readonly edges: readonly DiagramEdge[]; readonly problems: readonly string[] };

export function parseDiagram(text: string): Diagram {
  return { nodes: [], edges: [], problems: text.trim() === '' ? ['the diagram is empty'] : [] };
}
